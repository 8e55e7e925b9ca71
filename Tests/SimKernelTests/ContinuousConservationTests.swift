import Foundation
import Testing
@testable import SimKernel

@Suite("Continuous state: conservation in a closed system")
struct ContinuousConservationTests {
    /// Three thermal masses (J/K) and their pairwise conductances (W/K): a room's air, its
    /// slab and a small equipment mass, at different starting temperatures (°C).
    private func makeNetwork() -> ODETestThermalNetwork {
        ODETestThermalNetwork(capacity: [5.0e4, 2.0e5, 8.0e3],
                              conductance: [0, 50, 10,
                                            50, 0, 30,
                                            10, 30, 0])
    }

    @Test func totalHeatIsConservedAcrossIrregularEventsThatChangeConductances() throws {
        let network = makeNetwork()
        let component = try ContinuousComponent(name: "room-1/thermal", system: network, initialState: [20, 35, 5],
                                                integrator: .rk4(step: .seconds(60 as Int64)))
        let initialHeat = network.heat(component.y)
        var rng = ODETestSplitMix(state: 2024)
        var t: Int64 = 0
        let end = SimTime.days(30 as Int64).ticks
        var events = 0
        var worstDrift = 0.0
        while t < end {
            // Event times in whole microseconds, almost never on the 60 s grid.
            t = min(t + rng.next(in: 1...7_200_000_000), end)
            try component.advance(to: .microseconds(t))
            worstDrift = max(worstDrift, abs(network.heat(component.y) - initialHeat) / abs(initialHeat))
            events += 1
            if events % 3 == 0 {
                // An event changes an input: a door opens, a fan speeds up.
                let pair = Int(rng.next(in: 0...2))
                let g = Double(rng.next(in: 1...200))
                network.setConductance(pair, (pair + 1) % 3, to: g)
            }
        }
        #expect(events > 500)
        #expect(component.steps > 43_200)
        #expect(worstDrift < 1e-12, "relative drift of Σ C·T reached \(worstDrift)")
        // The masses equilibrate at the capacity-weighted mean temperature.
        let equilibrium = initialHeat / network.capacity.reduce(0, +)
        for temperature in component.y { #expect(abs(temperature - equilibrium) < 1e-6) }
    }

    @Test func theInvariantIsAlsoKeptByTheAdaptiveMethods() throws {
        for method in Integrator.AdaptiveMethod.allCases {
            let network = makeNetwork()
            let component = try ContinuousComponent(
                name: "room-1/thermal", system: network, initialState: [20, 35, 5],
                integrator: .adaptive(method: method, absoluteTolerance: 1e-9, relativeTolerance: 1e-9,
                                      initialStep: .seconds(1 as Int64)))
            let initialHeat = network.heat(component.y)
            var rng = ODETestSplitMix(state: 99)
            var t: Int64 = 0
            for event in 1...200 {
                t += rng.next(in: 1...3_600_000_000)
                try component.advance(to: .microseconds(t))
                if event % 4 == 0 { network.setConductance(0, 2, to: Double(rng.next(in: 1...100))) }
            }
            let drift = abs(network.heat(component.y) - initialHeat) / initialHeat
            // Every method here is linear in f, so a linear invariant survives up to rounding
            // (and, for BDF, the Newton iteration's convergence tolerance).
            #expect(drift < (method == .msbdf ? 1e-9 : 1e-12), "\(method): drift \(drift)")
        }
    }
}
