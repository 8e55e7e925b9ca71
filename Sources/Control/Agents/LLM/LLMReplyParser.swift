/// Strict reading of a chat-completions reply into a `Decision`.
///
/// The envelope is read leniently (servers add `usage`, `id`, `system_fingerprint` …); the
/// message content is not: it must be one JSON object with exactly the seven decision keys,
/// each of the right type and range. Enum values are case-insensitive (`"maintenance"` and
/// `"MAINTENANCE"` both pass) because models differ in how they copy an enum; everything
/// else that is off is a typed `LLMReplyError` and the agent falls back.
public enum LLMReplyParser {
    /// The decision keys, in the order the prompt lists them.
    public static let fields = ["rootCause", "riskLevel", "action", "reasoning", "estimatedSavings", "preventedLoss",
                                "humanRecommendation"]
    /// Longest accepted text field, characters: keeps a rambling model out of the audit log.
    public static let maxTextLength = 4_000

    /// The decision in a whole response body.
    public static func decision(fromResponseBody body: String) throws(LLMReplyError) -> Decision {
        try decision(fromContent: content(ofResponseBody: body))
    }

    /// `choices[0].message.content` of a response body.
    public static func content(ofResponseBody body: String) throws(LLMReplyError) -> String {
        let envelope: JSONValue
        do {
            envelope = try JSONValue.parse(body)
        } catch {
            throw LLMReplyError(.badEnvelope, "the response body is not JSON (\(error.description))")
        }
        if case .object(let members)? = envelope["error"], case .string(let text)? = JSONValue.object(members)["message"] {
            throw LLMReplyError(.badEnvelope, "the server answered with an error: \(text)")
        }
        guard case .array(let choices)? = envelope["choices"], let first = choices.first else {
            throw LLMReplyError(.badEnvelope, "the response has no choices")
        }
        guard case .string(let content)? = first["message"]?["content"] else {
            throw LLMReplyError(.badEnvelope, "choices[0].message.content is not text")
        }
        return content
    }

    /// The decision in a message content.
    public static func decision(fromContent content: String) throws(LLMReplyError) -> Decision {
        let value: JSONValue
        do {
            value = try JSONValue.parse(content)
        } catch {
            throw LLMReplyError(.malformedJSON, "the message content is not one JSON document (\(error.description))")
        }
        guard case .object(let members) = value else {
            throw LLMReplyError(.notAnObject, "the message content is JSON but not an object")
        }
        if let extra = members.first(where: { !fields.contains($0.key) }) {
            throw LLMReplyError(.unexpectedField, field: extra.key,
                                "'\(extra.key)' is not a decision field (expected exactly \(fields.joined(separator: ", ")))")
        }
        return Decision(
            rootCause: try text("rootCause", in: value, nonEmpty: true),
            riskLevel: try choice("riskLevel", in: value, Decision.RiskLevel.self),
            action: try choice("action", in: value, Decision.Action.self),
            reasoning: try text("reasoning", in: value, nonEmpty: false),
            estimatedSavings: try amount("estimatedSavings", in: value),
            preventedLoss: try amount("preventedLoss", in: value),
            humanRecommendation: try text("humanRecommendation", in: value, nonEmpty: false))
    }

    private static func field(_ name: String, in object: JSONValue) throws(LLMReplyError) -> JSONValue {
        guard let value = object[name] else { throw LLMReplyError(.missingField, field: name, "'\(name)' is missing") }
        return value
    }

    private static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    private static func text(_ name: String, in object: JSONValue, nonEmpty: Bool) throws(LLMReplyError) -> String {
        let value = try field(name, in: object)
        guard case .string(let text) = value else {
            throw LLMReplyError(.wrongType, field: name, "'\(name)' is \(kind(value)), expected a string")
        }
        if nonEmpty, text.allSatisfy(\.isWhitespace) {
            throw LLMReplyError(.invalidValue, field: name, "'\(name)' is empty")
        }
        if text.count > maxTextLength {
            throw LLMReplyError(.invalidValue, field: name, "'\(name)' is longer than \(maxTextLength) characters")
        }
        return text
    }

    private static func choice<E: RawRepresentable & CaseIterable>(
        _ name: String, in object: JSONValue, _: E.Type
    ) throws(LLMReplyError) -> E where E.RawValue == String {
        let value = try field(name, in: object)
        guard case .string(let text) = value else {
            throw LLMReplyError(.wrongType, field: name, "'\(name)' is \(kind(value)), expected a string")
        }
        guard let match = E.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            let allowed = E.allCases.map { $0.rawValue.uppercased() }.joined(separator: ", ")
            throw LLMReplyError(.invalidValue, field: name, "'\(name)' is '\(text)', expected one of \(allowed)")
        }
        return match
    }

    private static func amount(_ name: String, in object: JSONValue) throws(LLMReplyError) -> Double {
        let value = try field(name, in: object)
        guard case .number(let number) = value else {
            throw LLMReplyError(.wrongType, field: name, "'\(name)' is \(kind(value)), expected a number")
        }
        guard number >= 0 else {
            throw LLMReplyError(.invalidValue, field: name, "'\(name)' is \(number), expected a number ≥ 0")
        }
        return number
    }
}
