import Foundation
import Yams
import Scenario

/// Reads one mapping of an experiment file key by key, stopping at the first problem with its
/// line; ``finish()`` refuses keys nobody asked for, naming the closest known key.
final class ExperimentMapping {
    let file: String
    /// Dotted path of the mapping in the file (empty for the document).
    let path: String
    let node: Node
    private(set) var known: [String] = []

    init(_ node: Node, path: String, file: String) throws {
        guard node.mapping != nil else {
            throw ExperimentError(.invalid, "\(path.isEmpty ? "the document" : path): expected a mapping of keys to values, "
                                    + "found \(Self.render(node))", file: file, line: node.mark?.line, column: node.mark?.column)
        }
        self.node = node
        self.path = path
        self.file = file
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value of `key`, marking it known; nil when absent.
    func value(_ key: String) -> Node? {
        known.append(key)
        return node.mapping?[Node(key)]
    }

    /// Whether the mapping has `key` (without marking it known).
    func has(_ key: String) -> Bool { node.mapping?[Node(key)] != nil }

    /// The entries in file order, each key marked known.
    var entries: [(key: String, keyNode: Node, value: Node)] {
        (node.mapping ?? Node.Mapping([])).map { key, value in
            let name = key.string ?? ""
            known.append(name)
            return (name, key, value)
        }
    }

    func error(_ code: ExperimentError.Code = .invalid, at node: Node?, _ message: String,
               underlying: (any Error)? = nil) -> ExperimentError {
        let at = node ?? self.node
        return ExperimentError(code, message, file: file, line: at.mark?.line, column: at.mark?.column,
                               underlying: underlying)
    }

    /// A required value; the error names the key and what it should hold.
    func required(_ key: String, _ expected: String) throws -> Node {
        guard let value = value(key) else {
            throw error(at: node, "\(fieldPath(key)): missing; expected \(expected)")
        }
        return value
    }

    /// A non-empty text value.
    func string(_ key: String, _ expected: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.scalar?.string, !text.isEmpty else {
            throw error(at: value, "\(fieldPath(key)): found \(Self.render(value)); expected \(expected)")
        }
        return text
    }

    /// A finite number within `range`.
    func double(_ key: String, in range: ClosedRange<Double>, _ expected: String) throws -> Double? {
        guard let value = value(key) else { return nil }
        return try number(value, field: fieldPath(key), in: range, expected)
    }

    func number(_ value: Node, field: String, in range: ClosedRange<Double>, _ expected: String) throws -> Double {
        guard case .scalar(let scalar) = value, scalar.style == .plain, let number = value.float, number.isFinite,
              range.contains(number) else {
            throw error(at: value, "\(field): found \(Self.render(value)); expected \(expected)")
        }
        return number
    }

    /// A whole number within `range`.
    func int(_ key: String, in range: ClosedRange<Int>, _ expected: String) throws -> Int? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain, let number = value.int, range.contains(number) else {
            throw error(at: value, "\(fieldPath(key)): found \(Self.render(value)); expected \(expected)")
        }
        return number
    }

    /// A 64-bit seed: a whole number from 0 to 2⁶⁴ − 1.
    func seed(_ value: Node, field: String) throws -> UInt64 {
        guard case .scalar(let scalar) = value, scalar.style == .plain, let seed = UInt64(scalar.string) else {
            throw error(at: value, "\(field): found \(Self.render(value)); expected a seed, a whole number from 0 to "
                            + "18446744073709551615")
        }
        return seed
    }

    /// A nested mapping read by its own reader; nil when absent.
    func mapping(_ key: String) throws -> ExperimentMapping? {
        guard let value = value(key) else { return nil }
        return try ExperimentMapping(value, path: fieldPath(key), file: file)
    }

    /// A list's items; the error says what a non-empty list should hold.
    func list(_ key: String, _ expected: String, code: ExperimentError.Code = .invalid) throws -> [Node]? {
        guard let value = value(key) else { return nil }
        guard let items = value.sequence else {
            throw error(at: value, "\(fieldPath(key)): found \(Self.render(value)); expected \(expected)")
        }
        guard !items.isEmpty else { throw error(code, at: value, "\(fieldPath(key)): the list is empty; expected \(expected)") }
        return Array(items)
    }

    /// Refuses every key no reader asked for, with the closest known key.
    func finish() throws {
        for (key, _) in node.mapping ?? Node.Mapping([]) {
            let name = key.string ?? Self.render(key)
            guard !known.contains(name) else { continue }
            let hint = Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
            throw error(at: key, "\(fieldPath(name)): unknown key\(hint) (known keys: \(known.joined(separator: ", ")))")
        }
    }

    /// A node as the user wrote it, for messages.
    static func render(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// A value as YAML text for ``ScenarioEditor``: a plain scalar as written, a quoted one
    /// quoted (so `'800'` stays a text), a mapping or list in flow style.
    static func yaml(_ node: Node) throws -> String {
        switch node {
        case .scalar(let scalar) where scalar.style == .plain:
            return scalar.string
        case .scalar(let scalar):
            return "'" + scalar.string.replacingOccurrences(of: "'", with: "''") + "'"
        default:
            return try Yams.serialize(node: flow(node), width: -1, allowUnicode: true)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    private static func flow(_ node: Node) -> Node {
        switch node {
        case .mapping(var mapping):
            mapping = Node.Mapping(mapping.map { (flow($0), flow($1)) }, mapping.tag, .flow, mapping.mark)
            return .mapping(mapping)
        case .sequence(var sequence):
            sequence = Node.Sequence(sequence.map(flow), sequence.tag, .flow, sequence.mark)
            return .sequence(sequence)
        default:
            return node
        }
    }
}
