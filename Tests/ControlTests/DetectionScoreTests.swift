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

    @Test("per fault type: each type's samples against the normal ones")
    func byFaultType() throws {
        // Normal scores 0.1, 0.3, 0.6; bearing wear 0.9, 0.2; overheating 0.8.
        let scores = [0.1, 0.9, 0.3, 0.8, 0.6, 0.2]
        let types: [String?] = [nil, "worn_bearings", nil, "overheated", nil, "worn_bearings"]
        let result = try DetectionScore.evaluateByFaultType(scores: scores, faultTypes: types, threshold: 0.5)
        #expect(result.map(\.faultType) == ["overheated", "worn_bearings"])
        // Overheating 0.8 beats all three normals: AUC 1, recall 1, precision 1/2 (0.6 also alarms).
        #expect(result[0].score.rocAUC == 1 && result[0].score.recall == 1 && result[0].score.precision == 0.5)
        #expect(result[0].score.sampleCount == 4)
        // Bearing wear: 0.9 beats 3 normals, 0.2 beats 1 → AUC 4/6; recall 1/2.
        #expect(abs(result[1].score.rocAUC - 4.0 / 6) < 1e-15 && result[1].score.recall == 0.5)
        #expect(throws: ModelInputError.self) {
            try DetectionScore.evaluateByFaultType(scores: [0.1], faultTypes: ["x"], threshold: 0.5)
        }
    }

    @Test("no alarms: precision, recall and F1 are 0 rather than NaN")
    func zeroDivision() throws {
        let c = try ConfusionCounts(alarms: [false, false], labels: [true, false])
        #expect(c.precision == 0 && c.recall == 0 && c.f1 == 0)
        #expect(throws: ModelInputError.self) { try ConfusionCounts(alarms: [true], labels: [true, false]) }
    }
}
