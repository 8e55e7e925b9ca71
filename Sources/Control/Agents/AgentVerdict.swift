/// A decision together with who actually made it, for the audit log.
///
/// Agents that delegate (the LLM agent falling back to the expert policy) say so here; the
/// rest decide themselves, which the default `DecisionAgent.verdict(context:)` records.
public struct AgentVerdict: Sendable, Hashable {
    public var decision: Decision
    /// The deciding agent's name, e.g. `"llm:qwen2.5-7b"` or `"llm-fallback:expert-policy"`.
    public var decidedBy: String
    /// Why a fallback happened (`"<code>: <message>"`); empty when the agent decided itself.
    public var note: String

    public init(decision: Decision, decidedBy: String, note: String = "") {
        self.decision = decision
        self.decidedBy = decidedBy
        self.note = note
    }
}
