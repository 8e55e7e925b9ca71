/// Something that decides what to do about one raised alert on one machine.
///
/// Agents are pure: the same context gives the same decision, so runs stay deterministic and
/// the audit log can be replayed.
public protocol DecisionAgent: Sendable {
    /// The name written to the audit log, e.g. `"expert-policy"`.
    var name: String { get }
    /// The decision for one raised alert.
    func decide(context: AnomalyContext) -> Decision
}
