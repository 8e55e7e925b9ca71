/// Something that decides what to do about one raised alert on one machine.
///
/// Agents are deterministic: the same context (and, for agents with memory such as the LLM
/// agent's circuit breaker, the same sequence of contexts) gives the same decision, so runs
/// stay reproducible and the audit log can be replayed.
public protocol DecisionAgent: Sendable {
    /// The name written to the audit log, e.g. `"expert-policy"`.
    var name: String { get }
    /// The decision for one raised alert.
    func decide(context: AnomalyContext) -> Decision
    /// The decision and who made it; by default the agent itself.
    func verdict(context: AnomalyContext) -> AgentVerdict
    /// Called once after the run: flushes what the agent keeps (a cassette) and reports what
    /// must fail the run (a replay that missed recorded requests). Nothing by default.
    func finishRun() throws
}

extension DecisionAgent {
    public func verdict(context: AnomalyContext) -> AgentVerdict {
        AgentVerdict(decision: decide(context: context), decidedBy: name)
    }

    public func finishRun() throws {}
}
