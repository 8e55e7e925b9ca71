import Foundation
import Testing
@testable import SimKernel

@Suite("Continuous state: fixed-step RK4")
struct ContinuousRK4Tests {
    /// Integrates `system` from `initial` over `duration` seconds with an RK4 step of `step` µs.
    private func solve(_ system: any ODESystem, _ initial: [Double], step: Int64, duration: Int64) throws -> ContinuousComponent {
        let component = try ContinuousComponent(name: "test", system: system, initialState: initial,
                                                integrator: .rk4(step: .microseconds(step)))
        try component.advance(to: .seconds(duration))
        return component
    }

    @Test func exponentialDecayMatchesExactSolutionWithFourthOrderConvergence() throws {
        let coarse = try solve(ODETestDecay(k: 1), [1], step: 200_000, duration: 5)
        let fine = try solve(ODETestDecay(k: 1), [1], step: 100_000, duration: 5)
        let exact = exp(-5.0)
        let coarseError = abs(coarse.y[0] - exact), fineError = abs(fine.y[0] - exact)
        #expect(coarseError < 1e-5)
        #expect(fineError > 0)
        let ratio = coarseError / fineError
        #expect(ratio > 14 && ratio < 18, "halving the step should cut the error ~16×, got \(ratio)")
        #expect(coarse.steps == 25 && coarse.rhsEvaluations == 100)
        #expect(coarse.time == .seconds(5 as Int64))
    }

    @Test func harmonicOscillatorMatchesExactSolutionWithFourthOrderConvergence() throws {
        let omega = 2.0, duration: Int64 = 10
        func error(step: Int64) throws -> Double {
            let c = try solve(ODETestOscillator(omega: omega), [1, 0], step: step, duration: duration)
            let t = Double(duration)
            return max(abs(c.y[0] - cos(omega * t)), abs(c.y[1] + omega * sin(omega * t)))
        }
        let coarse = try error(step: 20_000), fine = try error(step: 10_000)
        #expect(coarse < 1e-5)
        let ratio = coarse / fine
        #expect(ratio > 14 && ratio < 18, "halving the step should cut the error ~16×, got \(ratio)")
    }

    @Test func timeDependentForcingUsesTheStageTimes() throws {
        // Non-autonomous, so wrong stage times would show: y' = -λ(y − cos t) − sin t from
        // y(5 s) = 3 to 10 s (not 8 s, where the leading error term happens to vanish).
        func error(step: Int64) throws -> Double {
            let c = try ContinuousComponent(name: "forced", system: ODETestStiffRelaxation(lambda: 2), initialState: [3],
                                            startTime: .seconds(5 as Int64), integrator: .rk4(step: .microseconds(step)))
            try c.advance(to: .seconds(10 as Int64))
            return abs(c.y[0] - (cos(10.0) + (3 - cos(5.0)) * exp(-2.0 * 5)))
        }
        let coarse = try error(step: 100_000), fine = try error(step: 50_000)
        #expect(coarse < 1e-5)
        let ratio = coarse / fine
        #expect(ratio > 14 && ratio < 18, "halving the step should cut the error ~16×, got \(ratio)")
    }

    @Test func oneCallAndManyGridAlignedCallsGiveIdenticalBits() throws {
        let step: Int64 = 10_000
        let whole = try ContinuousComponent(name: "whole", system: ODETestOscillator(omega: 3), initialState: [1, 0.5],
                                            integrator: .rk4(step: .microseconds(step)))
        let pieces = try ContinuousComponent(name: "pieces", system: ODETestOscillator(omega: 3), initialState: [1, 0.5],
                                             integrator: .rk4(step: .microseconds(step)))
        var rng = ODETestSplitMix(state: 42)
        var gridPoints: Int64 = 0
        var calls = 0
        while gridPoints < 10_000 {
            gridPoints = min(gridPoints + rng.next(in: 1...37), 10_000)
            try pieces.advance(to: .microseconds(gridPoints * step))
            try pieces.advance(to: .microseconds(gridPoints * step)) // a second event at the same time is a no-op
            calls += 1
        }
        try whole.advance(to: .microseconds(10_000 * step))
        #expect(calls > 100)
        #expect(odeTestBits(whole.y) == odeTestBits(pieces.y))
        #expect(whole.steps == pieces.steps && whole.rhsEvaluations == pieces.rhsEvaluations)
        #expect(whole.time == pieces.time)
    }

    @Test func offGridEventsShortenTheLastStepAndStayAccurate() throws {
        let component = try ContinuousComponent(name: "decay", system: ODETestDecay(k: 0.5), initialState: [2],
                                                integrator: .rk4(step: .microseconds(100_000)))
        // 0.25 s is two and a half steps: three steps, the last one half length.
        try component.advance(to: .microseconds(250_000))
        #expect(component.steps == 3)
        #expect(abs(component.y[0] - 2 * exp(-0.125)) < 5e-8)
        try component.advance(to: .microseconds(1_000_001))
        #expect(component.steps == 3 + 8)
        #expect(abs(component.y[0] - 2 * exp(-0.5 * 1.000001)) < 1e-7)
    }

    @Test func sameInputsGiveSameBitsAcrossInstances() throws {
        func run() throws -> [Double] {
            let system = ODETestDecay(k: 0.3)
            let c = try ContinuousComponent(name: "d", system: system, initialState: [7],
                                            integrator: .rk4(step: .microseconds(70_000)))
            var rng = ODETestSplitMix(state: 7)
            var t: Int64 = 0
            for _ in 0..<500 {
                t += rng.next(in: 1...400_000)
                try c.advance(to: .microseconds(t))
                system.k = Double(rng.next(in: 1...100)) / 100
            }
            return c.y
        }
        #expect(odeTestBits(try run()) == odeTestBits(try run()))
    }

    @Test func advancingBackwardsThrowsAndLeavesTheStateAlone() throws {
        let component = try ContinuousComponent(name: "room-1/air", system: ODETestDecay(k: 1), initialState: [1],
                                                startTime: .seconds(10 as Int64), integrator: .rk4(step: .seconds(1 as Int64)))
        let error = #expect(throws: IntegrationError.self) { try component.advance(to: .seconds(9 as Int64)) }
        #expect(error?.code == .backwardsInTime)
        #expect(error?.component == "room-1/air")
        #expect(error?.description.contains("room-1/air") == true)
        #expect(component.y == [1] && component.time == .seconds(10 as Int64) && component.steps == 0)
    }

    @Test func nonFiniteDerivativesThrowAndRestoreTheState() throws {
        let component = try ContinuousComponent(name: "broken", system: ODETestBreaking(breakAt: 1.5), initialState: [1],
                                                integrator: .rk4(step: .microseconds(100_000)))
        try component.advance(to: .seconds(1 as Int64))
        let before = component.y
        let error = #expect(throws: IntegrationError.self) { try component.advance(to: .seconds(2 as Int64)) }
        #expect(error?.code == .nonFiniteState)
        #expect(error?.gslStatus == nil)
        #expect(odeTestBits(component.y) == odeTestBits(before))
        #expect(component.time == .seconds(1 as Int64))
        // The failed span's work is counted, its steps are not.
        #expect(component.steps == 10 && component.rhsEvaluations == 80)
    }

    @Test func replacingTheStateWithTheWrongSizeIsReported() throws {
        let component = try ContinuousComponent(name: "osc", system: ODETestOscillator(omega: 1), initialState: [1, 0],
                                                integrator: .rk4(step: .microseconds(10_000)))
        component.y = [1]
        let error = #expect(throws: IntegrationError.self) { try component.advance(to: .seconds(1 as Int64)) }
        #expect(error?.code == .dimensionMismatch)
    }

    @Test func invalidSettingsAreRejectedAtCreation() {
        let bad: [(Integrator, [Double])] = [
            (.rk4(step: .zero), [1]),
            (.rk4(step: .microseconds(-5)), [1]),
            (.rk4(step: .microseconds(1_000)), [1, 2]),
            (.rk4(step: .microseconds(1_000)), [.nan]),
            (.adaptive(method: .rkf45, absoluteTolerance: 0, relativeTolerance: 0, initialStep: .microseconds(1_000)), [1]),
            (.adaptive(method: .rkf45, absoluteTolerance: -1, relativeTolerance: 1e-6, initialStep: .microseconds(1_000)), [1]),
            (.adaptive(method: .rkck, absoluteTolerance: .nan, relativeTolerance: 1e-6, initialStep: .microseconds(1_000)), [1]),
            (.adaptive(method: .msbdf, absoluteTolerance: 1e-6, relativeTolerance: 1e-6, initialStep: .zero), [1]),
        ]
        for (integrator, initial) in bad {
            let error = #expect(throws: IntegrationError.self, "\(integrator) with \(initial)") {
                _ = try ContinuousComponent(name: "bad", system: ODETestDecay(k: 1), initialState: initial,
                                            integrator: integrator)
            }
            #expect(error?.code == .invalidConfiguration)
        }
    }

    @Test func kernelCallsThroughTheProtocolReachTheComponent() throws {
        let component = try ContinuousComponent(name: "d", system: ODETestDecay(k: 1), initialState: [1],
                                                integrator: .rk4(step: .microseconds(10_000)))
        let processes: [any ContinuousProcess] = [component]
        for process in processes { try process.advance(to: .seconds(1 as Int64)) }
        #expect(component.time == .seconds(1 as Int64))
        #expect(abs(component.y[0] - exp(-1.0)) < 1e-10)
    }

    @Test func integratorRoundTripsThroughJSON() throws {
        let settings: [Integrator] = [
            .rk4(step: .seconds(30 as Int64)),
            .adaptive(method: .msbdf, absoluteTolerance: 1e-8, relativeTolerance: 1e-6, initialStep: .microseconds(1_000)),
        ]
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode([Integrator].self, from: data) == settings)
    }
}
