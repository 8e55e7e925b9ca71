import Foundation
import Yams

/// Applies dotted-path edits to a scenario's YAML text: the way a tool (the optimizer's
/// `--write-scenario`, an experiment's variant) changes a scenario without a text editor.
///
/// A path starts at the document's root; list items are chosen by their `id` (fleet machine
/// groups, which have none, by their `id_prefix`): `facility.rooms[flower-1].lighting.lights_on_hour`,
/// `fleet.machines[pump].load`. Missing mappings on the way are created, so `…setpoints.co2_ppm`
/// works on a room without a `setpoints` section. The value is YAML (`18.5`, `led-2.8`,
/// `{a: 1}`); `null` (or `~`) removes the key or list item, so its default applies (a
/// `fleet.maintenance` section removed means no maintenance). Editing does not validate: load
/// the result with ``ScenarioLoader/parse(_:file:)`` to check it exactly like a hand edit.
///
/// The text is re-emitted from the parsed document, so comments and the original layout are not
/// kept; key order is.
public struct ScenarioEditor {
    /// One change: the value (YAML) at a dotted path; written `path=value` (its description).
    public struct Edit: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var value: String

        public init(path: String, value: String) {
            self.path = path
            self.value = value
        }

        public var description: String { "\(path)=\(value)" }

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
    ///   item by an id no item has, walks into a scalar, the value is not YAML, or `null` would
    ///   remove something that is not there.
    public mutating func apply(_ edit: Edit) throws {
        let steps = try Self.steps(edit.path, file: file)
        let value: Node
        do {
            value = try Yams.compose(yaml: edit.value) ?? Node("", Tag(.null))
        } catch {
            throw issue(edit.path, edit.value, "a YAML value", underlying: error)
        }
        root = try set(value, in: root, steps: steps[...], path: edit.path)
    }

    /// Applies every edit in order.
    public mutating func apply(_ edits: [Edit]) throws {
        for edit in edits { try apply(edit) }
    }

    /// The leading part of `path` (up to and including its first step the document lacks) that
    /// setting it would add, or nil when every step is already there.
    public func addedPart(of path: String) throws -> String? {
        let steps = try Self.steps(path, file: file)
        var node: Node? = root
        var parts: [String] = []
        for step in steps {
            parts.append(step.key + (step.itemID.map { "[\($0)]" } ?? ""))
            guard let next = node?.mapping?[step.key] else { return parts.joined(separator: ".") }
            node = step.itemID.map { id in next.sequence?.first { Self.itemID($0) == id } } ?? next
        }
        return nil
    }

    /// A field as the loader names it, `facility.rooms[0].lighting`, with list positions
    /// replaced by the items' ids, `facility.rooms[flower-1].lighting`; positions without an
    /// item with an id, and text that is no path, are kept as they are.
    public func namedPath(_ field: String) -> String {
        guard let steps = try? Self.steps(field, file: file) else { return field }
        var node: Node? = root
        var parts: [String] = []
        for step in steps {
            let next = node?.mapping?[step.key]
            guard let position = step.itemID else {
                parts.append(step.key)
                node = next
                continue
            }
            let item = Int(position).flatMap { i in next?.sequence.flatMap { $0.indices.contains(i) ? $0[i] : nil } }
            parts.append(step.key + "[\(item.flatMap(Self.itemID) ?? position)]")
            node = item
        }
        return parts.joined(separator: ".")
    }

    /// `path` with every `[id]` replaced by the item's position, `facility.rooms[0].lighting`:
    /// the form the loader names fields in. Steps past the end of the document are kept as
    /// written.
    public func indexedPath(_ path: String) throws -> String {
        var node: Node? = root
        var parts: [String] = []
        for step in try Self.steps(path, file: file) {
            var part = step.key
            let next = node?.mapping?[step.key]
            if let id = step.itemID {
                let index = next?.sequence?.firstIndex { Self.itemID($0) == id }
                part += "[\(index.map(String.init) ?? id)]"
                node = index.flatMap { next?.sequence?[$0] }
            } else {
                node = next
            }
            parts.append(part)
        }
        return parts.joined(separator: ".")
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

    /// An id no item of the list has: the known ids with the closest one, or that the items
    /// have no ids to select them by.
    private func unknownItem(_ id: String, in items: Node.Sequence, key: String, path: String) -> ScenarioError {
        let known = items.compactMap(Self.itemID)
        guard !known.isEmpty else {
            return issue(path, id, "a list whose items have an 'id' (or 'id_prefix') to select them by "
                             + "('\(key)' items have none)")
        }
        let hint = Suggestion.closest(to: id, among: known).map { "; did you mean '\($0)'?" } ?? ""
        return issue(path, id, "the id of an item of '\(key)': \(known.joined(separator: ", "))\(hint)")
    }

    /// What selects a list item in a path: its `id`, else its `id_prefix` (fleet machine groups).
    static func itemID(_ item: Node) -> String? { item["id"]?.string ?? item["id_prefix"]?.string }

    /// Whether an edit's value removes rather than sets: a plain `null`, `~` or nothing.
    static func removes(_ value: Node) -> Bool {
        guard case .scalar(let scalar) = value else { return false }
        return scalar.style != .singleQuoted && scalar.style != .doubleQuoted && value.null != nil
    }

    /// The node a step leads to from `node` (nil when the key is missing).
    private func child(of node: Node, _ step: Step, path: String) throws -> Node? {
        guard let mapping = node.mapping else { throw issue(path, nil, "'\(step.key)' inside a mapping") }
        guard let next = mapping[step.key] else { return nil }
        guard let id = step.itemID else { return next }
        guard let items = next.sequence else { throw issue(path, nil, "'\(step.key)' to be a list of items with ids") }
        guard let item = items.first(where: { Self.itemID($0) == id }) else {
            throw unknownItem(id, in: items, key: step.key, path: path)
        }
        return item
    }

    private func set(_ value: Node, in node: Node, steps: ArraySlice<Step>, path: String) throws -> Node {
        guard let step = steps.first else { return value }
        guard var mapping = node.mapping else { throw issue(path, nil, "'\(step.key)' inside a mapping") }
        let removal = steps.count == 1 && Self.removes(value)
        guard let id = step.itemID else {
            if removal {
                guard mapping[step.key] != nil else { throw issue(path, "null", "a key that is there to remove") }
                mapping[step.key] = nil
                return .mapping(mapping)
            }
            let existing = mapping[step.key] ?? (steps.count > 1 ? Node.mapping(Node.Mapping([])) : value)
            mapping[step.key] = try set(value, in: existing, steps: steps.dropFirst(), path: path)
            return .mapping(mapping)
        }
        guard var items = mapping[step.key]?.sequence else {
            throw issue(path, nil, "'\(step.key)' to be a list of items with ids")
        }
        guard let index = items.firstIndex(where: { Self.itemID($0) == id }) else {
            throw unknownItem(id, in: items, key: step.key, path: path)
        }
        if removal {
            items.remove(at: index)
        } else {
            items[index] = try set(value, in: items[index], steps: steps.dropFirst(), path: path)
        }
        mapping[step.key] = .sequence(items)
        return .mapping(mapping)
    }
}
