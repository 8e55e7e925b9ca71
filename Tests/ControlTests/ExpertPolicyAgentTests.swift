import Testing
import Control

/// The expert policy: one decision per alert type, and estimates built from the machine's own numbers.
@Suite("Expert policy agent")
struct ExpertPolicyAgentTests {
    static func context(_ signal: AnomalyContext.Signal, _ severity: RuleSeverity, health: Double = 60,
                        rule: String = "r") -> AnomalyContext {
        AnomalyContext(machineID: "pump-1", kind: "pump", timeHours: 10, ruleID: rule, severity: severity,
                       signal: signal, value: 80, recentTemperature: [70, 80], recentPower: [5, .nan],
                       recentVibration: [2, 3], healthScore: health, openWorkOrder: false, maintenanceCount: 0,
                       ratedPowerKW: 7.5, meanRepairHours: 6, plannedMaintenanceHours: 2, downtimeCostPerHour: 100)
    }

    let agent = ExpertPolicyAgent()

    @Test("overheating → maintenance; power spike → offline; vibration → maintenance at WARNING, offline at CRITICAL")
    func actionsPerAlert() {
        #expect(agent.decide(context: Self.context(.temperature, .warning)).action == .maintenance)
        #expect(agent.decide(context: Self.context(.temperature, .warning)).riskLevel == .high)
        #expect(agent.decide(context: Self.context(.temperature, .critical)).riskLevel == .critical)
        #expect(agent.decide(context: Self.context(.power, .warning)).action == .offline)
        #expect(agent.decide(context: Self.context(.vibration, .warning)).action == .maintenance)
        #expect(agent.decide(context: Self.context(.vibration, .warning)).riskLevel == .medium)
        #expect(agent.decide(context: Self.context(.vibration, .critical)).action == .offline)
        #expect(agent.decide(context: Self.context(.vibration, .critical)).riskLevel == .critical)
        let other = agent.decide(context: Self.context(.other, .critical))
        #expect(other.action == .none && other.preventedLoss == 0 && other.estimatedSavings == 0)
    }

    @Test("a healthy machine that runs hot gets no maintenance order: it would not pay, the load or cooling is the cause")
    func healthyButHot() {
        // health 90 → p = 0.1: 0.6 h of repair avoided against a 2 h planned job.
        let warm = agent.decide(context: Self.context(.temperature, .warning, health: 90))
        #expect(warm.action == .none && warm.riskLevel == .medium)
        #expect(warm.rootCause.contains("without wear") && warm.humanRecommendation.contains("Reduce the load"))
        #expect(warm.preventedLoss == 0 && warm.estimatedSavings == 0)
        // CRITICAL lifts p to 0.5: 3 h avoided > 2 h planned, so maintenance pays again.
        #expect(agent.decide(context: Self.context(.temperature, .critical, health: 90)).action == .maintenance)
        // The same alert on a worn machine (health 60: 2.4 h > 2 h) is a maintenance order.
        #expect(agent.decide(context: Self.context(.temperature, .warning, health: 60)).action == .maintenance)
    }

    @Test("prevented loss = p(failure) × repair h × downtime cost; savings subtract the planned stop")
    func estimates() {
        // health 60 → p = 0.4: 0.4 × 6 h × 100 = 240; savings 240 − 2 h × 100 = 40.
        let d = agent.decide(context: Self.context(.temperature, .warning, health: 60))
        #expect(abs(d.preventedLoss - 240) < 1e-9)
        #expect(abs(d.estimatedSavings - 40) < 1e-9)
        // CRITICAL raises p to at least 0.5 on a healthy machine: 0.5 × 6 × 100 = 300.
        let c = agent.decide(context: Self.context(.vibration, .critical, health: 95))
        #expect(abs(c.preventedLoss - 300) < 1e-9)
        // A new machine at WARNING: nothing to prevent, no savings (never negative).
        let n = agent.decide(context: Self.context(.vibration, .warning, health: 100))
        #expect(n.preventedLoss == 0 && n.estimatedSavings == 0)
    }

    @Test("decisions are deterministic and explain themselves")
    func deterministic() {
        let a = agent.decide(context: Self.context(.power, .warning, rule: "power-spike"))
        #expect(a == agent.decide(context: Self.context(.power, .warning, rule: "power-spike")))
        #expect(a.reasoning.contains("power-spike") && a.humanRecommendation.contains("pump-1"))
        #expect(a.rootCause.contains("power"))
    }
}
