import Testing
@testable import Experiments

/// The sequential rule: enough replications for a relative half-width, or how many more.
@Suite("Sequential decision")
struct SequentialDecisionTests {
    /// Ten values with mean exactly 100 and standard deviation exactly 10.
    static let tenValues: [Double] = {
        let raw: [Double] = [3, 7, 1, 9, 4, 6, 2, 8, 5, 5.5]
        let s = SampleStatistics(raw, level: 0.95)
        return raw.map { 100 + 10 * ($0 - s.mean!) / s.standardDeviation! }
    }()

    func summary(_ rows: [String: [Double]], seeds: Int) throws -> ExperimentSummary {
        let seedList = (1...seeds).map { UInt64($0) }
        let layout = SummaryLayout(experiment: "seq", variants: rows.keys.sorted(), responses: ["yield_kg"], seeds: seedList)
        let observations = rows.flatMap { variant, values in
            values.enumerated().map { ResponseObservation(variant: variant, seed: seedList[$0], response: "yield_kg",
                                                          value: $1, unit: "kg") }
        }
        return try ExperimentSummary.make(layout: layout, observations: observations)
    }

    /// h = t(0.975, 9) · 10 / √10 = 7.15 > 0.05 · 100; Law's n* is the least i with
    /// t(0.975, i − 1) · 10 / √i ≤ 5: i = 17 gives 5.14, i = 18 gives 4.97 (scipy).
    @Test("mean 100, sd 10, n 10, r 5 %: 18 replications in all, 8 more")
    func lawsReplicationCount() throws {
        let s = try summary(["a": Self.tenValues], seeds: 10)
        let decision = try SequentialDecision.decide(s, relativeHalfWidth: 0.05, maxReplications: 50)
        #expect(!decision.satisfied && !decision.limitedByMaximum)
        #expect(decision.recommendedReplications == 18 && decision.additionalReplications == 8)
        #expect(decision.shortfalls.map(\.neededObservations) == [18])
        #expect(abs(decision.shortfalls[0].halfWidth! - 7.153569) < 1e-6 && decision.shortfalls[0].target == 5)
    }

    @Test("the maximum caps the recommendation and says so; a loose rule is satisfied")
    func capAndSatisfied() throws {
        let s = try summary(["a": Self.tenValues], seeds: 10)
        let capped = try SequentialDecision.decide(s, relativeHalfWidth: 0.05, maxReplications: 15)
        #expect(capped.recommendedReplications == 15 && capped.limitedByMaximum && capped.shortfalls[0].neededObservations == nil)
        let loose = try SequentialDecision.decide(s, relativeHalfWidth: 0.08, maxReplications: 15)
        #expect(loose.satisfied && loose.additionalReplications == 0 && loose.shortfalls.isEmpty)
    }

    @Test("the worst variant decides; fewer than two runs ask for two; a zero mean cannot be met")
    func edgeCases() throws {
        let s = try summary(["a": Self.tenValues, "b": Self.tenValues.map { $0 + 100 }], seeds: 10)
        let both = try SequentialDecision.decide(s, relativeHalfWidth: 0.05, maxReplications: 50)
        #expect(both.recommendedReplications == 18 && both.shortfalls.map(\.variant) == ["a"])
        let one = try SequentialDecision.decide(try summary(["a": [4]], seeds: 1), relativeHalfWidth: 0.1,
                                                maxReplications: 20)
        #expect(one.recommendedReplications == 2 && one.additionalReplications == 1)
        let zero = try SequentialDecision.decide(try summary(["a": [-1, 1, -2, 2]], seeds: 4), relativeHalfWidth: 0.1,
                                                 maxReplications: 20)
        #expect(zero.recommendedReplications == 20 && zero.limitedByMaximum)
    }

    @Test("a rule outside its range is an invalidRule error")
    func invalidRule() throws {
        let s = try summary(["a": Self.tenValues], seeds: 10)
        #expect(throws: SummaryError.self) { try SequentialDecision.decide(s, relativeHalfWidth: 0, maxReplications: 5) }
        let error = #expect(throws: SummaryError.self) { try SequentialDecision.decide(s, relativeHalfWidth: 0.1, maxReplications: 0) }
        #expect(error?.code == .invalidRule)
    }
}
