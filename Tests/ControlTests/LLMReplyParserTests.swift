import Testing
import Control

/// The decision contract: exactly seven fields, right types, known enum values, amounts ≥ 0.
@Suite("LLM reply parser")
struct LLMReplyParserTests {
    static let valid: [(String, String)] = [
        ("rootCause", #""bearing wear""#), ("riskLevel", #""MEDIUM""#), ("action", #""MAINTENANCE""#),
        ("reasoning", #""vibration 3.1 mm/s""#), ("estimatedSavings", "40"), ("preventedLoss", "240.5"),
        ("humanRecommendation", #""inspect bearings""#),
    ]

    static func content(replacing field: String? = nil, with value: String? = nil, adding extra: String? = nil) -> String {
        var members = valid.compactMap { key, text -> String? in
            guard key == field else { return "\"\(key)\": \(text)" }
            return value.map { "\"\(key)\": \($0)" }
        }
        if let extra { members.append(extra) }
        return "{" + members.joined(separator: ", ") + "}"
    }

    static func envelope(_ content: String) -> String {
        JSONValue.object([("choices", .array([.object([("message", .object([("role", .string("assistant")),
                                                                              ("content", .string(content))]))])])),
                          ("usage", .object([("total_tokens", .number(12))]))]).serialized
    }

    @Test("a valid reply becomes the decision, enum values in any case")
    func valid() throws {
        let decision = try LLMReplyParser.decision(fromResponseBody: Self.envelope(Self.content()))
        #expect(decision == Decision(rootCause: "bearing wear", riskLevel: .medium, action: .maintenance,
                                     reasoning: "vibration 3.1 mm/s", estimatedSavings: 40, preventedLoss: 240.5,
                                     humanRecommendation: "inspect bearings"))
        let lower = try LLMReplyParser.decision(fromContent: Self.content(replacing: "action", with: #""offline""#))
        #expect(lower.action == .offline)
        let mixed = try LLMReplyParser.decision(fromContent: Self.content(replacing: "riskLevel", with: #""Critical""#))
        #expect(mixed.riskLevel == .critical)
    }

    static let brokenCases: [(String, LLMReplyError.Code, String?)] = [
        (#"{"rootCause": "x", "#, .malformedJSON, nil),
        ("```json\n" + content() + "\n```", .malformedJSON, nil),
        (content() + "\nHope this helps!", .malformedJSON, nil),
        ("[" + content() + "]", .notAnObject, nil),
        (#""MAINTENANCE""#, .notAnObject, nil),
        (content(replacing: "preventedLoss"), .missingField, "preventedLoss"),
        (content(replacing: "humanRecommendation"), .missingField, "humanRecommendation"),
        (content(adding: #""confidence": 0.9"#), .unexpectedField, "confidence"),
        (content(replacing: "estimatedSavings", with: #""40""#), .wrongType, "estimatedSavings"),
        (content(replacing: "preventedLoss", with: "true"), .wrongType, "preventedLoss"),
        (content(replacing: "rootCause", with: "null"), .wrongType, "rootCause"),
        (content(replacing: "action", with: "1"), .wrongType, "action"),
        (content(replacing: "action", with: #""REBOOT""#), .invalidValue, "action"),
        (content(replacing: "riskLevel", with: #""SEVERE""#), .invalidValue, "riskLevel"),
        (content(replacing: "preventedLoss", with: "-5"), .invalidValue, "preventedLoss"),
        (content(replacing: "rootCause", with: #""  ""#), .invalidValue, "rootCause"),
        (content(replacing: "reasoning", with: "\"" + String(repeating: "a", count: 4_001) + "\""), .invalidValue,
         "reasoning"),
    ]

    @Test("a broken content is a typed error naming the field", arguments: brokenCases)
    func broken(content: String, code: LLMReplyError.Code, field: String?) {
        do {
            _ = try LLMReplyParser.decision(fromResponseBody: Self.envelope(content))
            Issue.record("accepted \(content)")
        } catch {
            #expect(error.code == code)
            #expect(error.field == field)
        }
    }

    @Test("a body that is not a chat completion is a bad envelope", arguments: [
        "not json", "{}", #"{"choices": []}"#, #"{"choices": [{"message": {"content": null}}]}"#,
        #"{"error": {"message": "model not found"}}"#,
    ])
    func badEnvelope(body: String) {
        do {
            _ = try LLMReplyParser.decision(fromResponseBody: body)
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.code == .badEnvelope)
        }
    }

    @Test("the server's own error message is kept")
    func serverMessage() {
        #expect(throws: LLMReplyError(.badEnvelope, "the server answered with an error: model not found")) {
            try LLMReplyParser.content(ofResponseBody: #"{"error": {"message": "model not found"}}"#)
        }
    }
}
