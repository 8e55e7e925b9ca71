import Foundation
import SimKernel
import Testing
import TestSupport
@testable import Experiments

/// The summary as a whole: determinism, the files it writes, and the observations it refuses.
@Suite("Experiment summary")
struct ExperimentSummaryTests {
    static let layout = SummaryLayout(experiment: "led-retrofit", variants: ["hps", "led", "led-co2"], baseline: "hps",
                                      responses: ["yield_kg", "energy_cost", "temperature_discomfort"],
                                      seeds: [5, 1, 4, 2, 3])

    /// Three variants × five seeds × three responses of made-up but seed-correlated numbers.
    static func observations() -> [ResponseObservation] {
        var generator = SplitMix64(state: 13)
        var result: [ResponseObservation] = []
        for seed in UInt64(1)...5 {
            let common = Double.random(in: -1...1, using: &generator)
            for (v, variant) in layout.variants.enumerated() {
                let shift = Double(v)
                result.append(.init(variant: variant, seed: seed, response: "yield_kg",
                                    value: 40 + 2 * shift + 3 * common + Double.random(in: -0.5...0.5, using: &generator), unit: "kg"))
                result.append(.init(variant: variant, seed: seed, response: "energy_cost",
                                    value: 900 - 50 * shift + 20 * common, unit: "USD"))
                result.append(.init(variant: variant, seed: seed, response: "temperature_discomfort",
                                    value: 12 + common + 0.1 * Double(seed) * shift, unit: "K·h"))
            }
        }
        return result
    }

    @Test("shuffled observations give byte-identical JSON and CSV")
    func orderIndependent() throws {
        let reference = try ExperimentSummary.make(layout: Self.layout, observations: Self.observations())
        var generator = SplitMix64(state: 7)
        for _ in 0..<5 {
            let shuffled = try ExperimentSummary.make(layout: Self.layout,
                                                      observations: Self.observations().shuffled(using: &generator))
            #expect(shuffled.json() == reference.json())
            #expect(shuffled.csv() == reference.csv())
        }
        #expect(reference.seeds == [1, 2, 3, 4, 5])
    }

    @Test("the JSON has sorted snake_case keys, no NaN, and reads back equal")
    func jsonRoundTrip() throws {
        let summary = try ExperimentSummary.make(layout: Self.layout, observations: Self.observations())
        let json = summary.json()
        #expect(json.contains("\"schema\" : \"twinlab/experiment-summary@1\""))
        #expect(json.contains("\"half_width\"") && json.contains("\"versus_baseline\"") && json.contains("\"in_subset\""))
        #expect(!json.contains("NaN") && !json.contains("halfWidth"))
        #expect(try ExperimentSummary.decode(json: Data(json.utf8)) == summary)
        let led = summary.responses[1].variants[1]
        #expect(led.statistics.n == 5 && led.missing == 0 && led.statistics.halfWidth != nil)
        #expect(summary.responses[1].selection?.best == "led-co2")          // energy: lower is better
        #expect(summary.responses[0].unit == "kg" && summary.responses[1].unit == "USD")
    }

    @Test("pandas reads summary.csv: one row per variant × response, numbers as floats")
    func csvForPandas() throws {
        let summary = try ExperimentSummary.make(layout: Self.layout, observations: Self.observations())
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("summary-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("summary.csv")
        try summary.csv().write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import sys, pandas as pd
        d = pd.read_csv(sys.argv[1])
        led = d[(d.variant == "led") & (d.response == "energy_cost")].iloc[0]
        print(len(d), d["mean"].dtype, d["best"].dtype, led["mean"], led["paired_half_width"], d.paired_n.isna().sum())
        """
        let output = try PythonInterpreter.script(script, [file.path])
        try #require(output.status == 0, "pandas failed: \(output.stderr)")
        let led = summary.responses[1].variants[1]
        let expected = "9 float64 bool \(led.statistics.mean!) \(led.versusBaseline!.paired.halfWidth!) 3"
        #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
    }

    @Test("NaN or infinite values are counted and left out; missing runs are counted")
    func nonFiniteAndMissing() throws {
        var observations = Self.observations().filter { !($0.variant == "led" && $0.seed == 2) }
        let index = try #require(observations.firstIndex { $0.variant == "hps" && $0.seed == 3 && $0.response == "yield_kg" })
        observations[index].value = .nan
        let summary = try ExperimentSummary.make(layout: Self.layout, observations: observations)
        let hps = summary.responses[0].variants[0], led = summary.responses[0].variants[1]
        #expect(hps.nonFinite == 1 && hps.missing == 0 && hps.statistics.n == 4)
        #expect(led.missing == 1 && led.statistics.n == 4 && led.versusBaseline?.paired.n == 3)
    }

    @Test("refused: unknown variant, response, seed or point, a duplicate, two units, a contradictory layout")
    func refusals() throws {
        let good = Self.observations()
        func code(_ layout: SummaryLayout = Self.layout, _ edit: (inout [ResponseObservation]) -> Void) -> SummaryError.Code? {
            var observations = good
            edit(&observations)
            do {
                _ = try ExperimentSummary.make(layout: layout, observations: observations)
                return nil
            } catch let error as SummaryError {
                #expect(!error.message.isEmpty)
                return error.code
            } catch {
                return nil
            }
        }
        #expect(code { $0[0].variant = "led-2" } == .unknownObservation)
        #expect(code { $0[0].response = "yield" } == .unknownObservation)
        #expect(code { $0[0].seed = 99 } == .unknownObservation)
        #expect(code { $0[0].point = 2 } == .unknownObservation)      // "hps" is the plan's first variant
        #expect(code { $0.append($0[0]) } == .duplicateObservation)
        #expect(code { $0[0].unit = "g" } == .conflictingUnits)
        var layout = Self.layout
        layout.baseline = "metal-halide"
        #expect(code(layout) { _ in } == .invalidLayout)
        layout = Self.layout
        layout.sobol = SobolLayout(factors: ["x"], baseSamples: 2)
        #expect(code(layout) { _ in } == .invalidLayout)
        layout = Self.layout
        layout.seeds = [1, 1, 2, 3, 4, 5]
        #expect(code(layout) { _ in } == .invalidLayout)
    }
}
