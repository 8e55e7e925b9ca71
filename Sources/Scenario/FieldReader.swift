import Foundation
import Yams
import SimKernel

/// Reads one YAML mapping field by field, collecting issues instead of stopping at the first.
///
/// Every key a reader is asked for is marked as used; `finish()` reports the rest as
/// unknown, with the closest known key as a suggestion, so a typo'd key is never
/// silently ignored (docs/design.md: no silent default for a typo).
final class FieldReader {
    let file: String
    let path: String
    let node: Node
    let sink: IssueSink
    /// Set in describe mode: every field asked for is recorded here instead of read.
    let schema: SchemaObject?
    private(set) var known: [String] = []

    init(file: String, path: String, node: Node, sink: IssueSink, schema: SchemaObject? = nil) {
        self.file = file
        self.path = path
        self.node = node
        self.sink = sink
        self.schema = schema
        if node.mapping == nil {
            sink.add(issue(at: node, field: path.isEmpty ? "(document)" : path, expected: "a mapping of keys to values"))
        }
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func issue(at node: Node?, field: String, value: String? = nil, expected: String) -> ScenarioIssue {
        ScenarioIssue(file: file, line: node?.mark?.line, column: node?.mark?.column, field: field,
                      value: value ?? node.map(FieldReader.render), expected: expected)
    }

    /// An issue for a field that is absent, located at its enclosing mapping.
    func missing(_ field: String, expected: String) -> ScenarioIssue {
        ScenarioIssue(file: file, line: node.mark?.line, column: node.mark?.column, field: field, value: nil,
                      expected: expected)
    }

    static func render(_ node: Node) -> String {
        switch node {
        case .scalar(let s): s.string
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private func lookup(_ key: String) -> Node? {
        known.append(key)
        return node.mapping?[Node(key)]
    }

    /// A required or defaulted number within `range`; `unit` names the unit in messages.
    func double(_ key: String, default fallback: Double? = nil, in range: ClosedRange<Double>, unit: String) -> Double {
        number(key, fallback, range, schemaType: "number", schemaExtras: ["description": "in \(unit)"],
               expected: "a number in \(unit)",
               outOfRange: "a value from \(range.lowerBound) to \(range.upperBound) \(unit)") { node in
            node.float.flatMap { $0.isFinite ? $0 : nil }
        }
    }

    /// Issues reported so far in the whole file: compare before and after a read to tell
    /// whether that field was valid (a cross-field check should not add a follow-on error).
    var issueCount: Int { sink.issues.count }

    /// A required or defaulted integer within `range`.
    func int(_ key: String, default fallback: Int? = nil, in range: ClosedRange<Int>) -> Int {
        number(key, fallback, range, schemaType: "integer", schemaExtras: [:], expected: "a whole number",
               outOfRange: "a whole number from \(range.lowerBound) to \(range.upperBound)") { $0.int }
    }

    /// The shared reading of `double` and `int`: present, parseable, within range.
    private func number<N: Comparable>(_ key: String, _ fallback: N?, _ range: ClosedRange<N>, schemaType: String,
                                       schemaExtras: [String: Any], expected: String, outOfRange: String,
                                       parse: (Node) -> N?) -> N {
        schema?.add(key, required: fallback == nil, ["type": schemaType, "minimum": range.lowerBound,
                                                     "maximum": range.upperBound]
                        .merging(schemaExtras) { a, _ in a }
                        .merging(fallback.map { ["default": $0] } ?? [:]) { a, _ in a })
        guard let value = lookup(key) else {
            if let fallback { return fallback }
            sink.add(missing(fieldPath(key), expected: expected))
            return range.lowerBound
        }
        guard value.scalar != nil, let parsed = parse(value) else {
            sink.add(issue(at: value, field: fieldPath(key), expected: expected))
            return fallback ?? range.lowerBound
        }
        guard range.contains(parsed) else {
            sink.add(issue(at: value, field: fieldPath(key), expected: outOfRange))
            return fallback ?? range.lowerBound
        }
        return parsed
    }

    /// A 64-bit seed (non-negative integer).
    func seed(_ key: String, default fallback: UInt64) -> UInt64 {
        schema?.add(key, required: false, ["type": "integer", "minimum": 0, "maximum": UInt64.max,
                                           "default": fallback, "description": "master seed of every random stream"])
        guard let value = lookup(key) else { return fallback }
        guard let text = value.scalar?.string, let seed = UInt64(text) else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "a whole number from 0 to 18446744073709551615"))
            return fallback
        }
        return seed
    }

    /// An optional list of names, each one of `allowed`, without repeats; nil when absent.
    func names(_ key: String, allowed: [String]) -> [String]? {
        schema?.add(key, required: false, ["type": "array", "uniqueItems": true,
                                           "items": ["enum": allowed], "description": "default: all"])
        guard let value = lookup(key) else { return nil }
        guard let items = value.sequence else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "a list such as [\(allowed.joined(separator: ", "))]"))
            return nil
        }
        var result: [String] = []
        for item in items {
            guard let name = item.scalar?.string, allowed.contains(name), !result.contains(name) else {
                let text = item.scalar?.string ?? FieldReader.render(item)
                let hint = Suggestion.closest(to: text, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                let problem = result.contains(text) ? "each name once" : "one of \(allowed.joined(separator: ", "))\(hint)"
                sink.add(issue(at: item, field: fieldPath(key), value: text, expected: problem))
                continue
            }
            result.append(name)
        }
        return result
    }

    /// A required or defaulted string; `allowed` restricts it to a set of choices.
    func string(_ key: String, default fallback: String? = nil, allowed: [String]? = nil) -> String {
        schema?.add(key, required: fallback == nil, ["type": "string"].merging(allowed.map { ["enum": $0] } ?? [:]) { a, _ in a })
        guard let value = lookup(key) else {
            if let fallback { return fallback }
            sink.add(missing(fieldPath(key), expected: allowed.map { "one of \($0.joined(separator: ", "))" } ?? "a text value"))
            return ""
        }
        guard let text = value.scalar?.string, !text.isEmpty else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "a text value"))
            return fallback ?? ""
        }
        if let allowed, !allowed.contains(text) {
            let hint = Suggestion.closest(to: text, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            sink.add(issue(at: value, field: fieldPath(key),
                           expected: "one of \(allowed.joined(separator: ", "))\(hint)"))
            return fallback ?? allowed[0]
        }
        return text
    }

    /// A nested mapping, read by its own reader; nil (with an issue if required) when absent.
    func section(_ key: String, required: Bool) -> FieldReader? {
        if let schema {
            known.append(key)
            let child = schema.child(key, required: required, description: "section '\(fieldPath(key))'")
            return FieldReader(file: file, path: fieldPath(key), node: .mapping(.init([])), sink: sink, schema: child)
        }
        guard let value = lookup(key) else {
            if required {
                sink.add(missing(fieldPath(key), expected: "a section"))
            }
            return nil
        }
        return FieldReader(file: file, path: fieldPath(key), node: value, sink: sink)
    }

    /// A list of mappings (e.g. `rooms`), each read by its own reader; empty (with an issue
    /// if required) when absent or not a list.
    func list(_ key: String, required: Bool, itemName: String) -> [FieldReader] {
        if let schema {
            known.append(key)
            let child = schema.listChild(key, required: required, description: "a list of \(itemName) entries")
            return [FieldReader(file: file, path: fieldPath(key) + "[]", node: .mapping(.init([])), sink: sink, schema: child)]
        }
        guard let value = lookup(key) else {
            if required { sink.add(missing(fieldPath(key), expected: "a list of \(itemName) entries")) }
            return []
        }
        guard let items = value.sequence, !items.isEmpty else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "a non-empty list of \(itemName) entries"))
            return []
        }
        return items.enumerated().map { index, item in
            FieldReader(file: file, path: "\(fieldPath(key))[\(index)]", node: item, sink: sink)
        }
    }

    /// An optional number within `range`; nil when absent.
    func optionalDouble(_ key: String, in range: ClosedRange<Double>, unit: String) -> Double? {
        if schema != nil || node.mapping?[Node(key)] != nil {
            // Listed first as optional: the schema keeps a key's first entry, and `double`
            // without a default would mark it required.
            schema?.add(key, required: false, ["type": "number", "minimum": range.lowerBound,
                                               "maximum": range.upperBound, "description": "in \(unit); optional"])
            return double(key, in: range, unit: unit)
        }
        known.append(key)
        return nil
    }

    /// An optional list of numbers, each within `range`; nil when absent.
    func numbers(_ key: String, in range: ClosedRange<Double>, unit: String) -> [Double]? {
        schema?.add(key, required: false, ["type": "array", "items": ["type": "number", "minimum": range.lowerBound,
                                                                       "maximum": range.upperBound],
                                           "description": "numbers in \(unit)"])
        guard let value = lookup(key) else { return nil }
        guard let items = value.sequence, !items.isEmpty else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "a non-empty list of numbers in \(unit)"))
            return nil
        }
        var result: [Double] = []
        for item in items {
            guard item.scalar != nil, let number = item.float, number.isFinite, range.contains(number) else {
                sink.add(issue(at: item, field: fieldPath(key),
                               expected: "a number from \(range.lowerBound) to \(range.upperBound) \(unit)"))
                continue
            }
            result.append(number)
        }
        return result
    }

    /// A true/false flag.
    func bool(_ key: String, default fallback: Bool) -> Bool {
        schema?.add(key, required: false, ["type": "boolean", "default": fallback])
        guard let value = lookup(key) else { return fallback }
        guard let flag = value.bool, value.scalar != nil else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "true or false"))
            return fallback
        }
        return flag
    }

    /// An optional text value; nil when absent.
    func optionalString(_ key: String, description: String) -> String? {
        schema?.add(key, required: false, ["type": "string", "description": description])
        guard let value = lookup(key) else { return nil }
        guard let text = value.scalar?.string, !text.isEmpty else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "a text value (\(description))"))
            return nil
        }
        return text
    }

    /// An optional file path (the file need not exist yet), resolved against the scenario
    /// file's folder; nil when absent.
    func filePath(_ key: String, description: String) -> String? {
        optionalString(key, description: description).map(resolve)
    }

    private func resolve(_ text: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return text.hasPrefix("/") || folder.isEmpty ? text : (folder as NSString).appendingPathComponent(text)
    }

    /// A path to an existing file, resolved against the scenario file's folder; nil when absent.
    /// A scenario read back from a run file never runs, so there the file need not exist.
    func existingFile(_ key: String, description: String) -> String? {
        schema?.add(key, required: false, ["type": "string", "description": description])
        guard let value = lookup(key) else { return nil }
        guard let text = value.scalar?.string, !text.isEmpty else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "a file path"))
            return nil
        }
        let resolved = resolve(text)
        guard sink.readsBackARun || FileManager.default.isReadableFile(atPath: resolved) else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "an existing, readable file (looked for '\(resolved)')"))
            return nil
        }
        return resolved
    }

    /// Reports an issue at the value of `key` (for cross-field checks after reading).
    func report(_ key: String, expected: String) {
        sink.add(issue(at: node.mapping?[Node(key)] ?? node, field: fieldPath(key), expected: expected))
    }

    /// A probability distribution written as `{kind: weibull, shape: 2, scale: 100}`.
    func distribution(_ key: String, unit: String, default fallback: Distribution) -> Distribution {
        schema?.add(key, required: false, [
            "type": "object", "description": "a probability distribution in \(unit), e.g. {kind: weibull, shape: 2, scale: 100}",
            "required": ["kind"],
            "properties": ["kind": ["enum": Distribution.kindNames]],
        ])
        guard let value = lookup(key) else { return fallback }
        guard let mapping = value.mapping else {
            sink.add(issue(at: value, field: fieldPath(key), expected: "a distribution such as {kind: exponential, mean: 4} (\(unit))"))
            return fallback
        }
        let json = "{" + mapping.map { key, value in
            let text = value.scalar?.string ?? ""
            let isNumber = value.float != nil && value.scalar != nil
            return "\"\(key.scalar?.string ?? "")\": " + (isNumber ? text : "\"\(text)\"")
        }.joined(separator: ",") + "}"
        do {
            let distribution = try JSONDecoderBox.decode(Distribution.self, from: json)
            try distribution.validate()
            return distribution
        } catch {
            sink.add(issue(at: value, field: fieldPath(key), value: json,
                           expected: "a valid distribution in \(unit): \(DistributionMessage.text(of: error))"))
            return fallback
        }
    }

    /// Reports keys that no reader asked for.
    func finish() {
        guard let mapping = node.mapping else { return }
        for (key, _) in mapping {
            let name = key.scalar?.string ?? ""
            if known.contains(name) { continue }
            let hint = Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
            var unknown = issue(at: key, field: fieldPath(name), value: name,
                                expected: "one of the known keys (\(known.joined(separator: ", ")))\(hint)")
            unknown.isUnknownKey = true
            sink.add(unknown)
        }
    }
}

/// Collects issues in the order they are found (document order within each section), for one
/// parse that every reader of the document shares.
final class IssueSink {
    private(set) var issues: [ScenarioIssue] = []
    /// Set when the text is a run file's stored scenario: it describes a run that happened and
    /// is never run again, so the weather and price files it names need not exist any more.
    var readsBackARun = false
    func add(_ issue: ScenarioIssue) { issues.append(issue) }
}
