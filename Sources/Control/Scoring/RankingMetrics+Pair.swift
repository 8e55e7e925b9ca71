import TwinModels

extension RankingMetrics {
    /// ROC-AUC and average precision from one sort, the same numbers as `rocAUC` and
    /// `averagePrecision` (same tie handling), for scoring long runs where sorting twice
    /// through an index array costs seconds.
    ///
    /// - Returns: nil when the labels hold one class only (both metrics are undefined).
    /// - Throws: `ModelInputError` for differing lengths or a non-finite score.
    public static func rocAUCAndAveragePrecision(scores: [Double], labels: [Bool]) throws(ModelInputError)
        -> (rocAUC: Double, averagePrecision: Double)? {
        try ScoringInput.checkScores(scores, labels: labels)
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard positives > 0, positives < labels.count else { return nil }
        // Sorting plain pairs is several times faster than sorting indices through a closure.
        var pairs = zip(scores, labels).map { (score: $0, positive: $1) }
        pairs.sort { $0.score > $1.score }
        var positivesAbove = 0.0, pairs2 = 0.0, alarmed = 0, ap = 0.0
        let p = Double(positives), n = Double(labels.count - positives)
        var i = 0
        while i < pairs.count {
            var groupPositives = 0, groupNegatives = 0
            let value = pairs[i].score
            while i < pairs.count, pairs[i].score == value {
                if pairs[i].positive { groupPositives += 1 } else { groupNegatives += 1 }
                i += 1
            }
            pairs2 += Double(groupNegatives) * (positivesAbove + 0.5 * Double(groupPositives))
            positivesAbove += Double(groupPositives)
            alarmed += groupPositives + groupNegatives
            if groupPositives > 0 { ap += Double(groupPositives) / p * (positivesAbove / Double(alarmed)) }
        }
        return (pairs2 / (p * n), ap)
    }
}
