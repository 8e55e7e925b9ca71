import Foundation

/// Overrides written `PATH=VALUE` (`twinlab run --set`, an experiment's `set`), applied to a
/// scenario's text and validated exactly like the same edit made by hand in the file.
///
/// The path is dotted from the scenario's root with list items chosen by `id`
/// (``ScenarioEditor``); the value is YAML. An edit that lands on a key the format does not have
/// is refused even though the editor creates missing mappings on the way: the loader rejects
/// every unknown key, and the refusal names the override, not a line of the re-emitted text.
public enum ScenarioOverride {
    /// Parses `PATH=VALUE`, split at the first `=` (ids and keys never hold one; values may).
    ///
    /// - Throws: ``ScenarioOverrideError`` `malformed` without `=`, or with an empty path or value.
    public static func parse(_ argument: String) throws -> ScenarioEditor.Edit {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ScenarioOverrideError(
                code: .malformed, override: argument, field: "",
                message: "expected PATH=VALUE, e.g. facility.rooms[flower-1].lighting.fixture=led-2.8 (no '=' found)")
        }
        let path = argument[..<equals].trimmingCharacters(in: .whitespaces)
        let value = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty, !value.isEmpty else {
            throw ScenarioOverrideError(
                code: .malformed, override: argument, field: path,
                message: path.isEmpty ? "the path before '=' is empty" : "the value after '=' is empty (write '' for an empty text)")
        }
        return ScenarioEditor.Edit(path: path, value: value)
    }

    /// The scenario `text` (read from `file`, which anchors its relative paths and calibration
    /// folder) with `edits` applied in order, loaded and validated; its `overrides` are `edits`.
    /// With no edits the text is loaded as it is.
    ///
    /// - Throws: ``ScenarioOverrideError``: `not-applicable` when an edit does not fit the
    ///   document (an item id no item has, a step into a value, a value that is not YAML),
    ///   `unknown-field` when it sets a key the format does not have (with the closest known
    ///   key), `rejected` when the loader refuses the edited scenario (the field and why).
    ///   A text that does not load even without edits throws its ``ScenarioError``.
    public static func apply(_ edits: [ScenarioEditor.Edit], to text: String, file: String) throws -> Scenario {
        guard !edits.isEmpty else { return try ScenarioLoader.parse(text, file: file) }
        var editor = try ScenarioEditor(text: text, file: file)
        var added: [String?] = [], indexed: [String] = []
        for edit in edits {
            do {
                // Before the edit: an edit that replaces a list item takes its id with it.
                added.append(try editor.addedPart(of: edit.path))
                indexed.append(try editor.indexedPath(edit.path))
                try editor.apply(edit)
            } catch let error as ScenarioError {
                let issue = error.issues.first
                throw ScenarioOverrideError(
                    code: .notApplicable, override: edit.description, field: edit.path,
                    message: issue.map { "\(edit.path): " + found($0) } ?? "\(error)", underlying: error)
            }
        }
        let edited = try editor.text()
        do {
            var scenario = try ScenarioLoader.parse(edited, file: file)
            scenario.overrides = edits
            return scenario
        } catch let error as ScenarioError where error.code == .invalid && !error.issues.isEmpty {
            throw rejection(error, edits: edits, indexed: indexed, added: added, editor: editor)
        }
    }

    /// The loader's verdict on the edited text, told in terms of the overrides. Each issue goes
    /// to the last edit whose path leads to or into its field; an issue elsewhere (a second model
    /// section, a required key of a new section) to the last edit that added a key the scenario
    /// did not have. Fields are named by ids; line numbers point into the re-emitted text, so
    /// they are left out.
    private static func rejection(_ error: ScenarioError, edits: [ScenarioEditor.Edit], indexed: [String],
                                  added: [String?], editor: ScenarioEditor) -> ScenarioOverrideError {
        func owner(of field: String) -> Int? {
            indexed.indices.last { i in
                let path = indexed[i]
                return field == path || field.hasPrefix(path + ".") || field.hasPrefix(path + "[")
                    || path.hasPrefix(field + ".")
            }
        }
        let adder = added.indices.last { added[$0] != nil }
        let first = error.issues[0]
        let index = owner(of: first.field) ?? adder
        let lines = error.issues.map { issue in
            let mine = owner(of: issue.field) ?? adder
            let from = mine.flatMap { $0 == index ? nil : "(from '\(edits[$0])') " } ?? ""
            return from + editor.namedPath(issue.field) + ": " + found(issue)
        }.joined(separator: "; ")
        let message: String
        if let index, owner(of: first.field) == nil, let part = added[index] {
            message = "adds '\(part)', which the scenario does not have, and the scenario then does not load: " + lines
        } else {
            message = index == nil ? "the scenario with the overrides applied does not load: " + lines : lines
        }
        return ScenarioOverrideError(
            code: first.isUnknownKey ? .unknownField : .rejected, override: index.map { edits[$0].description },
            field: editor.namedPath(first.field), message: message, underlying: error)
    }

    private static func found(_ issue: ScenarioIssue) -> String {
        if issue.isUnknownKey { return "no such key; expected \(issue.expected)" }
        return (issue.value.map { "found '\($0)'" } ?? "missing") + "; expected \(issue.expected)"
    }
}

/// Why an override cannot be applied, naming the override (`path=value`) and the field.
public struct ScenarioOverrideError: Error, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// Not `PATH=VALUE`.
        case malformed = "malformed-override"
        /// The path does not fit the document: an item id no item has, a step into a value,
        /// a value that is not YAML.
        case notApplicable = "override-not-applicable"
        /// The path names a key the scenario format does not have.
        case unknownField = "unknown-field"
        /// The scenario loader refuses the edited scenario.
        case rejected = "value-rejected"
    }

    public var code: Code
    /// The override as written, `path=value`; nil when the problem belongs to no single one
    /// (a cross-field check between two edited values).
    public var override: String?
    /// The scenario field the problem is at, dotted with ids.
    public var field: String
    /// What is wrong and what is expected.
    public var message: String
    /// The editor's or loader's ``ScenarioError``.
    public var underlying: (any Error)?

    public init(code: Code, override: String?, field: String, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.override = override
        self.field = field
        self.message = message
        self.underlying = underlying
    }

    /// The message as `twinlab run` prints it: `--set 'path=value': …`.
    public var description: String { (override.map { "--set '\($0)': " } ?? "") + message }
}
