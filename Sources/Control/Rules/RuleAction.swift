/// What the host must do while a rule's alert is active: hold a target at a value.
///
/// The engine only reports which actions are active; applying them (switching the lamps
/// off, closing a CO₂ valve) is the host's job, so the rule engine stays free of plant
/// models. An interlock holds from the moment the alert is raised until it is cleared
/// (hysteresis and the clearing delay apply), e.g. `interlock(target: "lights", value: RuleAction.off)`.
public struct RuleAction: Sendable, Hashable {
    /// What is overridden, e.g. `"lights"`, `"co2"`, `"cooling"` (the host's vocabulary).
    public let target: String
    /// The forced value: 0 for off, 1 for on, or a level in the target's unit.
    public let value: Double

    /// The value meaning "off".
    public static let off = 0.0
    /// The value meaning "on".
    public static let on = 1.0

    /// Holds `target` at `value` while the alert is active.
    public static func interlock(target: String, value: Double) -> RuleAction {
        RuleAction(target: target, value: value)
    }

    public init(target: String, value: Double) {
        self.target = target
        self.value = value
    }
}
