/// A decision agent's answer to one alert, as written to the audit log.
public struct Decision: Sendable, Hashable {
    /// How serious the agent judges the situation.
    public enum RiskLevel: String, Sendable, Hashable, CaseIterable {
        case low = "LOW", medium = "MEDIUM", high = "HIGH", critical = "CRITICAL"
    }

    /// What the host should do.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// Open a condition-based maintenance order; the machine keeps running until it starts.
        case maintenance
        /// Stop the machine now (status OFFLINE), then open a maintenance order.
        case offline
        /// Nothing.
        case none
    }

    public var rootCause: String
    public var riskLevel: RiskLevel
    public var action: Action
    public var reasoning: String
    /// Expected money saved by acting, currency (see `ExpertPolicyAgent`).
    public var estimatedSavings: Double
    /// Expected cost of the failure the action avoids, currency.
    public var preventedLoss: Double
    /// What a human operator should check or do.
    public var humanRecommendation: String

    public init(rootCause: String, riskLevel: RiskLevel, action: Action, reasoning: String,
                estimatedSavings: Double, preventedLoss: Double, humanRecommendation: String) {
        self.rootCause = rootCause
        self.riskLevel = riskLevel
        self.action = action
        self.reasoning = reasoning
        self.estimatedSavings = estimatedSavings
        self.preventedLoss = preventedLoss
        self.humanRecommendation = humanRecommendation
    }
}
