import TwinModels

/// Sample-wise true/false positives and negatives of an alarm sequence against ground truth,
/// with the precision, recall and F1 derived from them.
///
/// Positive = "anomalous" (label true, alarm raised). Ratios whose denominator is zero are
/// reported as 0, as `sklearn.metrics.precision_recall_fscore_support(zero_division=0)` does.
public struct ConfusionCounts: Sendable, Equatable {
    /// Alarms on anomalous samples.
    public let truePositives: Int
    /// Alarms on normal samples.
    public let falsePositives: Int
    /// Silence on normal samples.
    public let trueNegatives: Int
    /// Silence on anomalous samples.
    public let falseNegatives: Int

    /// Counts `alarms` against `labels` (same length; true = alarm / anomalous).
    ///
    /// - Throws: `ModelInputError` when the lengths differ.
    public init(alarms: [Bool], labels: [Bool]) throws(ModelInputError) {
        try ScoringInput.checkSameLength(alarms.count, labels.count, "alarm")
        var tp = 0, fp = 0, tn = 0, fn = 0
        for (alarm, label) in zip(alarms, labels) {
            switch (alarm, label) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, false): tn += 1
            case (false, true): fn += 1
            }
        }
        truePositives = tp
        falsePositives = fp
        trueNegatives = tn
        falseNegatives = fn
    }

    /// Counts alarms raised where `score ≥ threshold` (higher score = more anomalous).
    ///
    /// - Throws: `ModelInputError` for differing lengths or a non-finite score or threshold.
    public init(scores: [Double], labels: [Bool], threshold: Double) throws(ModelInputError) {
        try ScoringInput.checkScores(scores, labels: labels)
        _ = try ModelInputError.check(threshold, "alarm threshold", unit: "score", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        try self.init(alarms: scores.map { $0 >= threshold }, labels: labels)
    }

    /// TP / (TP + FP), 0…1.
    public var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }
    /// TP / (TP + FN): the share of anomalous samples alarmed, 0…1.
    public var recall: Double { Self.ratio(truePositives, truePositives + falseNegatives) }
    /// FP / (FP + TN): the share of normal samples alarmed, 0…1.
    public var falsePositiveRate: Double { Self.ratio(falsePositives, falsePositives + trueNegatives) }
    /// Harmonic mean of precision and recall, 2TP / (2TP + FP + FN), 0…1.
    public var f1: Double { Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }

    private static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
