import Testing
import TwinModels

/// The product documents' scenarios and the alert levels they are meant to trigger.
@Suite("MachineScenarioPreset")
struct MachineScenarioPresetTests {
    @Test("operating conditions of each scenario")
    func conditions() throws {
        #expect(try MachineScenarioPreset.normal.conditions() == OperatingConditions(load: 0.7))
        #expect(try MachineScenarioPreset.heavyLoad.conditions() == OperatingConditions(load: 1.5))
        #expect(try MachineScenarioPreset.overheated.conditions() == OperatingConditions(load: 0.7, coolingFactor: 0.2))
        #expect(try MachineScenarioPreset.wornBearings.conditions() == OperatingConditions(load: 0.7, bearingWearMultiplier: 2))
        #expect(MachineScenarioPreset.wornBearings.initialBearingWear == 0.6)
        #expect(MachineScenarioPreset.normal.initialBearingWear == 0)
        #expect(MachineScenarioPreset(rawValue: "heavy_load") == .heavyLoad)
        #expect(throws: ModelInputError.self) { try MachineScenarioPreset.normal.conditions(ambientTemperature: 80) }
    }

    /// Signals after 12 h under the scenario (thermal steady state).
    static func settled(_ kind: MachineKind, _ scenario: MachineScenarioPreset) throws -> MachineSignals {
        var m = try MachineTestSupport.machine(kind, seed: 30, initialBearingWear: scenario.initialBearingWear)
        try m.advance(seconds: 12 * 3600, under: scenario.conditions())
        return m.signals
    }

    @Test("every kind: normal stays below the 75 °C warning; heavy_load and overheated pass 85 °C critical")
    func temperatureAlerts() throws {
        for kind in MachineKind.allCases {
            let normal = try Self.settled(kind, .normal)
            let heavy = try Self.settled(kind, .heavyLoad)
            let hot = try Self.settled(kind, .overheated)
            #expect(normal.temperature < 75, "\(kind) normal \(normal.temperature)")
            #expect(heavy.temperature > 85 && hot.temperature > 85, "\(kind)")
            #expect(heavy.power > 1.2 * normal.power, "heavy load trips the 120 % power spike alert")
            #expect(normal.vibrationZone == .a && heavy.vibrationZone <= .b)
            #expect(hot.power == normal.power, "cooling changes temperature, not power")
        }
    }

    @Test("worn_bearings starts on the zone B/C boundary and is in zone C after running")
    func wornBearings() throws {
        let worn = try Self.settled(.motor, .wornBearings)
        #expect(worn.vibrationZone == .c)
        #expect(worn.vibration > MachineParameters.preset(for: .motor).vibrationLimits.zoneBUpper)
        #expect(worn.healthScore < 40)
    }
}
