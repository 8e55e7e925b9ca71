import TwinModels

/// Threshold-free scores of a detector's continuous output: ROC-AUC and average precision,
/// computed as scikit-learn's `roc_auc_score` and `average_precision_score` do.
///
/// Higher score = more anomalous (negate sklearn-style `score_samples` first). Samples with
/// equal scores form one threshold step: ROC-AUC then counts a tied normal/anomalous pair
/// as ½ (the Mann–Whitney U with average ranks, which is what sklearn's trapezoidal ROC
/// curve gives), and average precision moves recall and precision by the whole tie group.
public enum RankingMetrics {
    /// Area under the ROC curve, 0…1 (0.5 = random ranking).
    ///
    /// - Throws: `ModelInputError` for differing lengths, a non-finite score, or labels of one class only.
    public static func rocAUC(scores: [Double], labels: [Bool]) throws(ModelInputError) -> Double {
        let groups = try tieGroups(scores: scores, labels: labels)
        var positivesAbove = 0.0, pairs = 0.0, positives = 0.0, negatives = 0.0
        for group in groups {
            pairs += Double(group.negatives) * (positivesAbove + 0.5 * Double(group.positives))
            positivesAbove += Double(group.positives)
            positives += Double(group.positives)
            negatives += Double(group.negatives)
        }
        return pairs / (positives * negatives)
    }

    /// Average precision AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over descending score thresholds, 0…1
    /// (its random-ranking baseline is the anomaly rate; report that alongside).
    ///
    /// - Throws: `ModelInputError` for differing lengths, a non-finite score, or labels of one class only.
    public static func averagePrecision(scores: [Double], labels: [Bool]) throws(ModelInputError) -> Double {
        let groups = try tieGroups(scores: scores, labels: labels)
        let positives = Double(groups.reduce(0) { $0 + $1.positives })
        var truePositives = 0, alarmed = 0, ap = 0.0
        for group in groups {
            truePositives += group.positives
            alarmed += group.positives + group.negatives
            if group.positives > 0 {
                ap += Double(group.positives) / positives * (Double(truePositives) / Double(alarmed))
            }
        }
        return ap
    }

    /// Counts per distinct score, highest score first.
    static func tieGroups(scores: [Double], labels: [Bool]) throws(ModelInputError) -> [(positives: Int, negatives: Int)] {
        try ScoringInput.checkScores(scores, labels: labels)
        try ScoringInput.checkBothClasses(labels.reduce(0) { $0 + ($1 ? 1 : 0) }, labels.count)
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var groups: [(positives: Int, negatives: Int)] = []
        var previous = Double.nan
        for i in order {
            if scores[i] != previous {
                groups.append((0, 0))
                previous = scores[i]
            }
            if labels[i] { groups[groups.count - 1].positives += 1 } else { groups[groups.count - 1].negatives += 1 }
        }
        return groups
    }
}
