import Experiments
import Foundation
import SimKernel

/// `twinlab experiment summary` on 10,000 runs × 3 responses: `ExperimentSummary.make`, `json()` and `csv()`.
///
/// Three shapes of 10,000 runs, with seeded made-up values (the statistics' cost does not
/// depend on the values): 100 named variants × 100 seeds with a baseline (the common case);
/// 5,000 variants × 2 seeds (the subset screen compares every pair, so this is its worst
/// case); a Sobol design with 4 factors, N = 833 base rows and 2 seeds (9,996 runs; the
/// bootstrap's 1,000 resamples per response). The target is < 2 s per summary.
enum SummaryBenchmark {
    struct Shape {
        var name: String
        var layout: SummaryLayout
    }

    static func shapes() -> [Shape] {
        let responses = ["yield_kg", "energy_cost", "temperature_discomfort"]
        let named = (0..<100).map { "v\($0)" }
        let points = 833 * (4 + 2)
        return [
            Shape(name: "100 variants x 100 seeds", layout: SummaryLayout(
                experiment: "bench-named", variants: named, baseline: "v0", responses: responses,
                seeds: (1...100).map { UInt64($0) })),
            Shape(name: "5000 variants x 2 seeds", layout: SummaryLayout(
                experiment: "bench-wide", variants: (0..<5000).map { "p\($0)" }, responses: responses, seeds: [1, 2])),
            Shape(name: "sobol k=4 N=833 x 2 seeds", layout: SummaryLayout(
                experiment: "bench-sobol", variants: (0..<points).map { "p\($0)" }, responses: responses, seeds: [1, 2],
                sobol: SobolLayout(factors: ["f1", "f2", "f3", "f4"], baseSamples: 833))),
        ]
    }

    /// One observation per (variant, seed, response): a variant effect, a common-random-number
    /// effect of the seed and noise.
    static func observations(_ layout: SummaryLayout, seed: UInt64) -> [ResponseObservation] {
        var generator = SplitMix64(state: seed)
        var result: [ResponseObservation] = []
        for (v, variant) in layout.variants.enumerated() {
            for s in layout.seeds {
                for (r, response) in layout.responses.enumerated() {
                    let value = 100 * Double(r + 1) + sin(Double(v)) + Double(s % 7) + Double.random(in: 0..<1, using: &generator)
                    result.append(ResponseObservation(variant: variant, point: layout.sobol == nil ? nil : v, seed: s,
                                                      response: response, value: value, unit: "u"))
                }
            }
        }
        return result
    }

    static func run(_ args: Arguments) throws -> JSONValue {
        var results: [JSONValue] = []
        for shape in shapes() {
            let input = observations(shape.layout, seed: args.seed)
            var bytes = 0
            var makeSeconds: [Double] = [], jsonSeconds: [Double] = [], csvSeconds: [Double] = []
            let timing = try Measurement<Int>.repeating(args.runs) {
                let start = ContinuousClock.now
                let summary = try ExperimentSummary.make(layout: shape.layout, observations: input)
                let made = ContinuousClock.now
                let json = summary.json()
                let encoded = ContinuousClock.now
                let csv = summary.csv()
                makeSeconds.append(seconds(made - start))
                jsonSeconds.append(seconds(encoded - made))
                csvSeconds.append(seconds(ContinuousClock.now - encoded))
                bytes = json.utf8.count + csv.utf8.count
                return bytes
            }
            results.append(.object([
                ("shape", .string(shape.name)),
                ("runs", .int(shape.layout.variants.count * shape.layout.seeds.count)),
                ("observations", .int(input.count)),
                ("seconds_all", .array(timing.seconds.map { .number($0) })),
                ("seconds_median", .number(timing.median)),
                ("seconds_max", .number(timing.seconds.max() ?? .nan)),
                ("make_seconds_median", .number(Measurement<Int>.median(makeSeconds))),
                ("json_seconds_median", .number(Measurement<Int>.median(jsonSeconds))),
                ("csv_seconds_median", .number(Measurement<Int>.median(csvSeconds))),
                ("json_and_csv_bytes", .int(bytes)),
            ]))
        }
        return .object([("benchmark", .string("summary")), ("target_seconds", .number(2)), ("shapes", .array(results))])
    }
}

extension SummaryBenchmark {
    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
