import Foundation
import Testing
import Control

/// The LLM agent's control flow with a scripted in-process transport: fallback, retries with
/// their backoff schedule, the breaker, and record → replay.
@Suite("LLM decision agent")
struct LLMDecisionAgentTests {
    /// Answers from a script, one entry per `send`; past the end it repeats the last entry.
    final class ScriptedTransport: ChatTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var script: [Result<String, ChatTransportError>]
        private(set) var calls = 0
        init(_ script: [Result<String, ChatTransportError>]) { self.script = script }
        func send(_ body: [UInt8], timeoutSeconds: Double) throws(ChatTransportError) -> [UInt8] {
            let result = lock.withLock {
                calls += 1
                return script.count > 1 ? script.removeFirst() : script[0]
            }
            switch result {
            case .success(let text): return Array(text.utf8)
            case .failure(let error): throw error
            }
        }
    }

    /// Records the waits instead of sleeping.
    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        var all: [Double] { lock.withLock { values } }
        func add(_ s: Double) { lock.withLock { values.append(s) } }
    }

    static let good = LLMReplyParserTests.envelope(LLMReplyParserTests.content())
    static let partial = LLMReplyParserTests.envelope(LLMReplyParserTests.content(replacing: "action"))
    static let http500 = ChatTransportError(.status, status: 500, "boom")
    static let http400 = ChatTransportError(.status, status: 400, "bad")
    let expert = ExpertPolicyAgent()

    static func context(_ n: Int) -> AnomalyContext {
        ExpertPolicyAgentTests.context(n % 2 == 0 ? .vibration : .temperature, .warning, health: 90 - Double(n))
    }

    func agent(_ transport: ScriptedTransport?, mode: LLMAgentConfiguration.Mode = .live, retries: Int = 2,
               failures: Int = 3, cooldown: Int = 10, cassette: LLMCassette = LLMCassette(),
               sleeps: Sleeps = Sleeps()) -> LLMDecisionAgent {
        LLMDecisionAgent(configuration: .init(model: "m", timeoutSeconds: 1, retries: retries, backoffSeconds: 0.5,
                                              breakerFailures: failures, breakerCooldown: cooldown, mode: mode),
                         transport: transport, cassette: cassette, sleep: { sleeps.add($0) })
    }

    @Test("a valid reply decides; the verdict names the model")
    func valid() {
        let verdict = agent(ScriptedTransport([.success(Self.good)])).verdict(context: Self.context(0))
        #expect(verdict.decidedBy == "llm:m" && verdict.note.isEmpty)
        #expect(verdict.decision.rootCause == "bearing wear" && verdict.decision.preventedLoss == 240.5)
    }

    @Test("an invalid reply falls back to the expert, with the reason")
    func invalidFallsBack() {
        let llm = agent(ScriptedTransport([.success(Self.partial)]))
        let verdict = llm.verdict(context: Self.context(1))
        #expect(verdict.decidedBy == "llm-fallback:expert-policy")
        #expect(verdict.note.hasPrefix("missing-field: 'action'"))
        #expect(verdict.decision == expert.decide(context: Self.context(1)))
        #expect(llm.statistics.invalidReplies == 1 && llm.statistics.requests == 1, "invalid content is not retried")
    }

    @Test("retryable failures are retried with a doubling backoff")
    func retries() {
        let sleeps = Sleeps()
        let transport = ScriptedTransport([.failure(Self.http500), .failure(Self.http500), .success(Self.good)])
        let llm = agent(transport, retries: 3, sleeps: sleeps)
        #expect(llm.verdict(context: Self.context(0)).decidedBy == "llm:m")
        #expect(transport.calls == 3)
        #expect(sleeps.all == [0.5, 1.0])
        #expect(llm.statistics.retries == 2)
    }

    @Test("exhausted retries fall back; a 400 is not retried")
    func exhausted() {
        let sleeps = Sleeps()
        let failing = agent(ScriptedTransport([.failure(Self.http500)]), retries: 1, sleeps: sleeps)
        let verdict = failing.verdict(context: Self.context(0))
        #expect(verdict.decidedBy == "llm-fallback:expert-policy")
        #expect(verdict.note == "transport: HTTP 500: boom (after 2 attempts)")
        #expect(sleeps.all == [0.5])
        let rejected = ScriptedTransport([.failure(Self.http400)])
        _ = agent(rejected, retries: 5).verdict(context: Self.context(0))
        #expect(rejected.calls == 1)
    }

    @Test("the breaker skips the server for K decisions after N failures, then tries once")
    func breaker() {
        let transport = ScriptedTransport([.failure(Self.http400), .failure(Self.http400), .success(Self.good)])
        let llm = agent(transport, failures: 2, cooldown: 3)
        let notes = (0..<6).map { llm.verdict(context: Self.context($0)).note }
        #expect(transport.calls == 3, "two failures, three skipped, one trial")
        #expect(notes[2...4].allSatisfy { $0.hasPrefix("circuit-open") })
        #expect(notes[5].isEmpty)
        #expect(llm.statistics.breakerSkips == 3 && llm.breakerState == .closed)
    }

    @Test("replaying a recording gives the same verdicts without a transport")
    func recordReplay() throws {
        let script: [Result<String, ChatTransportError>] = [.success(Self.good), .failure(Self.http400),
                                                            .success(Self.partial), .success(Self.good)]
        let recorder = agent(ScriptedTransport(script), mode: .record, retries: 0, failures: 1, cooldown: 1)
        let recorded = (0..<6).map { recorder.verdict(context: Self.context($0)) }
        #expect(recorder.recorded.entries.count == 4, "skipped decisions send nothing and record nothing")
        let player = agent(nil, mode: .replay, retries: 0, failures: 1, cooldown: 1, cassette: recorder.recorded)
        let replayed = (0..<6).map { player.verdict(context: Self.context($0)) }
        #expect(replayed == recorded)
        try player.finishRun()
    }

    @Test("a replay miss falls back and fails the run at its end")
    func replayMiss() {
        let player = agent(nil, mode: .replay)
        let verdict = player.verdict(context: Self.context(0))
        #expect(verdict.note.hasPrefix("cassette-miss"))
        #expect(verdict.decision == expert.decide(context: Self.context(0)))
        #expect(player.statistics.cassetteMisses == 1)
        #expect(throws: LLMCassetteError.self) { try player.finishRun() }
    }

    @Test("record mode writes the cassette file after every new entry")
    func recordWrites() throws {
        let path = LLMCassetteTests.temporaryPath("rec.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let llm = LLMDecisionAgent(configuration: .init(model: "m", mode: .record),
                                   transport: ScriptedTransport([.success(Self.good)]), cassettePath: path)
        _ = llm.verdict(context: Self.context(0))
        #expect(try LLMCassette.load(from: path).entries.count == 1)
        _ = llm.verdict(context: Self.context(1))
        #expect(try LLMCassette.load(from: path) == llm.recorded)
        #expect(llm.recorded.entries.count == 2)
        try llm.finishRun()
    }
}
