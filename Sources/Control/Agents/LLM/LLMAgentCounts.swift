/// Counters of one LLM agent's work, for reports and tests.
public struct LLMAgentCounts: Sendable, Hashable {
    /// Alerts decided.
    public var decisions = 0
    /// Decisions the model made (valid replies).
    public var answered = 0
    /// Decisions the fallback made, for any reason.
    public var fallbacks = 0
    /// HTTP requests sent, retries included.
    public var requests = 0
    public var retries = 0
    /// Decisions whose exchange failed (after retries) or missed the cassette.
    public var transportFailures = 0
    /// Replies that broke the contract.
    public var invalidReplies = 0
    /// Decisions sent to the fallback by the open breaker.
    public var breakerSkips = 0
    /// Replay-mode requests the cassette lacked.
    public var cassetteMisses = 0

    public init() {}
}
