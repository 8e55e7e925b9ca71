import Control
import Testing
import TwinModels

@Suite("ROC-AUC and average precision")
struct RankingMetricsTests {
    @Test("no ties: scikit-learn's documentation example")
    func sklearnExample() throws {
        // roc_auc_score / average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); every expected
        // value in this file was also printed by scikit-learn 1.9.1.
        // Pairs (pos, neg): (0.35, 0.1) ✓, (0.35, 0.4) ✗, (0.8, ·) ✓✓ → AUC = 3/4.
        // Descending: 0.8 (+) P = 1, R = ½; 0.4 (−); 0.35 (+) P = 2/3, R = 1 → AP = ½·1 + ½·⅔ = 5/6.
        let labels = [false, false, true, true], scores = [0.1, 0.4, 0.35, 0.8]
        #expect(abs(try RankingMetrics.rocAUC(scores: scores, labels: labels) - 0.75) < 1e-15)
        #expect(abs(try RankingMetrics.averagePrecision(scores: scores, labels: labels) - 5.0 / 6) < 1e-15)
    }

    @Test("ties: a tied normal/anomalous pair counts ½; AP steps over the whole tie group")
    func ties() throws {
        // Positives {0.9, 0.5}, negatives {0.5, 0.2}: pairs 1 + 1 + ½ + 1 → AUC = 3.5/4.
        // Groups: 0.9 {+}: P = 1, ΔR = ½; 0.5 {+, −}: P = 2/3, ΔR = ½; 0.2 {−} → AP = ½ + ⅓.
        let labels = [false, true, false, true], scores = [0.5, 0.5, 0.2, 0.9]
        #expect(abs(try RankingMetrics.rocAUC(scores: scores, labels: labels) - 0.875) < 1e-15)
        #expect(abs(try RankingMetrics.averagePrecision(scores: scores, labels: labels) - 5.0 / 6) < 1e-15)
        // All scores equal: AUC = ½ and AP = the positive share, whatever the order.
        let flat = [Double](repeating: 1, count: 5), mixed = [true, false, false, true, false]
        #expect(try RankingMetrics.rocAUC(scores: flat, labels: mixed) == 0.5)
        #expect(abs(try RankingMetrics.averagePrecision(scores: flat, labels: mixed) - 0.4) < 1e-15)
    }

    @Test("AUC equals the average-rank (Mann–Whitney) formula on a tie-heavy set")
    func averageRanks() throws {
        var g = GaussianSequence(seed: 17)
        let labels = (0..<400).map { $0 % 7 == 0 }
        let scores = labels.map { (($0 ? 1.0 : 0) + g.next()).rounded() }  // few distinct values, many ties
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        let p = Double(labels.filter { $0 }.count), n = Double(labels.count) - p
        let rankSum = zip(ranks, labels).filter(\.1).map(\.0).reduce(0, +)
        let expected = (rankSum - p * (p + 1) / 2) / (p * n)
        #expect(abs(try RankingMetrics.rocAUC(scores: scores, labels: labels) - expected) < 1e-12)
    }

    @Test("perfect and reversed rankings; a single class or NaN score throws")
    func edges() throws {
        let labels = [false, false, true]
        #expect(try RankingMetrics.rocAUC(scores: [1, 2, 3], labels: labels) == 1)
        #expect(try RankingMetrics.rocAUC(scores: [3, 2, 1], labels: labels) == 0)
        #expect(try RankingMetrics.averagePrecision(scores: [1, 2, 3], labels: labels) == 1)
        #expect(abs(try RankingMetrics.averagePrecision(scores: [3, 2, 1], labels: labels) - 1.0 / 3) < 1e-15)
        #expect(throws: ModelInputError.self) { try RankingMetrics.rocAUC(scores: [1, 2], labels: [true, true]) }
        #expect(throws: ModelInputError.self) { try RankingMetrics.rocAUC(scores: [1, .nan], labels: [true, false]) }
        #expect(throws: ModelInputError.self) { try RankingMetrics.averagePrecision(scores: [1], labels: [true, false]) }
    }
}
