import Testing
import Control

@Suite("Rule interlock actions")
struct RuleInterlockTests {
    static func engine() throws -> RuleEngine {
        try RuleEngine(signals: ["co2", "air_temperature"], rules: [
            RuleSpec(id: "lights-off", signal: "air_temperature", condition: .above(35), severity: .critical,
                     hysteresis: 5, action: .interlock(target: "lights", value: RuleAction.off)),
            RuleSpec(id: "co2-stop", signal: "co2", condition: .above(2000), severity: .critical,
                     hysteresis: 100, action: .interlock(target: "co2", value: RuleAction.off)),
            RuleSpec(id: "lights-dim", signal: "air_temperature", condition: .above(32), severity: .warning,
                     hysteresis: 1, action: .interlock(target: "lights", value: 0.5)),
        ])
    }

    @Test("an interlock holds its target from raise to clear, through the hysteresis band")
    func activation() throws {
        var engine = try Self.engine()
        #expect(engine.actionTargets == ["lights", "co2"])
        let temperatures = [30.0, 36, 33, 29.5, 33, 30.5]
        var lights: [Double?] = []
        for (k, t) in temperatures.enumerated() {
            engine.evaluate(time: Double(k) * 60, values: [800, t])
            lights.append(engine.override(for: "lights"))
        }
        // 36 trips both rules and the first registered (off) wins; both hold at 33 and release
        // below 30; a later 33 trips only the dimming rule, released below 31.
        #expect(lights == [nil, 0, 0, nil, 0.5, nil])
        #expect(engine.override(for: "co2") == nil)
        #expect(engine.activeActions.isEmpty)
    }

    @Test("independent targets are held and released independently")
    func twoTargets() throws {
        var engine = try Self.engine()
        engine.evaluate(time: 0, values: [2500, 36])
        #expect(engine.activeActions == [.interlock(target: "lights", value: 0), .interlock(target: "co2", value: 0)])
        engine.evaluate(time: 60, values: [1800, 36])
        #expect(engine.activeActions == [.interlock(target: "lights", value: 0)])
        #expect(engine.override(forTargetAt: try #require(engine.targetIndex(of: "co2"))) == nil)
        #expect(engine.override(for: "cooling") == nil)
    }

    @Test("the grow-room preset switches the lights off above 35 °C and back on below 30 °C")
    func growRoomPreset() throws {
        let set = RuleSet.growRoom
        var engine = try RuleEngine(signals: set.signals, rules: set.rules)
        let slot = try #require(engine.signalIndex(of: "measured_air_temperature"))
        var readings = [25.0, 60, 900]
        var lightsOn: [Bool] = []
        for (k, t) in [34.0, 35.5, 32, 30.2, 29.8].enumerated() {
            readings[slot] = t
            engine.evaluate(time: Double(k) * 60, values: readings)
            lightsOn.append(engine.override(for: "lights") == nil)
        }
        #expect(lightsOn == [true, false, false, false, true])
    }
}
