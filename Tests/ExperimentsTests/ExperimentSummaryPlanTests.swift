import Foundation
import Testing
@testable import Experiments

/// The summary of a real experiment plan: the layout the plan gives it.
@Suite("Experiment summary of a plan")
struct ExperimentSummaryPlanTests {
    /// One observation per cell and response: `value(cell index, response index)`.
    static func observations(_ plan: ExperimentPlan, value: (ExperimentCell, Int) -> Double) -> [ResponseObservation] {
        plan.cells.flatMap { cell in
            plan.spec.responses.enumerated().map { r, response in
                ResponseObservation(variant: cell.variant, point: cell.point, seed: cell.seed, response: response,
                                    value: value(cell, r), unit: "u")
            }
        }
    }

    @Test("named variants: plan order, the spec's baseline, seeds and responses; the sequential rule applies")
    func variants() throws {
        let plan = try ExperimentPlan.make(try ExperimentLoader.load(path: Fixture.path("crew.yaml")))
        let layout = SummaryLayout(plan: plan)
        #expect(layout == SummaryLayout(experiment: "crew", variants: ["one", "two", "three"], baseline: "two",
                                        responses: ["availability", "mean_wait_for_technician"], seeds: [11, 12, 13, 14, 15]))
        let summary = try ExperimentSummary.make(plan: plan, observations: Self.observations(plan) { cell, r in
            Double(cell.index) + Double(r) * 0.5
        })
        #expect(summary.baseline == "two" && summary.responses.map(\.name) == ["availability", "mean_wait_for_technician"])
        #expect(summary.responses[0].variants.map(\.variant) == ["one", "two", "three"])
        // Cell indices are variant-major: "three" is "two" + 5 at every seed.
        #expect(summary.responses[0].variants[2].versusBaseline?.paired.mean == 5)
        #expect(summary.responses[0].variants[2].versusBaseline?.paired.standardDeviation == 0)
        let decision = try SequentialDecision.decide(summary, rule: SequentialRule(relativeHalfWidth: 0.5, maxReplications: 10))
        #expect(decision.relativeHalfWidth == 0.5 && decision.replications == 5)
    }

    @Test("a sobol design: factor paths, N and every point's factor values reach the summary")
    func sobolDesign() throws {
        let co2 = "facility.rooms[flower-1].setpoints.co2_ppm", ppfd = "facility.rooms[flower-1].lighting.ppfd_umol_m2_s"
        let plan = try ExperimentPlan.make(try ExperimentLoader.load(path: Fixture.path("sobol.yaml")))
        let layout = SummaryLayout(plan: plan)
        #expect(layout.sobol == SobolLayout(factors: [co2, ppfd], baseSamples: 4))
        #expect(layout.baseline == nil && layout.variants == (0..<16).map { "p\($0)" })
        #expect(layout.factorValues["p5"] == plan.points[5].factors && layout.factorValues.count == 16)
        // A response of the factors alone, the same at both seeds: the summary must hand the
        // estimator f(A), f(B), f(AB_i) in the design's order.
        let f = { (factors: [String: Double]) in factors[co2]! / 800 + pow(factors[ppfd]! / 250, 2) }
        let summary = try ExperimentSummary.make(plan: plan, observations: Self.observations(plan) { cell, _ in
            f(cell.factors)
        })
        let sobol = try #require(summary.responses[0].sobol)
        let values = plan.points.map { f($0.factors) }
        let direct = SobolEstimator.analyze(
            factors: [co2, ppfd], a: (0..<4).map { values[$0 * 4] }, b: (0..<4).map { values[$0 * 4 + 1] },
            ab: [(0..<4).map { values[$0 * 4 + 2] }, (0..<4).map { values[$0 * 4 + 3] }], level: 0.95,
            resamples: 1000, seed: 1)
        #expect(sobol == direct && sobol.baseSamples == 4 && sobol.indices.map(\.factor) == [co2, ppfd])
        #expect(summary.responses[0].variants[5].factors == plan.points[5].factors)
        #expect(summary.csv().split(separator: "\n").first!.hasSuffix("factor:\(ppfd),factor:\(co2)"))
    }
}
