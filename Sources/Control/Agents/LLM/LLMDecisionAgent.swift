import Foundation

/// A decision agent that asks a large language model over any OpenAI-compatible
/// chat-completions endpoint, and falls back to another agent (the expert policy) whenever
/// it gets no valid decision.
///
/// Per alert: build the request (`LLMPrompt`), get an outcome — from the cassette in replay
/// mode, else from the transport with up to `retries` retries on retryable failures, waiting
/// `backoff(beforeRetry:)` between them — record it in record mode, then parse it strictly
/// (`LLMReplyParser`). A transport failure or an invalid reply is a failed decision: the
/// fallback decides, the verdict names it (`llm-fallback:<fallback>`) and the reason. The
/// circuit breaker counts failed decisions; while open, alerts go straight to the fallback
/// without a request.
///
/// Deterministic in replay mode by construction; in live and record mode the answers are the
/// server's, which is why recording exists. Calls are serialised by a lock; a run calls from
/// one thread anyway.
public final class LLMDecisionAgent: DecisionAgent, @unchecked Sendable {
    public let name: String
    public let configuration: LLMAgentConfiguration
    private let transport: (any ChatTransport)?
    private let fallback: any DecisionAgent
    private let cassettePath: String?
    private let sleep: @Sendable (Double) -> Void
    private let lock = NSLock()
    private var breaker: CircuitBreaker
    private var cassette: LLMCassette
    private var counts = LLMAgentCounts()
    private var firstMiss: String?
    private var writeError: LLMCassetteError?

    /// - Parameters:
    ///   - transport: the server; nil only in replay mode.
    ///   - cassette: recorded exchanges (replay reads them, record adds to them).
    ///   - cassettePath: where record mode writes the cassette after every new entry.
    ///   - sleep: waits between retries (seconds); tests pass a recorder.
    public init(configuration: LLMAgentConfiguration, transport: (any ChatTransport)?,
                cassette: LLMCassette = LLMCassette(), cassettePath: String? = nil,
                fallback: any DecisionAgent = ExpertPolicyAgent(),
                sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        name = "llm:\(configuration.model)"
        self.configuration = configuration
        self.transport = transport
        self.cassette = cassette
        self.cassettePath = cassettePath
        self.fallback = fallback
        self.sleep = sleep
        breaker = CircuitBreaker(failureThreshold: configuration.breakerFailures, cooldown: configuration.breakerCooldown)
    }

    /// What happened so far.
    public var statistics: LLMAgentCounts { lock.withLock { counts } }
    /// The cassette as it stands (record mode adds to it).
    public var recorded: LLMCassette { lock.withLock { cassette } }
    public var breakerState: CircuitBreaker.State { lock.withLock { breaker.state } }

    public func decide(context: AnomalyContext) -> Decision { verdict(context: context).decision }

    public func verdict(context: AnomalyContext) -> AgentVerdict {
        lock.withLock {
            counts.decisions += 1
            guard breaker.allowsCall() else {
                counts.breakerSkips += 1
                return fallBack(context, note: "circuit-open: \(configuration.breakerFailures) consecutive failures; "
                                + "no request for \(configuration.breakerCooldown) decisions")
            }
            let request = LLMPrompt.requestBody(model: configuration.model, context: context).serialized
            do throws(LLMReplyError) {
                let decision = try LLMReplyParser.decision(fromResponseBody: try outcome(of: request))
                breaker.recordSuccess()
                counts.answered += 1
                return AgentVerdict(decision: decision, decidedBy: name)
            } catch {
                breaker.recordFailure()
                if error.code == .transport || error.code == .cassetteMiss { counts.transportFailures += 1 }
                else { counts.invalidReplies += 1 }
                return fallBack(context, note: error.description)
            }
        }
    }

    /// Writes nothing more (record mode wrote after every entry) but fails the run when the
    /// cassette could not be written or a replay missed requests.
    public func finishRun() throws {
        try lock.withLock {
            if let writeError { throw writeError }
            if let firstMiss {
                throw LLMCassetteError(path: cassettePath ?? "(cassette)", message:
                    "\(counts.cassetteMisses) request(s) are not in the cassette (first key \(firstMiss)); the scenario "
                    + "or the prompt changed since recording: record again with mode: record")
            }
        }
    }

    private func fallBack(_ context: AnomalyContext, note: String) -> AgentVerdict {
        counts.fallbacks += 1
        return AgentVerdict(decision: fallback.decide(context: context), decidedBy: "llm-fallback:\(fallback.name)",
                            note: note)
    }

    /// The response body for `request`, from the cassette or the server.
    private func outcome(of request: String) throws(LLMReplyError) -> String {
        if configuration.mode == .replay {
            guard let entry = cassette.entry(for: request) else {
                counts.cassetteMisses += 1
                let key = LLMCassette.key(of: request)
                if firstMiss == nil { firstMiss = key }
                throw LLMReplyError(.cassetteMiss, "no recorded answer for request \(key)")
            }
            return try Self.unwrap(entry.outcome)
        }
        let result = send(request)
        if configuration.mode == .record {
            cassette.insert(LLMCassette.Entry(request: request, outcome: result))
            if let cassettePath, writeError == nil {
                do { try cassette.write(to: cassettePath) } catch { writeError = error }
            }
        }
        return try Self.unwrap(result)
    }

    private static func unwrap(_ outcome: LLMCassette.Outcome) throws(LLMReplyError) -> String {
        switch outcome {
        case .response(let body): body
        case .failure(let message): throw LLMReplyError(.transport, message)
        }
    }

    /// Sends with retries; the final outcome, as the cassette stores it.
    private func send(_ request: String) -> LLMCassette.Outcome {
        guard let transport else { return .failure("no transport configured") }
        var attempt = 0
        while true {
            counts.requests += 1
            do {
                let bytes = try transport.send(Array(request.utf8), timeoutSeconds: configuration.timeoutSeconds)
                return .response(String(decoding: bytes, as: UTF8.self))
            } catch {
                attempt += 1
                guard error.isRetryable, attempt <= configuration.retries else {
                    let tries = attempt == 1 ? "" : " (after \(attempt) attempts)"
                    return .failure(error.description + tries)
                }
                counts.retries += 1
                sleep(configuration.backoff(beforeRetry: attempt))
            }
        }
    }
}
