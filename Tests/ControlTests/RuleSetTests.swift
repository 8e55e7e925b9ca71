import Testing
import Control

@Suite("Rule set presets")
struct RuleSetTests {
    @Test("the documents' machine defaults: 75/85 °C, 120 % power, 2.5/4.0 mm/s")
    func documentDefaults() {
        let set = RuleSet.documentDefaults
        #expect(set.signals == ["temperature", "power", "vibration"])
        let summary = set.rules.map { "\($0.signal) \($0.condition.summary) \($0.severity.rawValue)" }
        #expect(summary == [
            "temperature > 75 WARNING", "temperature > 85 CRITICAL", "power > 120 % of baseline WARNING",
            "vibration > 2.5 WARNING", "vibration > 4 CRITICAL",
        ])
    }

    @Test("an overheating, vibrating machine escalates from WARNING to CRITICAL, per machine")
    func escalation() throws {
        let set = RuleSet.combined([RuleSet.documentDefaults.scoped(to: "pump-1"),
                                    RuleSet.documentDefaults.scoped(to: "fan-2")], name: "fleet")
        #expect(set.signals.first == "pump-1.temperature" && set.rules.last?.id == "fan-2.vibration-critical")
        var engine = try RuleEngine(signals: set.signals, rules: set.rules)
        let slot = try #require(engine.signalIndex(of: "pump-1.temperature"))
        let vibration = try #require(engine.signalIndex(of: "fan-2.vibration"))
        // Pump temperature climbs 70 → 90 °C at 0.1 K/min; fan vibration steps to 3 mm/s at 30 min.
        var values = [70.0, 5, 1, 70, 5, 1]
        var raised: [String] = []
        for minute in 0...200 {
            values[slot] = 70 + Double(minute) / 10
            values[vibration] = minute >= 30 ? 3 : 1
            engine.evaluate(time: Double(minute) * 60, values: values)
            raised += engine.events.filter { $0.kind == .raised }.map { engine.rules[$0.ruleIndex].id }
        }
        #expect(raised == ["fan-2.vibration-warning", "pump-1.temperature-warning", "pump-1.temperature-critical"])
        let warning = try #require(engine.alerts.first { $0.ruleID == "pump-1.temperature-warning" })
        #expect(warning.start == 52 * 60)  // first above 75 at minute 51, held 60 s
        #expect(engine.highestActiveSeverity == .critical)
    }

    @Test("the grow-room preset covers the band, mould risk, CO2 safety and the lights interlock")
    func growRoom() {
        let set = RuleSet.growRoom
        #expect(set.signals == ["measured_air_temperature", "measured_relative_humidity", "measured_co2"])
        #expect(set.rules.map(\.id) == ["air-temperature-band", "humidity-mould-risk", "co2-safety", "lights-interlock"])
        #expect(set.rules.first { $0.id == "co2-safety" }?.severity == .critical)
        #expect(set.rules.compactMap(\.action) == [.interlock(target: "lights", value: RuleAction.off)])
    }
}
