import Foundation
import SimKernel
import Testing
import TwinModels

/// The machine twin's dynamics: thermal step response, damage accumulation, signals, input
/// checks and cost. Failures and RUL are in `MachineReliabilityTests`.
@Suite("MachineModel")
struct MachineModelTests {
    @Test("hot spot follows the analytic first-order solution, heating and cooling")
    func temperatureStepResponse() throws {
        var m = try MachineTestSupport.machine(.motor, seed: 1)
        let p = m.parameters
        let load = try OperatingConditions(load: 1, ambientTemperature: 30, coolingFactor: 0.5)
        let scale = p.naturalCoolingFraction + (1 - p.naturalCoolingFraction) * 0.5
        let tss = 30 + p.thermalResistance * p.losses(atLoad: 1) / scale
        let tau = p.thermalTimeConstant / scale
        let t0 = m.state.hotSpotTemperature
        for k in 1...240 {
            try m.advance(seconds: 60, under: load)
            let exact = tss + (t0 - tss) * exp(-Double(k) * 60 / tau)
            #expect(abs(m.state.hotSpotTemperature - exact) < 1e-9 * exact)
        }
        // Stopped: the shaft fan stops too, so the winding cools with natural cooling only.
        let hot = m.state.hotSpotTemperature
        let stopped = try OperatingConditions(load: 0, ambientTemperature: 30)
        try m.advance(seconds: 1800, under: stopped)
        let tauStopped = p.thermalTimeConstant / p.naturalCoolingFraction
        #expect(abs(m.state.hotSpotTemperature - (30 + (hot - 30) * exp(-1800 / tauStopped))) < 1e-9 * hot)
        #expect(abs(m.housingTemperature - (30 + p.housingRiseFraction * (m.state.hotSpotTemperature - 30))) < 1e-12)
    }

    @Test("one long span equals many short ones (closed-form step)")
    func spanIndependence() throws {
        let c = try OperatingConditions(load: 1.2, ambientTemperature: 20, coolingFactor: 0.7)
        var a = try MachineTestSupport.machine(.fan, seed: 2)
        var b = a
        try a.advance(seconds: 7200, under: c)
        for _ in 0..<120 { try b.advance(seconds: 60, under: c) }
        #expect(abs(a.state.hotSpotTemperature - b.state.hotSpotTemperature) < 1e-9)
        #expect(abs(a.state.bearingDamage / b.state.bearingDamage - 1) < 1e-12)
        #expect(abs(a.state.electricalDamage / b.state.electricalDamage - 1) < 1e-12)
        #expect(abs(a.state.insulationAgeing / b.state.insulationAgeing - 1) < 1e-6)
        #expect(a.state.runtimeSeconds == 7200 && b.state.runtimeSeconds == 7200)
    }

    @Test("damage never decreases and health never rises while running under random conditions")
    func monotoneDegradation() throws {
        var m = try MachineTestSupport.machine(.conveyor, seed: 3)
        var stream = RandomStream(seed: 33)
        var previous = m.state
        var health = m.healthScore
        #expect(health == 100)
        var steps = 0
        while m.state.failure == nil, steps < 500_000 {
            let c = try OperatingConditions(
                load: 2 * stream.uniform(), ambientTemperature: 10 + 35 * stream.uniform(),
                coolingFactor: stream.uniform(), bearingWearMultiplier: 1 + 4 * stream.uniform())
            for _ in 0..<60 where m.state.failure == nil {
                try m.advance(seconds: 60, under: c)
                steps += 1
                #expect(m.state.bearingDamage >= previous.bearingDamage)
                #expect(m.state.insulationAgeing >= previous.insulationAgeing)
                #expect(m.state.electricalDamage >= previous.electricalDamage)
                #expect(m.state.runtimeSeconds >= previous.runtimeSeconds)
                #expect(m.healthScore <= health)
                previous = m.state
                health = m.healthScore
            }
        }
        #expect(m.state.failure != nil, "random overloads must wear the conveyor out")
        #expect(m.healthScore == 0)
        #expect(m.signals.power == 0 && m.signals.vibration == 0)
    }

    @Test("health score is 100·Π(1 − w) and falls with each damage")
    func healthFormula() throws {
        var m = try MachineTestSupport.machine(.pump, seed: 4, initialBearingWear: 0.5)
        #expect(abs(m.healthScore - 50) < 1e-9)
        let before = m.healthScore
        try m.advance(seconds: 3600 * 500, under: OperatingConditions(load: 1.5))
        #expect(m.insulationLifeConsumed > 0 && m.electricalStress > 0)
        let expected = 100 * (1 - m.bearingWear) * (1 - m.insulationLifeConsumed) * (1 - m.electricalStress)
        #expect(abs(m.healthScore - expected) < 1e-9)
        #expect(m.healthScore < before)
    }

    @Test("signals: power = shaft + losses + wear friction; vibration leaves zone B at onset")
    func signals() throws {
        var m = try MachineTestSupport.machine(.motor, seed: 5)
        let p = m.parameters
        try m.advance(seconds: 60, under: OperatingConditions(load: 0.7))
        let s = m.signals
        #expect(abs(s.power - (0.7 * 30 + p.losses(atLoad: 0.7))) < 1e-9)
        #expect(abs(s.vibration - p.baselineVibration) < 1e-6 && s.vibrationZone == .a)
        #expect(s.status == .online && s.running)
        #expect(abs(s.runtimeHours - 1.0 / 60) < 1e-12)
        let atOnset = try MachineTestSupport.machine(.motor, seed: 5, initialBearingWear: p.faultOnsetFraction)
        var running = atOnset
        try running.advance(seconds: 1, under: OperatingConditions(load: 0.7))
        #expect(abs(running.vibration - p.vibrationLimits.zoneBUpper) < 1e-6)
        #expect(running.signals.power > s.power)
        m.status = .maintenance
        try m.advance(seconds: 60, under: OperatingConditions(load: 0.7))
        #expect(m.signals.power == 0 && !m.signals.running && m.signals.status == .maintenance)
        #expect(abs(m.signals.runtimeHours - 1.0 / 60) < 1e-12)
    }

    @Test("every kind: vibration rises with wear, leaves zone B at onset, is in zone D near failure")
    func vibrationAtFailure() throws {
        let c = try OperatingConditions(load: 0.9, bearingWearMultiplier: 100)
        for kind in MachineKind.allCases {
            var m = try MachineTestSupport.machine(kind, seed: 6, initialBearingWear: 0.3)
            var previous = 0.0
            var zoneAfterOnset: VibrationZone?
            while m.state.failure == nil {
                try m.advance(seconds: 60, under: c)
                guard m.state.failure == nil else { break }
                #expect(m.vibration >= previous)
                previous = m.vibration
                if zoneAfterOnset == nil, m.state.onsets.bearing != nil { zoneAfterOnset = m.signals.vibrationZone }
            }
            #expect(m.state.failure?.mode == .bearing, "\(kind)")
            #expect(zoneAfterOnset == .c, "\(kind)")
            var nearEnd = try MachineTestSupport.machine(kind, seed: 6, initialBearingWear: 0.99)
            try nearEnd.advance(seconds: 1, under: c)
            #expect(nearEnd.signals.vibrationZone == .d, "\(kind): \(nearEnd.vibration) mm/s")
        }
    }

    @Test("invalid spans and conditions throw")
    func invalidInputs() throws {
        var m = try MachineTestSupport.machine(seed: 7)
        #expect(throws: ModelInputError.self) { try m.advance(seconds: -1, under: OperatingConditions(load: 1)) }
        #expect(throws: ModelInputError.self) { try m.advance(seconds: .nan, under: OperatingConditions(load: 1)) }
        #expect(throws: ModelInputError.self) { try m.advance(seconds: 60, load: 2.5, ambientTemperature: 20, coolingFactor: 1) }
        #expect(throws: ModelInputError.self) { try m.advance(seconds: 60, load: 1, ambientTemperature: 20, coolingFactor: 1.2) }
        #expect(throws: ModelInputError.self) { try MachineTestSupport.machine(seed: 7, initialBearingWear: 1) }
    }

    /// Speed is measured by `twinlab-bench fleet`, not here; this checks the long run's bookkeeping.
    @Test("50 machines × 30 days at 1-minute steps, alternating day and night, count every minute of runtime")
    func longRun() throws {
        var machines = try (0..<50).map { i in
            try MachineTestSupport.machine(MachineKind.allCases[i % 6], seed: UInt64(i))
        }
        let day = try OperatingConditions(load: 0.8, ambientTemperature: 28)
        let night = try OperatingConditions(load: 0.5, ambientTemperature: 20)
        let steps = 30 * 1440
        for k in 0..<steps {
            let c = (k / 720) % 2 == 0 ? day : night
            for i in machines.indices { try machines[i].advance(seconds: 60, under: c) }
        }
        #expect(machines.allSatisfy { $0.state.runtimeSeconds == Double(steps) * 60 })
    }
}
