import Testing
import Control

/// The request body: the fields an OpenAI-compatible server needs, and the same bytes for
/// the same context.
@Suite("LLM prompt")
struct LLMPromptTests {
    let context = ExpertPolicyAgentTests.context(.power, .warning)

    @Test("model, temperature 0, json_object format, system contract, context as JSON")
    func body() throws {
        let body = LLMPrompt.requestBody(model: "qwen", context: context)
        #expect(body["model"] == .string("qwen"))
        #expect(body["temperature"] == .number(0))
        #expect(body["response_format"]?["type"] == .string("json_object"))
        guard case .array(let messages)? = body["messages"], messages.count == 2 else {
            Issue.record("two messages expected"); return
        }
        #expect(messages[0]["role"] == .string("system"))
        guard case .string(let system)? = messages[0]["content"] else { Issue.record("no system text"); return }
        for field in LLMReplyParser.fields { #expect(system.contains("\"\(field)\"")) }
        guard case .string(let user)? = messages[1]["content"] else { Issue.record("no user text"); return }
        let sent = try JSONValue.parse(user)
        #expect(sent["machineID"] == .string("pump-1"))
        #expect(sent["signal"] == .string("power") && sent["severity"] == .string("WARNING"))
        #expect(sent["recentPower"] == .array([.number(5), .null]), "a stopped machine's NaN power is null")
        #expect(sent["downtimeCostPerHour"] == .number(100))
    }

    @Test("the same context gives the same bytes; another context other bytes")
    func stable() {
        let a = LLMPrompt.requestBody(model: "m", context: context).serialized
        #expect(a == LLMPrompt.requestBody(model: "m", context: context).serialized)
        var other = context
        other.value += 1e-9
        #expect(a != LLMPrompt.requestBody(model: "m", context: other).serialized)
        #expect(LLMCassette.key(of: a) != LLMCassette.key(of: LLMPrompt.requestBody(model: "m2", context: context).serialized))
    }
}
