import Foundation
import SimKernel
import Testing
import TwinModels

/// The failure model: Weibull hazard in accumulated damage with caller-drawn thresholds,
/// mean time to failure against load and temperature, RUL and ground truth.
@Suite("Machine reliability")
struct MachineReliabilityTests {
    static let seeds = 0..<UInt64(2000)

    /// Hours to failure of fresh pumps (one per seed) under `conditions`.
    static func lifetimes(_ conditions: OperatingConditions, wear: Double = 0,
                          parameters: MachineParameters? = nil) throws -> [Double] {
        try seeds.map { seed in
            let m = try MachineTestSupport.machine(.pump, seed: seed, initialBearingWear: wear, parameters: parameters)
            return MachineTestSupport.hoursToFailure(m, conditions)
        }
    }

    @Test("ISO 281 check: 10 % of bearings fail by L10(load), mean life η·Γ(1 + 1/β)·L10(load)")
    func bearingLifeMatchesISO281() throws {
        var p = MachineParameters.preset(for: .pump)
        p.insulationReferenceLifeHours = 1e6 // take insulation out of the competition
        let life = try Self.lifetimes(OperatingConditions(load: 0.7), parameters: p)
        let l10 = p.l10Hours / pow(0.7, 3)
        let n = Double(life.count)
        let early = Double(life.filter { $0 <= l10 }.count) / n
        #expect(abs(early - 0.1) < 4 * (0.09 / n).squareRoot(), "fraction failed by L10: \(early)")
        let mean = MachineTestSupport.mean(life)
        let sd = (life.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        #expect(abs(mean - WeibullLife.bearingISO281.meanDamageToFailure * l10) < 4 * sd / n.squareRoot())
    }

    @Test("mean time to failure falls with load, per seed and on average")
    func mttfFallsWithLoad() throws {
        var previous: [Double]?
        for load in [0.5, 0.7, 1.0, 1.3, 1.5, 1.8] {
            let life = try Self.lifetimes(OperatingConditions(load: load))
            if let previous {
                #expect(zip(life, previous).allSatisfy { $0 <= $1 })
                #expect(MachineTestSupport.mean(life) < MachineTestSupport.mean(previous), "load \(load)")
            }
            previous = life
        }
    }

    @Test("mean time to failure falls with temperature: hotter air, weaker cooling")
    func mttfFallsWithTemperature() throws {
        var previous: [Double]?
        for ambient in [10.0, 25, 40] {
            let life = try Self.lifetimes(OperatingConditions(load: 1, ambientTemperature: ambient))
            if let previous { #expect(MachineTestSupport.mean(life) < MachineTestSupport.mean(previous)) }
            previous = life
        }
        previous = nil
        for cooling in [1.0, 0.6, 0.2] {
            let life = try Self.lifetimes(OperatingConditions(load: 0.7, coolingFactor: cooling))
            if let previous { #expect(MachineTestSupport.mean(life) < MachineTestSupport.mean(previous)) }
            previous = life
        }
    }

    @Test("scenarios: heavy_load fails first, then overheated, then normal; worn_bearings before normal")
    func scenarioOrdering() throws {
        let normal = try Self.lifetimes(MachineScenarioPreset.normal.conditions())
        let heavy = try Self.lifetimes(MachineScenarioPreset.heavyLoad.conditions())
        let hot = try Self.lifetimes(MachineScenarioPreset.overheated.conditions())
        let worn = try Self.lifetimes(
            MachineScenarioPreset.wornBearings.conditions(), wear: MachineScenarioPreset.wornBearings.initialBearingWear)
        let means = [heavy, hot, normal].map(MachineTestSupport.mean)
        print("pump MTTF h: heavy \(means[0]), overheated \(means[1]), normal \(means[2]), worn \(MachineTestSupport.mean(worn))")
        #expect(means[0] < means[1] && means[1] < means[2])
        #expect(zip(heavy, normal).allSatisfy { $0 < $1 })
        #expect(zip(hot, normal).allSatisfy { $0 <= $1 })
        #expect(zip(worn, normal).allSatisfy { $0 < $1 })
        #expect(MachineTestSupport.mean(worn) < 0.5 * means[2])
    }

    @Test("hazard rate and failure probability rise with load and with temperature")
    func hazardRises() throws {
        var m = try MachineTestSupport.machine(.motor, seed: 8, initialBearingWear: 0.3)
        try m.advance(seconds: 3600 * 50, under: OperatingConditions(load: 1.2))
        var previous = -1.0
        var previousP = -1.0
        for load in [0.5, 0.7, 1.0, 1.3, 1.6] {
            let c = try OperatingConditions(load: load)
            let h = m.hazardRate(under: c)
            let p = m.failureProbability(withinHours: 1000, under: c)
            #expect(h > previous && p > previousP)
            previous = h
            previousP = p
        }
        var cool = m
        var hot = m
        let normal = try OperatingConditions(load: 0.7)
        let blocked = try OperatingConditions(load: 0.7, coolingFactor: 0.2)
        try cool.advance(seconds: 3600 * 20, under: normal)
        try hot.advance(seconds: 3600 * 20, under: blocked)
        #expect(hot.hazardRate(under: blocked) > cool.hazardRate(under: normal))
        #expect(m.failureProbability(withinHours: 100, under: normal)
                < m.failureProbability(withinHours: 1000, under: normal))
    }

    @Test("RUL falls one hour per running hour at steady state and is 0 at the failure advance reports")
    func rulCountsDown() throws {
        var m = try MachineTestSupport.machine(.pump, seed: 10)
        let c = try MachineScenarioPreset.heavyLoad.conditions()
        try m.advance(seconds: 12 * 3600, under: c) // past the thermal transient
        let start = m.remainingUsefulLife(under: c)
        let startClock = m.state.clockSeconds
        var hours = 0.0
        var failure: MachineFailure?
        while failure == nil {
            failure = try m.advance(seconds: 3600, under: c)
            hours += 1
            if failure == nil {
                let rul = m.remainingUsefulLife(under: c)
                #expect(abs(rul.hours - (start.hours - hours)) < 1e-6 * start.hours)
                #expect(rul.mode == start.mode)
            }
        }
        let f = try #require(failure)
        #expect(f.mode == start.mode)
        #expect(abs(f.timeSeconds - (startClock + start.hours * 3600)) < 1e-6 * start.hours * 3600)
        #expect(m.remainingUsefulLife(under: c).hours == 0)
        let truth = m.groundTruth(under: c)
        #expect(truth.remainingUsefulLifeHours == 0 && truth.activeFault == f.mode && truth.failure == f)
        #expect(try #require(truth.faultOnsetSeconds) < f.timeSeconds)
        #expect(m.state.runtimeSeconds == f.timeSeconds, "the machine stops at the failure")
        #expect(m.state.clockSeconds == startClock + hours * 3600)
    }

    @Test("RUL from a cold start predicts the failure found by 1-minute stepping and by one long span")
    func rulPredictsFailure() throws {
        for seed: UInt64 in [11, 12, 13] {
            let fresh = try MachineTestSupport.machine(.fan, seed: seed)
            let c = try OperatingConditions(load: 1.5, ambientTemperature: 30)
            let predicted = fresh.remainingUsefulLife(under: c).hours * 3600
            var stepped = fresh
            var failure: MachineFailure?
            while failure == nil { failure = try stepped.advance(seconds: 60, under: c) }
            var jumped = fresh
            let once = try #require(try jumped.advance(seconds: 1e8, under: c))
            let f = try #require(failure)
            #expect(abs(f.timeSeconds / predicted - 1) < 1e-4)
            #expect(abs(once.timeSeconds / predicted - 1) < 1e-4)
            #expect(once.mode == f.mode)
            #expect(abs(jumped.state.runtimeSeconds - once.timeSeconds) < 1e-6)
        }
    }

    @Test("ground truth: onset at the documented fraction, dominant and active fault, worn start")
    func groundTruth() throws {
        let c = try MachineScenarioPreset.wornBearings.conditions()
        var m = try MachineTestSupport.machine(.motor, seed: 14, initialBearingWear: 0.6)
        var truth = m.groundTruth(under: c)
        #expect(truth.activeFault == .bearing && truth.faultOnsetSeconds == 0 && truth.dominantMode == .bearing)
        var healthy = try MachineTestSupport.machine(.motor, seed: 14)
        #expect(healthy.groundTruth(under: c).activeFault == nil)
        while healthy.state.onsets.bearing == nil { try healthy.advance(seconds: 86_400, under: c) }
        let onset = try #require(healthy.state.onsets.bearing)
        #expect(onset > healthy.state.clockSeconds - 86_400 && onset <= healthy.state.clockSeconds)
        #expect(abs(healthy.bearingWear - 0.6) < 0.01)
        while m.state.failure == nil { try m.advance(seconds: 3600, under: c) }
        truth = m.groundTruth(under: c)
        #expect(truth.failure?.mode == .bearing && truth.bearingWear == 1 && truth.remainingUsefulLifeHours == 0)
    }
}
