/// A room decision agent's answer to one alert, as written to the facility's audit log.
public struct RoomDecision: Sendable, Hashable {
    /// What the host should do in the room; each action holds until the alert clears.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// Dim the lamps to `1 − setpointChange` of their target PPFD (less lamp heat).
        case dimLights = "DIM_LIGHTS"
        /// Raise the VPD target by `setpointChange` kPa, so the dehumidifier removes more water.
        case raiseDehumidification = "RAISE_DEHUMIDIFICATION"
        /// Hold the outdoor-air damper open at least `setpointChange` of its capacity.
        case ventilate = "VENTILATE"
        /// Open a work order for the faulted device (recorded; the fault's duration is the scenario's).
        case maintenance = "MAINTENANCE"
        /// Nothing.
        case none = "NONE"
    }

    public var rootCause: String
    public var riskLevel: Decision.RiskLevel
    public var action: Action
    /// The size of the action in its own unit (see ``Action``); 0 for MAINTENANCE and NONE.
    public var setpointChange: Double
    public var reasoning: String
    /// Expected money saved by acting, currency (see ``RoomExpertPolicy``).
    public var estimatedSavings: Double
    /// Expected value of the crop the action protects, currency.
    public var preventedLoss: Double
    /// What a human operator should check or do.
    public var humanRecommendation: String

    public init(rootCause: String, riskLevel: Decision.RiskLevel, action: Action, setpointChange: Double,
                reasoning: String, estimatedSavings: Double, preventedLoss: Double, humanRecommendation: String) {
        self.rootCause = rootCause
        self.riskLevel = riskLevel
        self.action = action
        self.setpointChange = setpointChange
        self.reasoning = reasoning
        self.estimatedSavings = estimatedSavings
        self.preventedLoss = preventedLoss
        self.humanRecommendation = humanRecommendation
    }
}
