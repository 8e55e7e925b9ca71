import Foundation
import Testing
@testable import SimKernel

@Suite("Continuous state: GSL adaptive integrators")
struct ContinuousAdaptiveTests {
    private func adaptive(_ method: Integrator.AdaptiveMethod, tolerance: Double) -> Integrator {
        .adaptive(method: method, absoluteTolerance: tolerance, relativeTolerance: tolerance,
                  initialStep: .microseconds(1_000))
    }

    @Test(arguments: Integrator.AdaptiveMethod.allCases)
    func exponentialDecayMatchesExactSolution(method: Integrator.AdaptiveMethod) throws {
        let component = try ContinuousComponent(name: "decay", system: ODETestDecay(k: 0.8), initialState: [3],
                                                integrator: adaptive(method, tolerance: 1e-10))
        try component.advance(to: .seconds(5 as Int64))
        #expect(abs(component.y[0] - 3 * exp(-4.0)) < 1e-8)
        #expect(component.steps > 0 && component.rhsEvaluations > component.steps)
    }

    @Test(arguments: Integrator.AdaptiveMethod.allCases)
    func harmonicOscillatorMatchesExactSolution(method: Integrator.AdaptiveMethod) throws {
        let omega = 2.0
        let component = try ContinuousComponent(name: "osc", system: ODETestOscillator(omega: omega), initialState: [1, 0],
                                                integrator: adaptive(method, tolerance: 1e-10))
        // Irregular event times on the way, as the kernel would produce them.
        var rng = ODETestSplitMix(state: 3)
        var t: Int64 = 0
        while t < 10_000_000 {
            t = min(t + rng.next(in: 1...900_000), 10_000_000)
            try component.advance(to: .microseconds(t))
        }
        let error = max(abs(component.y[0] - cos(omega * 10)), abs(component.y[1] + omega * sin(omega * 10)))
        // Global error grows past the local tolerance; BDF is the least suited to oscillation.
        #expect(error < (method == .msbdf ? 1e-6 : 1e-7), "\(method): error \(error)")
    }

    @Test(arguments: Integrator.AdaptiveMethod.allCases)
    func sameCallsGiveSameBits(method: Integrator.AdaptiveMethod) throws {
        func run() throws -> ([Double], Int) {
            let system = ODETestDecay(k: 1)
            let c = try ContinuousComponent(name: "d", system: system, initialState: [1],
                                            integrator: adaptive(method, tolerance: 1e-9))
            var rng = ODETestSplitMix(state: 11)
            var t: Int64 = 0
            for _ in 0..<200 {
                t += rng.next(in: 1...50_000)
                try c.advance(to: .microseconds(t))
                system.k = Double(rng.next(in: 1...100)) / 50
            }
            return (c.y, c.rhsEvaluations)
        }
        let first = try run(), second = try run()
        #expect(odeTestBits(first.0) == odeTestBits(second.0) && first.1 == second.1)
    }

    @Test(arguments: [false, true])
    func robertsonIsSolvedByMSBDF(analyticJacobian: Bool) throws {
        let component = try ContinuousComponent(
            name: "robertson", system: ODETestRobertson(analyticJacobian: analyticJacobian), initialState: [1, 0, 0],
            integrator: .adaptive(method: .msbdf, absoluteTolerance: 1e-12, relativeTolerance: 1e-8,
                                  initialStep: .microseconds(1)))
        try component.advance(to: .seconds(40 as Int64))
        // Reference values at t = 40 (Hairer & Wanner, Solving ODEs II, and many stiff-solver test sets).
        #expect(abs(component.y[0] - 0.7158270687) < 1e-6)
        #expect(abs(component.y[1] - 9.185534765e-6) < 1e-10)
        #expect(abs(component.y[2] - 0.2841637457) < 1e-6)
        #expect(abs(component.y.reduce(0, +) - 1) < 1e-9)
        #expect(component.steps < 2_000, "a stiff solver should need few steps, took \(component.steps)")
    }

    @Test func stiffRelaxationNeedsFarFewerEvaluationsWithMSBDF() throws {
        let lambda = 1e4
        func solve(_ method: Integrator.AdaptiveMethod) throws -> ContinuousComponent {
            let c = try ContinuousComponent(name: "stiff", system: ODETestStiffRelaxation(lambda: lambda), initialState: [3],
                                            integrator: adaptive(method, tolerance: 1e-8))
            try c.advance(to: .seconds(10 as Int64))
            return c
        }
        let exact = cos(10.0) + 2 * exp(-lambda * 10)
        let bdf = try solve(.msbdf), explicit = try solve(.rkf45)
        #expect(abs(bdf.y[0] - exact) < 1e-6)
        #expect(abs(explicit.y[0] - exact) < 1e-6)
        #expect(bdf.rhsEvaluations * 20 < explicit.rhsEvaluations,
                "msbdf \(bdf.rhsEvaluations) vs rkf45 \(explicit.rhsEvaluations) evaluations")
    }

    @Test(arguments: Integrator.AdaptiveMethod.allCases)
    func nanDerivativesBecomeAnIntegrationError(method: Integrator.AdaptiveMethod) throws {
        let component = try ContinuousComponent(name: "machine-7/winding", system: ODETestBreaking(breakAt: 1.5),
                                                initialState: [1], integrator: adaptive(method, tolerance: 1e-8))
        try component.advance(to: .seconds(1 as Int64))
        let before = component.y
        let error = #expect(throws: IntegrationError.self) { try component.advance(to: .seconds(2 as Int64)) }
        #expect(error?.code == .nonFiniteState)
        #expect(error?.gslStatus == 9, "GSL_EBADFUNC")
        #expect(error?.underlying is GSLStatusError)
        #expect(error?.description.contains("machine-7/winding") == true)
        #expect(error?.description.contains("status 9") == true)
        #expect(odeTestBits(component.y) == odeTestBits(before) && component.time == .seconds(1 as Int64))
        // The span before the fault is still integrable: the driver was reset, not left broken.
        try component.advance(to: .microseconds(1_400_000))
        #expect(abs(component.y[0] - exp(-1.4)) < 1e-6)
    }

    @Test(arguments: Integrator.AdaptiveMethod.allCases)
    func absurdToleranceBecomesAnIntegrationError(method: Integrator.AdaptiveMethod) throws {
        let component = try ContinuousComponent(
            name: "osc", system: ODETestOscillator(omega: 1), initialState: [1, 0],
            integrator: .adaptive(method: method, absoluteTolerance: 1e-300, relativeTolerance: 0,
                                  initialStep: .microseconds(1_000)))
        component.maximumStepsPerAdvance = 20_000
        let error = #expect(throws: IntegrationError.self) { try component.advance(to: .seconds(100 as Int64)) }
        #expect(error?.code == .solverFailure)
        // Some steppers give up on the step size (GSL_FAILURE), others crawl until the step limit (GSL_EMAXITER).
        #expect(error?.gslStatus == -1 || error?.gslStatus == 11, "status \(String(describing: error?.gslStatus))")
        if error?.gslStatus == 11 {
            #expect(error?.description.contains("maximumStepsPerAdvance") == true)
        }
        #expect(component.y == [1, 0] && component.time == .zero)
    }
}
