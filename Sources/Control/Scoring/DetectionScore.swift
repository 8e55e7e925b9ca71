import TwinModels

/// A detector's sample-wise scorecard against ground truth: ROC-AUC, average precision
/// (ADBench's "PR-AUC"), the anomaly rate they should be read against, and precision,
/// recall and F1 at an alarm threshold.
public struct DetectionScore: Sendable, Equatable {
    /// Samples scored.
    public let sampleCount: Int
    /// Anomalous samples / all samples, 0…1 (the average-precision baseline).
    public let anomalyRate: Double
    /// Area under the ROC curve, 0…1.
    public let rocAUC: Double
    /// Average precision, 0…1.
    public let averagePrecision: Double
    /// The threshold the counts were taken at (alarm when score ≥ threshold).
    public let threshold: Double
    /// Sample-wise outcomes at `threshold`.
    public let counts: ConfusionCounts

    /// Scores a detector.
    ///
    /// - Parameters:
    ///   - scores: one per sample, higher = more anomalous, finite.
    ///   - labels: ground truth per sample, true = anomalous; both classes must occur.
    ///   - threshold: alarm when score ≥ threshold (score units).
    /// - Throws: `ModelInputError` for mismatched lengths, non-finite scores or a single class.
    public static func evaluate(scores: [Double], labels: [Bool], threshold: Double) throws(ModelInputError) -> DetectionScore {
        DetectionScore(sampleCount: scores.count,
                       anomalyRate: Double(labels.reduce(0) { $0 + ($1 ? 1 : 0) }) / Double(max(labels.count, 1)),
                       rocAUC: try RankingMetrics.rocAUC(scores: scores, labels: labels),
                       averagePrecision: try RankingMetrics.averagePrecision(scores: scores, labels: labels),
                       threshold: threshold,
                       counts: try ConfusionCounts(scores: scores, labels: labels, threshold: threshold))
    }

    /// Scores a detector separately for each fault type: each type's anomalous samples
    /// against all normal samples (the other types' samples left out), so a detector that
    /// catches overheating but not bearing wear shows it. Types come sorted by name.
    ///
    /// - Parameters:
    ///   - scores: one per sample, higher = more anomalous, finite.
    ///   - faultTypes: the active fault type per sample, nil for normal operation.
    ///   - threshold: alarm when score ≥ threshold (score units).
    /// - Throws: `ModelInputError` for mismatched lengths, non-finite scores, or no normal samples.
    public static func evaluateByFaultType(scores: [Double], faultTypes: [String?],
                                           threshold: Double) throws(ModelInputError) -> [(faultType: String, score: DetectionScore)] {
        try ScoringInput.checkScores(scores, labels: faultTypes.map { $0 != nil })
        let types = Array(Set(faultTypes.compactMap { $0 })).sorted()
        var result: [(faultType: String, score: DetectionScore)] = []
        for type in types {
            var subset: [Double] = [], labels: [Bool] = []
            for (score, fault) in zip(scores, faultTypes) where fault == nil || fault == type {
                subset.append(score)
                labels.append(fault != nil)
            }
            result.append((type, try evaluate(scores: subset, labels: labels, threshold: threshold)))
        }
        return result
    }

    /// Precision at `threshold`, 0…1.
    public var precision: Double { counts.precision }
    /// Recall at `threshold`, 0…1.
    public var recall: Double { counts.recall }
    /// F1 at `threshold`, 0…1.
    public var f1: Double { counts.f1 }
}
