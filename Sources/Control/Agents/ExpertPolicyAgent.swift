/// The product documents' response guidelines as a fixed policy.
///
/// | alert | decision | risk |
/// |---|---|---|
/// | temperature (overheating), maintenance pays (below) | MAINTENANCE | HIGH at WARNING, CRITICAL at CRITICAL |
/// | temperature, maintenance does not pay | NONE (reduce load or improve cooling) | MEDIUM at WARNING, HIGH at CRITICAL |
/// | power spike | OFFLINE, then maintenance | HIGH |
/// | vibration WARNING | MAINTENANCE (next maintenance window) | MEDIUM |
/// | vibration CRITICAL | OFFLINE, then maintenance | CRITICAL |
/// | any other rule | nothing | LOW |
///
/// Estimates use the machine's own numbers only:
/// - failure probability p = 1 − health/100 (a worn machine is likely to fail; a new one is not),
///   raised to at least 0.5 at CRITICAL severity because the documents treat a critical alert
///   as an imminent failure;
/// - preventedLoss = p × mean corrective repair time (h) × downtime cost per hour;
/// - estimatedSavings = preventedLoss − planned job time (h) × downtime cost per hour, at
///   least 0: what acting saves over running to failure, after paying for the planned stop.
///   Maintenance pays when p × mean repair time > planned job time; for an overheating
///   machine that is the test between a worn machine and a healthy one that runs hot.
public struct ExpertPolicyAgent: DecisionAgent {
    public let name = "expert-policy"

    public init() {}

    public func decide(context c: AnomalyContext) -> Decision {
        let critical = c.severity == .critical
        var p = max(0, min(1, 1 - c.healthScore / 100))
        if critical { p = max(p, 0.5) }
        let prevented = p * c.meanRepairHours * c.downtimeCostPerHour
        let savings = max(0, prevented - c.plannedMaintenanceHours * c.downtimeCostPerHour)
        let value = c.value.formatted2
        let health = c.healthScore.formatted2
        func decision(_ cause: String, _ risk: Decision.RiskLevel, _ action: Decision.Action, _ why: String,
                      _ human: String) -> Decision {
            let acting = action != .none
            return Decision(rootCause: cause, riskLevel: risk, action: action, reasoning: why,
                            estimatedSavings: acting ? savings : 0, preventedLoss: acting ? prevented : 0,
                            humanRecommendation: human)
        }
        switch c.signal {
        case .temperature where savings <= 0:
            // Maintenance renews worn parts; it does not cool a machine that runs hot because of
            // its load or surroundings. Ordering it anyway takes the machine and a technician
            // out for nothing, and the alert returns at the restart: under a sustained 1.5 ×
            // overload that was 1,500 orders a year and ten times the failures of no agent.
            return decision("overheating without wear (load or cooling)", critical ? .high : .medium, .none,
                            "\(c.ruleID): frame at \(value) °C, health \(health); the expected repair time avoided "
                            + "(\((p * c.meanRepairHours).formatted2) h) does not exceed the planned job "
                            + "(\(c.plannedMaintenanceHours.formatted2) h), so maintenance would not pay",
                            "Reduce the load on \(c.machineID) or improve its cooling (fan, fins, ambient); "
                            + "condition-based maintenance takes over as its health falls.")
        case .temperature:
            return decision("overheating", critical ? .critical : .high, .maintenance,
                            "\(c.ruleID): frame at \(value) °C, health \(health); overheating ages the winding "
                            + "insulation, so plan maintenance before it fails",
                            "Check cooling (fan, fins, ambient) and load on \(c.machineID).")
        case .power:
            return decision("electrical fault (power spike)", .high, .offline,
                            "\(c.ruleID): power at \(value) × its baseline, health \(health); a spike points to an "
                            + "electrical fault, so stop the machine before it damages itself",
                            "Inspect the supply, windings and drive of \(c.machineID) before restarting.")
        case .vibration where critical:
            return decision("bearing damage (severe vibration)", .critical, .offline,
                            "\(c.ruleID): vibration \(value) mm/s, health \(health); severe vibration means bearing "
                            + "failure is near, so stop now",
                            "Replace the bearings of \(c.machineID); check alignment and lubrication.")
        case .vibration:
            return decision("bearing wear (rising vibration)", .medium, .maintenance,
                            "\(c.ruleID): vibration \(value) mm/s, health \(health); plan bearing maintenance in "
                            + "the next window",
                            "Schedule a bearing inspection of \(c.machineID).")
        case .other:
            return decision("unclassified alert", .low, .none,
                            "\(c.ruleID): no policy for this signal", "Review the alert on \(c.machineID).")
        }
    }
}
