/// How the LLM agent talks to its server: model, timeout, retries, circuit breaker and
/// cassette mode (scenario keys under `fleet.llm`, docs/scenario-format.md).
public struct LLMAgentConfiguration: Sendable, Hashable {
    /// Where requests go and where answers come from.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The server only; nothing is recorded.
        case live
        /// The server, and every exchange's final outcome is added to the cassette.
        case record
        /// The cassette only; no network. A request the cassette lacks falls back to the
        /// expert and fails the run at its end (`finishRun`).
        case replay
    }

    /// The `model` field of every request, e.g. `"qwen2.5:7b"`.
    public var model: String
    /// Wall-time limit of one request, s (> 0).
    public var timeoutSeconds: Double
    /// Extra attempts after a retryable transport failure, 0…10.
    public var retries: Int
    /// Wait before the first retry, s; doubled for each further retry (0.5, 1, 2 … by default).
    public var backoffSeconds: Double
    /// Consecutive failed decisions that open the circuit breaker, ≥ 1.
    public var breakerFailures: Int
    /// Decisions the open breaker sends straight to the fallback, ≥ 1.
    public var breakerCooldown: Int
    public var mode: Mode

    public init(model: String, timeoutSeconds: Double = 30, retries: Int = 2, backoffSeconds: Double = 0.5,
                breakerFailures: Int = 3, breakerCooldown: Int = 10, mode: Mode = .live) {
        self.model = model
        self.timeoutSeconds = timeoutSeconds
        self.retries = retries
        self.backoffSeconds = backoffSeconds
        self.breakerFailures = breakerFailures
        self.breakerCooldown = breakerCooldown
        self.mode = mode
    }

    /// The wait before attempt `attempt` (1 = the first retry), s: `backoffSeconds × 2^(attempt−1)`.
    public func backoff(beforeRetry attempt: Int) -> Double {
        backoffSeconds * Double(1 << min(max(attempt - 1, 0), 20))
    }
}
