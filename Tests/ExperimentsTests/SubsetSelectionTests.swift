import Foundation
import SimKernel
import Testing
@testable import Experiments

/// The best variant and the subset that cannot be told apart from it, on data with a known answer.
@Suite("Subset selection")
struct SubsetSelectionTests {
    /// A summary of `values[variant]` (one value per seed 1, 2, …; nil = missing run).
    func summary(_ values: KeyValuePairs<String, [Double?]>, response: String = "yield_kg",
                 directions: [String: ResponseDirection] = [:]) throws -> ResponseSummary {
        let seeds = (1...values.map(\.value.count).max()!).map { UInt64($0) }
        var observations: [ResponseObservation] = []
        for (variant, row) in values {
            for (i, value) in row.enumerated() {
                if let value { observations.append(ResponseObservation(variant: variant, seed: seeds[i], response: response,
                                                                        value: value, unit: "kg")) }
            }
        }
        let layout = SummaryLayout(experiment: "subset", variants: values.map(\.key), responses: [response],
                                   seeds: seeds, directions: directions)
        return try ExperimentSummary.make(layout: layout, observations: observations).responses[0]
    }

    /// b − a = δ ± 1 alternately over four seeds: S = √(4/3), and with k = 2 the screen keeps b
    /// iff δ ≥ −t(0.95, 3) · S / 2 = −2.353363 · 1.154701 / 2 = −1.358715.
    @Test("the screening bound by hand: kept at δ = −1.35, screened out at δ = −1.37")
    func boundaryByHand() throws {
        let bound = StudentT.quantile(0.95, degreesOfFreedom: 3) * (4.0 / 3).squareRoot() / 2
        #expect(abs(bound - 1.358715) < 1e-6)
        for (delta, kept) in [(-1.35, true), (-1.37, false)] {
            let b = [1.0, -1, 1, -1].map { 10 + delta + $0 }
            let response = try summary(["a": [10, 10, 10, 10], "b": b])
            #expect(response.selection?.best == "a")
            #expect(response.selection?.subset == (kept ? ["a", "b"] : ["a"]), "δ = \(delta)")
            #expect(response.variants.map(\.inSubset) == [true, kept])
        }
    }

    @Test("Bonferroni over k − 1: a variant with no runs neither counts nor enters the subset")
    func bonferroniOverVariantsWithData() throws {
        // Four variants with data: k = 4, t(1 − 0.05/3, 4) = 3.186316, and the differences from
        // a have S = 1, so the bound is −3.186316 / √5 = −1.424964: c (−1) stays, d (−1.5) goes.
        // Counting the empty e (k = 5) would widen it to −1.563193 and keep d.
        let noise = [1.0, -1, 1, -1, 0]
        let response = try summary([
            "a": [20, 20, 20, 20, 20],
            "b": noise.map { 5 + $0 },
            "c": noise.map { 19 + $0 },
            "d": noise.map { 18.5 + $0 },
            "e": [nil, nil, nil, nil, nil],
        ])
        #expect(response.selection?.best == "a")
        #expect(response.selection?.subset == ["a", "c"])
        #expect(response.variants.map(\.inSubset) == [true, false, true, false, false])
        #expect(response.variants[4].statistics.n == 0 && response.variants[4].missing == 5)
    }

    @Test("every pair screens, not only the best: a precise second-best removes a variant the noisy best cannot")
    func screeningByANonBestVariant() throws {
        let response = try summary([
            "noisy-best": [20, 0, 20, 0],                // mean 10, S of differences ≈ 11.5
            "precise": [9.91, 9.89, 9.91, 9.89],         // mean 9.9
            "close-to-precise": [9.0, 9.0, 9.0, 9.0],    // 0.9 below "precise" with S ≈ 0.0115
        ])
        #expect(response.selection?.best == "noisy-best")
        #expect(response.selection?.subset == ["noisy-best", "precise"])
    }

    @Test("lower is better for costs: the cheapest variant is best")
    func lowerIsBetter() throws {
        let response = try summary(["led": [90, 91, 89], "hps": [120, 121, 119]], response: "energy_cost")
        #expect(response.direction == .lowerIsBetter && response.directionSource == .table)
        #expect(response.selection?.best == "led" && response.selection?.subset == ["led"])
        let stated = try summary(["led": [90, 91, 89], "hps": [120, 121, 119]], response: "energy_cost",
                                 directions: ["energy_cost": .higherIsBetter])
        #expect(stated.directionSource == .spec && stated.selection?.best == "hps")
    }

    @Test("one replication: the best by its mean, no subset; a tie goes to the first in plan order")
    func singleReplicationAndTies() throws {
        let single = try summary(["a": [3], "b": [5]])
        #expect(single.selection?.best == "b" && single.selection?.subset == nil)
        #expect(single.variants.allSatisfy { $0.inSubset == nil })
        let tie = try summary(["a": [4, 6], "b": [6, 4]])
        #expect(tie.selection?.best == "a" && tie.selection?.subset == ["a", "b"])
    }

    /// The rule evaluated literally: i stays iff no other variant l has D̄ < −t·S/√n over their common seeds.
    static func bruteForceSubset(_ rows: [[Double?]], level: Double) -> [Int] {
        let withData = rows.indices.filter { rows[$0].contains { $0 != nil } }
        let t = { (df: Int) in StudentT.quantile(1 - (1 - level) / Double(withData.count - 1), degreesOfFreedom: Double(df)) }
        return withData.filter { i in
            !withData.contains { l in
                guard l != i else { return false }
                let d = zip(rows[i], rows[l]).compactMap { a, b in a.flatMap { a in b.map { a - $0 } } }
                guard d.count >= 2 else { return false }
                let s = SampleStatistics(d, level: level)
                return s.mean! < -t(d.count - 1) * s.standardDeviation! / Double(d.count).squareRoot()
            }
        }
    }

    @Test("the screen equals the rule evaluated pair by pair, on random data with and without missing runs")
    func matchesBruteForce() throws {
        var generator = SplitMix64(state: 2024)
        var screenedOut = 0
        for trial in 0..<40 {
            let variants = Int.random(in: 2...12, using: &generator), seeds = Int.random(in: 2...8, using: &generator)
            let spread = Double.random(in: 0.1...3, using: &generator)
            let missing = trial % 2 == 1
            let rows: [[Double?]] = (0..<variants).map { v in
                (0..<seeds).map { _ in
                    missing && Double.random(in: 0..<1, using: &generator) < 0.2 ? nil
                        : Double(v % 4) * 0.5 + spread * Double.random(in: -1...1, using: &generator)
                }
            }
            var pairs: [(String, [Double?])] = []
            for (v, row) in rows.enumerated() { pairs.append(("v\(v)", row)) }
            let seedList = (1...seeds).map { UInt64($0) }
            let layout = SummaryLayout(experiment: "random", variants: pairs.map(\.0), responses: ["yield_kg"], seeds: seedList)
            let observations = pairs.flatMap { name, row in
                row.enumerated().compactMap { s, value in
                    value.map { ResponseObservation(variant: name, seed: seedList[s], response: "yield_kg", value: $0, unit: "kg") }
                }
            }
            let selection = try ExperimentSummary.make(layout: layout, observations: observations).responses[0].selection
            let expected = Self.bruteForceSubset(rows, level: 0.95).map { "v\($0)" }
            #expect(selection?.subset == expected, "trial \(trial)")
            screenedOut += variants - expected.count
        }
        // The data must exercise the screen, not keep everyone.
        #expect(screenedOut > 40, "\(screenedOut) variants screened out in 40 trials")
    }
}
