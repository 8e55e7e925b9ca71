import Foundation
import Testing
import TestSupport
@testable import Experiments

/// Sobol' indices on the Ishigami function: analytic values, SALib's estimates, the summary's layout.
@Suite("Sobol indices")
struct SobolIndicesTests {
    /// f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ on [−π, π]³ (Ishigami & Homma 1990), a = 7, b = 0.1.
    static func ishigami(_ x: [Double]) -> Double {
        sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    /// The analytic indices (Sobol' & Levitan 1999): V₁ = ½(1 + bπ⁴/5)², V₂ = a²/8,
    /// V₁₃ = 8b²π⁸/225, V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½.
    static let analytic: (firstOrder: [Double], total: [Double]) = {
        let a = 7.0, b = 0.1, pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = 8 * b * b * pi8 / 225
        let v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
    }()

    /// The experiment's Saltelli design (`SaltelliDesign`: A and B from a 6-dimensional GSL
    /// Sobol' sequence; point j·(k + 2) + m is A, B or AB_i) scaled to [−π, π]³.
    static func design(baseSamples n: Int, factors k: Int) -> [[Double]] {
        SaltelliDesign.points(factors: k, baseSamples: n)!.map { $0.map { -Double.pi + 2 * Double.pi * $0 } }
    }

    static let factors = ["x1", "x2", "x3"]
    static let baseSamples = 8192
    static let values = design(baseSamples: baseSamples, factors: 3).map(ishigami)

    /// f(A), f(B) and f(AB_i) from the design-point values.
    static func split(_ f: [Double], k: Int) -> (a: [Double], b: [Double], ab: [[Double]]) {
        let rows = f.count / (k + 2)
        return ((0..<rows).map { f[$0 * (k + 2)] }, (0..<rows).map { f[$0 * (k + 2) + 1] },
                (0..<k).map { i in (0..<rows).map { f[$0 * (k + 2) + 2 + i] } })
    }

    @Test("Ishigami, N = 8192: the analytic S1 and ST lie in the 95 % bootstrap intervals")
    func ishigamiAnalyticInsideIntervals() throws {
        #expect(zip(Self.analytic.firstOrder, [0.3139, 0.4424, 0]).allSatisfy { abs($0 - $1) < 5e-5 })
        #expect(zip(Self.analytic.total, [0.5576, 0.4424, 0.2437]).allSatisfy { abs($0 - $1) < 5e-5 })
        let (a, b, ab) = Self.split(Self.values, k: 3)
        let result = SobolEstimator.analyze(factors: Self.factors, a: a, b: b, ab: ab, level: 0.95,
                                            resamples: 1000, seed: 1)
        for (i, index) in result.indices.enumerated() {
            print("Ishigami \(index.factor): S1 \(index.firstOrder!) [\(index.firstOrderLower!), \(index.firstOrderUpper!)] "
                  + "(analytic \(Self.analytic.firstOrder[i])), ST \(index.total!) [\(index.totalLower!), "
                  + "\(index.totalUpper!)] (analytic \(Self.analytic.total[i]))")
            #expect(index.firstOrderLower! <= Self.analytic.firstOrder[i] && Self.analytic.firstOrder[i] <= index.firstOrderUpper!,
                    "S1 of \(index.factor)")
            #expect(index.totalLower! <= Self.analytic.total[i] && Self.analytic.total[i] <= index.totalUpper!,
                    "ST of \(index.factor)")
        }
        #expect(result.baseSamples == Self.baseSamples && result.resamples == 1000)
    }

    @Test("the point estimates equal SALib's sobol.analyze on the same samples to 1e-10")
    func agreesWithSALib() throws {
        let (a, b, ab) = Self.split(Self.values, k: 3)
        let mine = SobolEstimator.analyze(factors: Self.factors, a: a, b: b, ab: ab, level: 0.95, resamples: 0, seed: 1)
        // SALib's calc_second_order=False layout is, per base row, [A, AB_1 … AB_k, B].
        var salib: [Double] = []
        for j in 0..<Self.baseSamples { salib += [a[j]] + ab.map { $0[j] } + [b[j]] }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sobol-salib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("y.txt")
        try salib.map { String(format: "%.17g", $0) }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import json, sys
        import numpy as np
        from SALib.analyze import sobol
        y = np.loadtxt(sys.argv[1])
        problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
        s = sobol.analyze(problem, y, calc_second_order=False, num_resamples=100, seed=1)
        print(json.dumps({"S1": list(s["S1"]), "ST": list(s["ST"])}))
        """
        let output = try PythonInterpreter.script(script, [file.path])
        try #require(output.status == 0, "SALib failed: \(output.stderr)")
        let reference = try JSONDecoder().decode([String: [Double]].self, from: Data(output.stdout.utf8))
        for (i, index) in mine.indices.enumerated() {
            print("\(index.factor): S1 \(index.firstOrder!) (SALib \(reference["S1"]![i])), ST \(index.total!) "
                  + "(SALib \(reference["ST"]![i]))")
            #expect(abs(index.firstOrder! - reference["S1"]![i]) < 1e-10, "S1 of \(index.factor)")
            #expect(abs(index.total! - reference["ST"]![i]) < 1e-10, "ST of \(index.factor)")
        }
    }

    @Test("the summary of a sobol design averages each point's seeds and drops a base row with a missing point")
    func summaryOfASobolDesign() throws {
        let k = 3, n = 64
        let f = Self.design(baseSamples: n, factors: k).map(Self.ishigami)
        let variants = (0..<f.count).map { "p\($0)" }
        let layout = SummaryLayout(experiment: "ishigami", variants: variants, responses: ["y"], seeds: [1, 2],
                                   sobol: SobolLayout(factors: Self.factors, baseSamples: n))
        // Two seeds per point, f ± 1, so each point's mean is f (to rounding); point 7 (row 1's AB_3) never ran.
        var observations: [ResponseObservation] = []
        for (p, value) in f.enumerated() where p != 7 {
            for (seed, noise) in [(UInt64(1), 1.0), (2, -1.0)] {
                observations.append(ResponseObservation(variant: "p\(p)", point: p, seed: seed, response: "y",
                                                        value: value + noise, unit: ""))
            }
        }
        let summary = try ExperimentSummary.make(layout: layout, observations: observations)
        let sobol = try #require(summary.responses[0].sobol)
        var kept = f.map { SampleStatistics([$0 + 1, $0 - 1], level: 0.95).mean! }
        #expect(zip(kept, f).allSatisfy { abs($0 - $1) < 1e-12 })
        kept.removeSubrange(5..<10)
        let (a, b, ab) = Self.split(kept, k: k)
        let direct = SobolEstimator.analyze(factors: Self.factors, a: a, b: b, ab: ab, level: 0.95, resamples: 1000, seed: 1)
        #expect(sobol.baseSamples == n - 1)
        #expect(sobol == direct)
        let differentSeed = SobolEstimator.analyze(factors: Self.factors, a: a, b: b, ab: ab, level: 0.95, resamples: 1000,
                                                   seed: 2)
        #expect(differentSeed.indices.map(\.firstOrder) == direct.indices.map(\.firstOrder))
        #expect(differentSeed.indices.map(\.firstOrderLower) != direct.indices.map(\.firstOrderLower))
    }
}
