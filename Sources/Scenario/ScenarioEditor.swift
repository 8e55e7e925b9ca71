import Foundation
import Yams

/// Applies dotted-path edits to a scenario's YAML text: the way a tool (the optimizer's
/// `--write-scenario`, an experiment's variant) changes a scenario without a text editor.
///
/// A path starts at the document's root; list items are chosen by their `id`:
/// `facility.rooms[flower-1].lighting.lights_on_hour`. Missing mappings on the way are created,
/// so `…setpoints.co2_ppm` works on a room without a `setpoints` section. The value is YAML
/// (`18.5`, `led-2.8`, `{a: 1}`). Editing does not validate: load the result with
/// ``ScenarioLoader/parse(_:file:)`` to check it exactly like a hand edit.
///
/// The text is re-emitted from the parsed document, so comments and the original layout are not
/// kept; key order is.
public struct ScenarioEditor {
    /// One change: the value (YAML) at a dotted path.
    public struct Edit: Sendable, Equatable {
        public var path: String
        public var value: String

        public init(path: String, value: String) {
            self.path = path
            self.value = value
        }

        /// An edit setting a number, written so that it parses back to the same `Double`.
        public init(path: String, number: Double) {
            self.init(path: path, value: number == number.rounded() && abs(number) < 1e15
                      ? String(Int64(number)) : "\(number)")
        }
    }

    private var root: Node
    private let file: String

    /// Parses `text`; `file` names it in errors.
    ///
    /// - Throws: ``ScenarioError`` with code `malformed-yaml` when the text is not YAML.
    public init(text: String, file: String) throws {
        root = try ScenarioLoader.compose(text, file: file)
        self.file = file
        guard root.mapping != nil else {
            throw issue("(document)", nil, "a scenario mapping starting with 'schema: \(Scenario.schema)'")
        }
    }

    /// The value at `path`, or nil when any step of it is missing.
    public func value(at path: String) throws -> Node? {
        var node: Node? = root
        for step in try Self.steps(path, file: file) {
            guard let current = node else { return nil }
            node = try child(of: current, step, path: path)
        }
        return node
    }

    /// Sets the value at the edit's path.
    ///
    /// - Throws: ``ScenarioError`` (`invalid-scenario`) naming the path when a step selects an
    ///   item by an id no item has, walks into a scalar, or the value is not YAML.
    public mutating func apply(_ edit: Edit) throws {
        let steps = try Self.steps(edit.path, file: file)
        let value: Node
        do {
            value = try BoundedYAML.compose(edit.value, file: "\(file): \(edit.path)") ?? Node("", Tag(.null))
        } catch {
            throw issue(edit.path, edit.value, "a YAML value", underlying: error)
        }
        root = try set(value, in: root, steps: steps[...], path: edit.path)
    }

    /// Applies every edit in order.
    public mutating func apply(_ edits: [Edit]) throws {
        for edit in edits { try apply(edit) }
    }

    /// The edited document as YAML text.
    public func text() throws -> String {
        try Yams.serialize(node: root, width: -1, allowUnicode: true)
    }

    // MARK: Paths

    /// One step of a path: a key, optionally followed by `[id]` selecting a list item.
    private struct Step {
        var key: String
        var itemID: String?
    }

    private static func steps(_ path: String, file: String) throws -> [Step] {
        var steps: [Step] = []
        var rest = Substring(path)
        while !rest.isEmpty {
            var key = Substring(""), id: Substring?
            if let open = rest.firstIndex(where: { $0 == "." || $0 == "[" }), rest[open] == "[" {
                key = rest[..<open]
                guard let close = rest[open...].firstIndex(of: "]") else { throw malformed(path, file) }
                id = rest[rest.index(after: open)..<close]
                rest = rest[rest.index(after: close)...]
            } else if let dot = rest.firstIndex(of: ".") {
                key = rest[..<dot]
                rest = rest[dot...]
            } else {
                key = rest
                rest = ""
            }
            if rest.first == "." { rest = rest.dropFirst() }
            guard !key.isEmpty, id.map({ !$0.isEmpty }) ?? true else { throw malformed(path, file) }
            steps.append(Step(key: String(key), itemID: id.map(String.init)))
        }
        guard !steps.isEmpty else { throw malformed(path, file) }
        return steps
    }

    private static func malformed(_ path: String, _ file: String) -> ScenarioError {
        ScenarioError(code: .invalid, file: file, issues: [
            ScenarioIssue(file: file, line: nil, column: nil, field: path, value: path,
                          expected: "a dotted path such as facility.rooms[flower-1].lighting.lights_on_hour")])
    }

    private func issue(_ path: String, _ value: String?, _ expected: String, underlying: (any Error)? = nil)
        -> ScenarioError {
        ScenarioError(code: .invalid, file: file, issues: [
            ScenarioIssue(file: file, line: nil, column: nil, field: path, value: value, expected: expected)],
            underlying: underlying)
    }

    /// The node a step leads to from `node` (nil when the key is missing).
    private func child(of node: Node, _ step: Step, path: String) throws -> Node? {
        guard let mapping = node.mapping else { throw issue(path, nil, "'\(step.key)' inside a mapping") }
        guard let next = mapping[step.key] else { return nil }
        guard let id = step.itemID else { return next }
        guard let items = next.sequence else { throw issue(path, nil, "'\(step.key)' to be a list of items with ids") }
        guard let item = items.first(where: { $0["id"]?.string == id }) else {
            let known = items.compactMap { $0["id"]?.string }
            throw issue(path, id, "the id of an item of '\(step.key)': \(known.joined(separator: ", "))")
        }
        return item
    }

    private func set(_ value: Node, in node: Node, steps: ArraySlice<Step>, path: String) throws -> Node {
        guard let step = steps.first else { return value }
        guard var mapping = node.mapping else { throw issue(path, nil, "'\(step.key)' inside a mapping") }
        guard let id = step.itemID else {
            let existing = mapping[step.key] ?? (steps.count > 1 ? Node.mapping(Node.Mapping([])) : value)
            mapping[step.key] = try set(value, in: existing, steps: steps.dropFirst(), path: path)
            return .mapping(mapping)
        }
        guard var items = mapping[step.key]?.sequence else {
            throw issue(path, nil, "'\(step.key)' to be a list of items with ids")
        }
        guard let index = items.firstIndex(where: { $0["id"]?.string == id }) else {
            let known = items.compactMap { $0["id"]?.string }
            throw issue(path, id, "the id of an item of '\(step.key)': \(known.joined(separator: ", "))")
        }
        items[index] = try set(value, in: items[index], steps: steps.dropFirst(), path: path)
        mapping[step.key] = .sequence(items)
        return .mapping(mapping)
    }
}
