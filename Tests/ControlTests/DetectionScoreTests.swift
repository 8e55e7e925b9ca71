import Control
import Testing
import TwinModels

@Suite("Detection score at a threshold")
struct DetectionScoreTests {
    @Test("precision, recall and F1 from hand-counted outcomes")
    func counts() throws {
        // Alarm where score ≥ 0.5: samples 1, 2, 4, 5. Anomalous: 2, 3, 5.
        // TP = {2, 5}, FP = {1, 4}, FN = {3}, TN = {0}.
        let scores = [0.1, 0.6, 0.9, 0.2, 0.5, 0.7]
        let labels = [false, false, true, true, false, true]
        let score = try DetectionScore.evaluate(scores: scores, labels: labels, threshold: 0.5)
        #expect(score.counts == (try ConfusionCounts(alarms: [false, true, true, false, true, true], labels: labels)))
        #expect(score.counts.truePositives == 2 && score.counts.falsePositives == 2)
        #expect(score.counts.falseNegatives == 1 && score.counts.trueNegatives == 1)
        #expect(score.precision == 0.5)
        #expect(abs(score.recall - 2.0 / 3) < 1e-15)
        #expect(abs(score.f1 - 4.0 / 7) < 1e-15)
        #expect(abs(score.counts.falsePositiveRate - 2.0 / 3) < 1e-15)
        #expect(score.anomalyRate == 0.5 && score.sampleCount == 6)
        // Ranking: pairs (pos, neg) won: 0.9 beats 3, 0.7 beats 3, 0.2 beats 1 → 7/9.
        #expect(abs(score.rocAUC - 7.0 / 9) < 1e-15)
    }

    @Test("no alarms: precision, recall and F1 are 0 rather than NaN")
    func zeroDivision() throws {
        let c = try ConfusionCounts(alarms: [false, false], labels: [true, false])
        #expect(c.precision == 0 && c.recall == 0 && c.f1 == 0)
        #expect(throws: ModelInputError.self) { try ConfusionCounts(alarms: [true], labels: [true, false]) }
    }
}
