import Testing
import Control

/// The room expert policy: one action per alert situation, estimates from the room's own numbers.
@Suite("Room expert policy")
struct RoomExpertPolicyTests {
    static func context(_ signal: RoomAnomalyContext.Signal, _ severity: RuleSeverity = .warning, value: Double = 31,
                        lightsOn: Bool = true, faults: [String] = [], crop: String = "cannabis",
                        damper: Bool = true) -> RoomAnomalyContext {
        RoomAnomalyContext(roomID: "flower-1", timeHours: 10, ruleID: "r", severity: severity, signal: signal,
                           value: value, temperatureSetpoint: 25, lightsOn: lightsOn, lampPowerKW: 40,
                           pricePerKWh: 0.2, cropKind: crop, standingCropGrams: 20_000, faultedDevices: faults,
                           canVentilate: damper, actionInForce: false)
    }

    let agent = RoomExpertPolicy()

    @Test("hot with lamps on → dim; hot and dark with a fault → maintenance; humidity → dehumidify; CO2 → ventilate")
    func actionsPerSituation() {
        let hot = agent.decide(context: Self.context(.airTemperature, faults: ["cooling"]))
        #expect(hot.action == .dimLights && hot.setpointChange == 0.5 && hot.riskLevel == .high)
        #expect(hot.rootCause == "cooling fault")
        #expect(agent.decide(context: Self.context(.airTemperature)).riskLevel == .medium)
        #expect(agent.decide(context: Self.context(.airTemperature, .critical)).riskLevel == .critical)
        #expect(agent.decide(context: Self.context(.airTemperature, lightsOn: false, faults: ["cooling"])).action == .maintenance)
        #expect(agent.decide(context: Self.context(.airTemperature, lightsOn: false)).action == .none)
        #expect(agent.decide(context: Self.context(.airTemperature, value: 15, faults: ["heating"])).action == .maintenance)
        let wet = agent.decide(context: Self.context(.humidity, value: 88))
        #expect(wet.action == .raiseDehumidification && wet.setpointChange == 0.2)
        #expect(agent.decide(context: Self.context(.humidity, value: 88, faults: ["dehumidifier"])).action == .maintenance)
        let co2 = agent.decide(context: Self.context(.co2, .critical, value: 2300, lightsOn: false))
        #expect(co2.action == .ventilate && co2.riskLevel == .critical && co2.setpointChange == 0.5)
        let stale = agent.decide(context: Self.context(.co2, value: 2100, lightsOn: false, damper: false))
        #expect(stale.action == .none && stale.riskLevel == .high && stale.reasoning.contains("no outdoor-air damper"))
        let other = agent.decide(context: Self.context(.other))
        #expect(other.action == .none && other.estimatedSavings == 0 && other.preventedLoss == 0)
    }

    @Test("estimates: the crop at risk, plus the lamp energy a dimming avoids")
    func estimates() {
        let warning = agent.decide(context: Self.context(.humidity, value: 88))
        #expect(abs(warning.preventedLoss - 20_000 * 2 * 0.01) < 1e-9)
        #expect(warning.estimatedSavings == warning.preventedLoss)
        let critical = agent.decide(context: Self.context(.humidity, .critical, value: 95))
        #expect(critical.preventedLoss > warning.preventedLoss)
        let dim = agent.decide(context: Self.context(.airTemperature, faults: ["cooling"]))
        #expect(abs(dim.estimatedSavings - dim.preventedLoss - 40 * 0.5 * 0.2) < 1e-9)
        let lettuce = agent.decide(context: Self.context(.humidity, value: 88, crop: "lettuce"))
        #expect(abs(lettuce.preventedLoss - 20_000 * 0.1 * 0.01) < 1e-9)
        let co2 = agent.decide(context: Self.context(.co2, .critical, value: 2300))
        #expect(co2.preventedLoss == 0 && co2.estimatedSavings == 0)
    }

    @Test("channel names map to signal families")
    func signals() {
        #expect(RoomAnomalyContext.Signal(channel: "measured_air_temperature") == .airTemperature)
        #expect(RoomAnomalyContext.Signal(channel: "measured_relative_humidity") == .humidity)
        #expect(RoomAnomalyContext.Signal(channel: "measured_co2") == .co2)
        #expect(RoomAnomalyContext.Signal(channel: "total_power") == .other)
    }
}
