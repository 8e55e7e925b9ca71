import Foundation
import Testing
import TestSupport
@testable import Experiments

/// Mean, standard deviation and t-interval of one variant against known values.
@Suite("Sample statistics")
struct SampleStatisticsTests {
    @Test("GSL's t quantile matches the table value t(0.975, 9) = 2.262157")
    func tQuantileTableValue() {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.262157) < 5e-7)
        #expect(abs(StudentT.twoSided(level: 0.95, degreesOfFreedom: 9) - 2.262157) < 5e-7)
        #expect(abs(StudentT.twoSided(level: 0.90, degreesOfFreedom: 4) - 2.131847) < 5e-7)
        #expect(StudentT.quantile(1.2, degreesOfFreedom: 9).isNaN)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 0).isNaN)
    }

    @Test("1…10: mean 5.5, sd 3.0277, half-width 2.165851 (by hand: 2.262157 · 3.027650 / √10)")
    func handCheckedInterval() throws {
        let s = SampleStatistics((1...10).map(Double.init), level: 0.95)
        #expect(s.n == 10)
        #expect(s.mean == 5.5)
        let sd = try #require(s.standardDeviation), half = try #require(s.halfWidth)
        #expect(abs(sd - (55.0 / 6).squareRoot()) < 1e-14)
        #expect(abs(half - 2.2621571627982 * (55.0 / 6).squareRoot() / 10.0.squareRoot()) < 1e-12)
        #expect(abs(half - 2.165851) < 1e-6)
        #expect(s.lower == 5.5 - half && s.upper == 5.5 + half)
    }

    @Test("one observation has a mean but no spread; none has nothing")
    func undefinedParts() {
        let one = SampleStatistics([4.2], level: 0.95)
        #expect(one.mean == 4.2 && one.standardDeviation == nil && one.halfWidth == nil && one.lower == nil)
        let none = SampleStatistics([], level: 0.95)
        #expect(none.n == 0 && none.mean == nil)
    }

    @Test("paired and Welch intervals agree with scipy.stats on the same numbers")
    func agreesWithScipy() throws {
        let base = [12.1, 9.8, 11.4, 10.9, 13.2, 8.7, 10.1, 11.8]
        let variant = [11.0, 9.1, 10.2, 10.5, 12.0, 8.4, 9.0, 11.1, 10.4]
        let paired = SampleStatistics(zip(variant, base).map { $0 - $1 }, level: 0.95)
        let welch = WelchInterval(SampleStatistics(variant, level: 0.95), minus: SampleStatistics(base, level: 0.95),
                                  level: 0.95)
        let script = """
        import json, sys
        from scipy import stats
        b = json.loads(sys.argv[1]); v = json.loads(sys.argv[2])
        p = stats.ttest_rel(v[:len(b)], b).confidence_interval(0.95)
        w = stats.ttest_ind(v, b, equal_var=False).confidence_interval(0.95)
        print(json.dumps([p.low, p.high, w.low, w.high]))
        """
        let output = try PythonInterpreter.script(script, ["\(base)", "\(variant)"])
        try #require(output.status == 0, "python failed: \(output.stderr)")
        let scipy = try JSONDecoder().decode([Double].self, from: Data(output.stdout.utf8))
        #expect(abs(paired.lower! - scipy[0]) < 1e-10 && abs(paired.upper! - scipy[1]) < 1e-10, "paired \(paired) vs \(scipy)")
        #expect(abs(welch.lower! - scipy[2]) < 1e-10 && abs(welch.upper! - scipy[3]) < 1e-10, "Welch \(welch) vs \(scipy)")
    }
}
