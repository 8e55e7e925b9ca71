import Lab
import SimKernel
import Testing
@testable import Experiments

/// Differences against the baseline: paired over common random numbers versus unpaired (Welch).
@Suite("Paired comparison")
struct PairedComparisonTests {
    /// Two M/M/3 variants (service rate 1.0 and 1.1 per hour, λ = 2.5) on the same ten seeds:
    /// with the same seed both draw the same arrivals and the same uniforms for their service
    /// times, so their mean waits move together and the paired interval is the tighter one.
    @Test("with common random numbers the paired half-width is below the unpaired one")
    func commonRandomNumbersTightenThePairedInterval() throws {
        let seeds = (1...10).map { UInt64($0) }
        let rates = ["mu-1.0": 1.0, "mu-1.1": 1.1]
        var observations: [ResponseObservation] = []
        for (variant, rate) in rates.sorted(by: { $0.key < $1.key }) {
            let waits = try Replications.map(seeds: seeds) { seed in
                var queue = MMcQueue()
                queue.serviceRate = rate
                queue.customers = 20_000
                queue.style = .serverProcesses
                queue.seed = seed
                return try queue.run().meanWait
            }
            observations += zip(seeds, waits).map {
                ResponseObservation(variant: variant, seed: $0, response: "mean_wait", value: $1, unit: "h")
            }
        }
        let layout = SummaryLayout(experiment: "crn", variants: ["mu-1.0", "mu-1.1"], baseline: "mu-1.0",
                                   responses: ["mean_wait"], seeds: seeds)
        let summary = try ExperimentSummary.make(layout: layout, observations: observations)
        let comparison = try #require(summary.responses[0].variants[1].versusBaseline)
        let paired = try #require(comparison.paired.halfWidth), unpaired = try #require(comparison.unpaired.halfWidth)
        print("M/M/3 μ 1.1 − 1.0, 10 seeds: paired ±\(paired) h, unpaired (Welch) ±\(unpaired) h")
        #expect(paired < unpaired)
        // Both intervals estimate the same difference of means.
        #expect(abs(comparison.paired.mean! - comparison.unpaired.mean!) < 1e-12)
        #expect(comparison.paired.n == 10)
        #expect(summary.responses[0].variants[0].versusBaseline == nil)
    }

    @Test("pairing uses only the seeds both variants completed")
    func pairsOnCommonSeeds() throws {
        let layout = SummaryLayout(experiment: "gaps", variants: ["a", "b"], baseline: "a", responses: ["x"],
                                   seeds: [1, 2, 3, 4])
        let values: [(String, UInt64, Double)] = [("a", 1, 10), ("a", 2, 12), ("a", 3, 11), ("b", 2, 13), ("b", 3, 13),
                                                  ("b", 4, 50)]
        let summary = try ExperimentSummary.make(layout: layout, observations: values.map {
            ResponseObservation(variant: $0.0, seed: $0.1, response: "x", value: $0.2, unit: "")
        })
        let b = summary.responses[0].variants[1]
        #expect(b.missing == 1 && b.statistics.n == 3)
        let paired = try #require(b.versusBaseline?.paired)
        #expect(paired.n == 2 && paired.mean == 1.5)       // (13 − 12 + 13 − 11) / 2
        #expect(b.versusBaseline?.unpaired.mean == 76.0 / 3 - 11)
    }

    @Test("Welch's degrees of freedom by hand: equal variances and sizes give 2(n − 1)")
    func welchDegreesOfFreedom() throws {
        let first = SampleStatistics([1, 2, 3, 4, 5], level: 0.95), second = SampleStatistics([3, 4, 5, 6, 7], level: 0.95)
        let welch = WelchInterval(first, minus: second, level: 0.95)
        #expect(welch.degreesOfFreedom == 8)
        #expect(abs(welch.halfWidth! - StudentT.twoSided(level: 0.95, degreesOfFreedom: 8) * (2.5 / 5 * 2).squareRoot()) < 1e-14)
        #expect(welch.mean == -2)
        let constant = WelchInterval(SampleStatistics([2, 2], level: 0.95), minus: SampleStatistics([1, 1], level: 0.95),
                                     level: 0.95)
        #expect(constant.halfWidth == 0 && constant.degreesOfFreedom == nil && constant.lower == 1)
    }
}
