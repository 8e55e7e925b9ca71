import Testing
@testable import Experiments

/// The terminal rendering of a summary (`twinlab experiment summary DIR`).
@Suite("Experiment summary as text")
struct ExperimentSummaryTextTests {
    @Test("per response: n, mean, sd, interval, paired and unpaired Δ against the baseline, the subset, the best")
    func namedVariants() throws {
        let layout = SummaryLayout(experiment: "led", variants: ["hps", "led"], baseline: "hps",
                                   responses: ["energy_cost"], seeds: [1, 2, 3])
        let values: [String: [Double]] = ["hps": [100, 104, 102], "led": [80, 83, 81]]
        let observations = values.flatMap { variant, list in
            list.enumerated().map { ResponseObservation(variant: variant, seed: UInt64($0 + 1), response: "energy_cost",
                                                        value: $1, unit: "USD") }
        }
        let text = try ExperimentSummary.make(layout: layout, observations: observations).text()
        #expect(text.hasPrefix("experiment led: 3 seeds per variant (1–3), baseline hps, 95 % intervals\n"))
        #expect(text.contains("energy_cost [USD] — lower is better"))
        #expect(text.contains("paired Δ vs hps"))
        // led − hps per seed: −20, −21, −21: mean −20.67, sd 0.5774, half-width 4.303·0.5774/√3 = 1.434.
        #expect(text.contains("-20.67 ± 1.434"), "\(text)")
        #expect(text.contains("best: led; cannot be told apart from it at 95 %: none"), "\(text)")
    }

    @Test("many design points: the best ten, each with what it sets, and how many there are")
    func designPoints() throws {
        let names = (0..<25).map { "p\($0)" }
        var factorValues: [String: [String: Double]] = [:]
        for (k, name) in names.enumerated() { factorValues[name] = ["x": Double(k)] }
        let layout = SummaryLayout(experiment: "grid", variants: names, baseline: nil, responses: ["yield_kg"],
                                   seeds: [1, 2], factorValues: factorValues)
        let observations = names.enumerated().flatMap { k, name in
            [1, 2].map { ResponseObservation(variant: name, point: k, seed: UInt64($0), response: "yield_kg",
                                             value: Double(k) + Double($0) / 10, unit: "kg") }
        }
        let settings = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, "x=\($0)") })
        let text = try ExperimentSummary.make(layout: layout, observations: observations).text(settings: settings)
        #expect(text.contains("(best 10 of 25 design points; summary.csv has all)"), "\(text)")
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("  p24 ") && $0.contains(" x=24 ") }, "\(text)")
        #expect(!text.contains("p14 "), "p14 is not among the ten best: \(text)")
    }
}
