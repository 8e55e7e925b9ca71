import Foundation
import Lab
import SimKernel
import Testing
import Experiments

/// The summary's 95 % t-intervals against a model with an exact answer, over 400 experiments.
///
/// The model is the machine-repairman system (50 machines, exponential failures with mean
/// 100·Γ(1.5) h and repairs with mean 4 h, 3 technicians: finite-source M/M/3//50), whose
/// steady-state availability 0.938891 is the birth–death solution (Gross & Harris,
/// *Fundamentals of Queueing Theory*). Each experiment is one `ExperimentSummary` over five
/// replications of 4,000 h; a run starts with every machine up, which biases its
/// availability by +0.552/T (Kolmogorov forward equations of the 51-state chain, integrated
/// once offline): 1.4e-4 at T = 4,000 h, 0.08 standard errors of a five-run mean, too little
/// to move coverage by more than about 0.1 %. With five replications the t quantile
/// (2.776) matters: a normal quantile (1.96) would cover only about 88 %.
///
/// A correct interval covers in 95 % of experiments; with 400 experiments the observed share
/// has a standard deviation of 1.1 %, hence the 93–97 % acceptance band. Seeds 1–2000 are
/// fixed (experiment e uses 5e + 1 … 5e + 5) and were not chosen to pass.
@Suite("Interval coverage")
struct IntervalCoverageTests {
    static let experiments = 400
    static let replications = 5

    @Test("95 % t-intervals of the repairman's availability cover the exact value in 93–97 % of 400 experiments")
    func repairmanAvailabilityCoverage() throws {
        let model = {
            var model = MachineRepairShop.exponentialReference
            model.variates = .streams
            model.horizonHours = 4_000
            return model
        }()
        let exact = try #require(model.analyticAvailability)
        #expect(abs(exact - 0.938891) < 1e-6)

        let seeds = (1...UInt64(Self.experiments * Self.replications)).map { $0 }
        let availability = try Replications.map(seeds: seeds) { seed in
            var run = model
            run.seed = seed
            return try run.run().availability
        }
        var covered = 0, coveredByNormal = 0
        for e in 0..<Self.experiments {
            let mine = Array(seeds[(e * Self.replications)..<((e + 1) * Self.replications)])
            let layout = SummaryLayout(experiment: "repairman-\(e)", variants: ["shop"], responses: ["availability"],
                                       seeds: mine)
            let observations = mine.enumerated().map { i, seed in
                ResponseObservation(variant: "shop", seed: seed, response: "availability",
                                    value: availability[e * Self.replications + i], unit: "fraction")
            }
            let summary = try ExperimentSummary.make(layout: layout, observations: observations)
            let statistics = summary.responses[0].variants[0].statistics
            let lower = try #require(statistics.lower), upper = try #require(statistics.upper)
            if lower <= exact, exact <= upper { covered += 1 }
            let normalHalf = 1.959964 * statistics.standardDeviation! / Double(Self.replications).squareRoot()
            if abs(statistics.mean! - exact) <= normalHalf { coveredByNormal += 1 }
        }
        let coverage = Double(covered) / Double(Self.experiments)
        print("Coverage of 95 % t-intervals, \(Self.experiments) experiments × \(Self.replications) replications "
              + "of 4,000 h: \(covered)/\(Self.experiments) = \(coverage * 100) % "
              + "(normal quantile instead of t: \(Double(coveredByNormal) / Double(Self.experiments) * 100) %)")
        #expect(coverage >= 0.93 && coverage <= 0.97, "coverage \(coverage)")
    }
}
