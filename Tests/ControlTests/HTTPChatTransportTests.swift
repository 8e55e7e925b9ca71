import Foundation
import Testing
import TestSupport
import Control

/// The LLM agent over real HTTP against the stand-in server (Tests/Fixtures/llm_test_server.py),
/// one behaviour per model name. Serialized: each test owns one server process.
@Suite("HTTP chat transport", .serialized)
struct HTTPChatTransportTests {
    let context = ExpertPolicyAgentTests.context(.vibration, .critical, health: 70)

    func agent(_ model: String, endpoint: URL, timeout: Double = 5, retries: Int = 2, failures: Int = 3,
               cooldown: Int = 10, apiKey: String? = nil) -> LLMDecisionAgent {
        LLMDecisionAgent(configuration: .init(model: model, timeoutSeconds: timeout, retries: retries,
                                              backoffSeconds: 0.05, breakerFailures: failures, breakerCooldown: cooldown),
                         transport: HTTPChatTransport(endpoint: endpoint, apiKey: apiKey))
    }

    @Test("valid replies (any enum case) decide; the server derives them from the context")
    func valid() throws {
        let server = try LLMTestServer()
        for model in ["valid", "lowercase"] {
            let verdict = agent(model, endpoint: server.endpoint).verdict(context: context)
            #expect(verdict.decidedBy == "llm:\(model)", "\(verdict.note)")
            #expect(verdict.decision.action == .offline && verdict.decision.riskLevel == .critical)
            #expect(verdict.decision.rootCause == "llm-test: vibration alert")
            #expect(verdict.decision.preventedLoss == 300, "0.5 × 6 h × 100 per h")
        }
    }

    @Test("contract violations over the wire fall back with their code", arguments: [
        ("malformed", LLMReplyError.Code.malformedJSON), ("partial", .missingField), ("wrong-types", .wrongType),
        ("unknown-enum", .invalidValue), ("extra-key", .unexpectedField), ("trailing", .malformedJSON),
        ("fenced", .malformedJSON), ("negative", .invalidValue), ("error-body", .badEnvelope),
    ])
    func violations(model: String, code: LLMReplyError.Code) throws {
        let server = try LLMTestServer()
        let llm = agent(model, endpoint: server.endpoint)
        let verdict = llm.verdict(context: context)
        #expect(verdict.decidedBy == "llm-fallback:expert-policy")
        #expect(verdict.note.hasPrefix(code.rawValue + ":"), "\(verdict.note)")
        #expect(verdict.decision == ExpertPolicyAgent().decide(context: context))
        #expect(try server.requestCount() == 1)
    }

    @Test("HTTP 500 then success: one retry, then the model decides")
    func retryAfter500() throws {
        let server = try LLMTestServer()
        let llm = agent("flaky", endpoint: server.endpoint)
        #expect(llm.verdict(context: context).decidedBy == "llm:flaky")
        #expect(try server.requestCount() == 2)
        #expect(llm.statistics.retries == 1)
    }

    @Test("a 401 without the key, success with it; a 400 is not retried")
    func authorisationAndClientErrors() throws {
        let server = try LLMTestServer()
        let without = agent("auth", endpoint: server.endpoint).verdict(context: context)
        #expect(without.note.contains("HTTP 401"))
        #expect(agent("auth", endpoint: server.endpoint, apiKey: "test-key").verdict(context: context).decidedBy == "llm:auth")
        let before = try server.requestCount()
        _ = agent("bad-request", endpoint: server.endpoint).verdict(context: context)
        #expect(try server.requestCount() == before + 1)
    }

    @Test("a reply slower than the timeout is a timeout, within the timeout's wall time")
    func timeout() throws {
        let server = try LLMTestServer()
        let start = ContinuousClock.now
        let verdict = agent("slow", endpoint: server.endpoint, timeout: 0.5, retries: 0).verdict(context: context)
        let elapsed = ContinuousClock.now - start
        #expect(verdict.decidedBy == "llm-fallback:expert-policy")
        #expect(verdict.note.contains("timeout") || verdict.note.contains("timed out"), "\(verdict.note)")
        #expect(elapsed < .seconds(2), "waited \(elapsed) for a 0.5 s timeout (the server answers after 3 s)")
    }

    @Test("connection refused: retries, then the breaker opens and skips the server")
    func connectionRefused() throws {
        // A bound socket that never listens refuses every connection and keeps the port from
        // being reused by another test's server (a stopped server's port can be).
        let closed = try ClosedPort()
        defer { closed.release() }
        let endpoint = URL(string: "http://127.0.0.1:\(closed.port)/v1/chat/completions")!
        // A refused connection answers at once, so a long timeout costs nothing here; a short one
        // misread a loaded CI machine's late callback as a timeout (5.25 s of wall time passed
        // before URLSession's queue ran the refusal's completion handler).
        let llm = agent("valid", endpoint: endpoint, timeout: 60, retries: 1, failures: 2, cooldown: 2)
        let verdicts = (0..<5).map { _ in llm.verdict(context: context) }
        #expect(verdicts.allSatisfy { $0.decidedBy == "llm-fallback:expert-policy" })
        #expect(verdicts[0].note.hasPrefix("transport: connection"), "\(verdicts[0].note)")
        #expect(verdicts[2].note.hasPrefix("circuit-open") && verdicts[3].note.hasPrefix("circuit-open"))
        #expect(verdicts[4].note.hasPrefix("transport:"), "the half-open trial goes to the server again")
        #expect(llm.statistics.requests == 6, "3 decisions × 2 attempts; 2 skipped")
    }
}
