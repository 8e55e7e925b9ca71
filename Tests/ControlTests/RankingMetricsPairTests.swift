import Testing
import TwinModels
@testable import Control

/// The one-sort ROC-AUC + average precision agree with the separate metrics.
struct RankingMetricsPairTests {
    @Test("same values as rocAUC and averagePrecision, ties included; nil for one class")
    func agrees() throws {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 40) / Double(1 << 24)
        }
        // Rounded scores make ties; anomalies score higher on average.
        let labels = (0..<2000).map { _ in next() < 0.1 }
        let scores = labels.map { (($0 ? 0.5 : 0) + next() * 10).rounded() / 10 }
        let pair = try #require(try RankingMetrics.rocAUCAndAveragePrecision(scores: scores, labels: labels))
        #expect(abs(pair.rocAUC - (try RankingMetrics.rocAUC(scores: scores, labels: labels))) < 1e-12)
        #expect(abs(pair.averagePrecision - (try RankingMetrics.averagePrecision(scores: scores, labels: labels))) < 1e-12)
        #expect(try RankingMetrics.rocAUCAndAveragePrecision(scores: [1, 2], labels: [false, false]) == nil)
    }

    @Test("the pre-sorted form gives the same numbers and rejects scores that increase")
    func presorted() throws {
        let scores = [0.9, 0.9, 0.5, 0.2, 0.2, 0.1], labels = [true, false, true, false, true, false]
        let sorted = try #require(try RankingMetrics.rocAUCAndAveragePrecision(descendingScores: scores, labels: labels))
        #expect(abs(sorted.rocAUC - (try RankingMetrics.rocAUC(scores: scores, labels: labels))) < 1e-12)
        #expect(abs(sorted.averagePrecision - (try RankingMetrics.averagePrecision(scores: scores, labels: labels))) < 1e-12)
        #expect(throws: ModelInputError.self) {
            try RankingMetrics.rocAUCAndAveragePrecision(descendingScores: [0.1, 0.2], labels: [true, false])
        }
    }
}
