import SimKernel
import Testing
import TwinModels

/// Corrective repair and preventive maintenance.
@Suite("Machine maintenance")
struct MachineMaintenanceTests {
    @Test("repairing the failed mode clears the failure and restores health; the machine runs again")
    func repairRestores() throws {
        var m = try MachineTestSupport.machine(.motor, seed: 20)
        let c = try MachineScenarioPreset.heavyLoad.conditions()
        var failure: MachineFailure?
        while failure == nil { failure = try m.advance(seconds: 3600, under: c) }
        let f = try #require(failure)
        #expect(m.healthScore == 0)
        m.status = .maintenance
        var stream = RandomStream(seed: 21)
        m.repair(f.mode, stream: &stream)
        #expect(m.state.failure == nil && m.state[damage: f.mode] == 0 && m.state.onsets[f.mode] == nil)
        #expect(m.healthScore > 0)
        try m.advance(seconds: 3600, under: c)
        #expect(m.signals.power == 0, "still in MAINTENANCE")
        m.status = .online
        try m.advance(seconds: 3600, under: c)
        #expect(m.signals.power > 0 && m.signals.running)
    }

    @Test("repairing another mode leaves the machine failed")
    func wrongRepair() throws {
        var m = try MachineTestSupport.machine(.pump, seed: 22)
        let c = try OperatingConditions(load: 0.7, coolingFactor: 0.2)
        let f = try #require(try m.advance(seconds: 1e9, under: c))
        let other: FailureMode = f.mode == .bearing ? .insulation : .bearing
        try m.repair(other, newThreshold: 1)
        #expect(m.state.failure == f)
        #expect(m.remainingUsefulLife(under: c).hours == 0)
    }

    @Test("preventive maintenance renews the bearings: wear 0, baseline vibration, longer RUL")
    func preventive() throws {
        var m = try MachineTestSupport.machine(.fan, seed: 23, initialBearingWear: 0.6)
        let c = try MachineScenarioPreset.wornBearings.conditions()
        try m.advance(seconds: 3600, under: c)
        let before = m.remainingUsefulLife(under: c)
        let healthBefore = m.healthScore
        let insulation = m.state.insulationAgeing
        #expect(m.signals.vibrationZone == .c)
        try m.preventiveMaintenance(newBearingThreshold: m.state.thresholds.bearing)
        #expect(m.bearingWear == 0 && m.state.onsets.bearing == nil)
        #expect(m.state.insulationAgeing == insulation, "insulation is not renewed by PM")
        #expect(m.healthScore > healthBefore)
        #expect(abs(m.vibration - m.parameters.baselineVibration) < 1e-12)
        #expect(m.remainingUsefulLife(under: c).hours > before.hours)
        #expect(throws: ModelInputError.self) { try m.preventiveMaintenance(newBearingThreshold: -1) }
    }

    @Test("a repair drawn from the same stream is reproducible")
    func reproducibleRepair() throws {
        var a = try MachineTestSupport.machine(.conveyor, seed: 24, initialBearingWear: 0.4)
        var b = a
        var s1 = RandomStream(seed: 25)
        var s2 = RandomStream(seed: 25)
        a.repair(.bearing, stream: &s1)
        b.repair(.bearing, stream: &s2)
        #expect(a == b)
        #expect(a.state.thresholds.bearing != (try MachineTestSupport.machine(.conveyor, seed: 24)).state.thresholds.bearing)
    }
}
