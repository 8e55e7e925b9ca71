import Foundation

/// The JSON Schema of one mapping, collected by a `FieldReader` in describe mode.
///
/// Built by running the same reading code that validates files, so the schema editors
/// use can never disagree with the validator.
final class SchemaObject {
    private(set) var properties: [(name: String, schema: [String: Any])] = []
    private(set) var required: [String] = []
    private var children: [String: SchemaObject] = [:]
    /// Children that describe the items of a list of mappings rather than a mapping.
    private var listChildren: Set<String> = []

    func add(_ name: String, required isRequired: Bool, _ schema: [String: Any]) {
        guard !properties.contains(where: { $0.name == name }) else { return }
        properties.append((name, schema))
        if isRequired { required.append(name) }
    }

    func child(_ name: String, required isRequired: Bool, description: String) -> SchemaObject {
        if let existing = children[name] { return existing }
        let object = SchemaObject()
        children[name] = object
        add(name, required: isRequired, ["description": description])
        return object
    }

    /// A child describing each item of the list `name` (a list of mappings, e.g. `rooms`).
    func listChild(_ name: String, required isRequired: Bool, description: String) -> SchemaObject {
        let object = child(name, required: isRequired, description: description)
        listChildren.insert(name)
        return object
    }

    /// The JSON-Schema dictionary of this object; unknown keys are rejected, as the loader does.
    func json() -> [String: Any] {
        var props: [String: Any] = [:]
        for (name, schema) in properties {
            if let child = children[name], listChildren.contains(name) {
                props[name] = ["type": "array", "items": child.json()].merging(schema) { current, _ in current }
            } else if let child = children[name] {
                props[name] = child.json().merging(schema) { current, _ in current }
            } else {
                props[name] = schema
            }
        }
        var result: [String: Any] = ["type": "object", "properties": props, "additionalProperties": false]
        if !required.isEmpty { result["required"] = required }
        return result
    }
}
