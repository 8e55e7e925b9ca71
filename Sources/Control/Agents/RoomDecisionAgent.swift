/// Something that decides what to do about one raised alert in one grow room.
///
/// The room counterpart of ``DecisionAgent``; agents are pure, so the same context gives the
/// same decision and runs stay deterministic.
public protocol RoomDecisionAgent: Sendable {
    /// The name written to the audit log, e.g. `"room-expert-policy"`.
    var name: String { get }
    /// The decision for one raised alert.
    func decide(context: RoomAnomalyContext) -> RoomDecision
}
