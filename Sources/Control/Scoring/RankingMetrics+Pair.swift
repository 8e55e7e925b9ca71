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
        // Sorting plain pairs is several times faster than sorting indices through a closure.
        var pairs = zip(scores, labels).map { (score: $0, positive: $1) }
        pairs.sort { $0.score > $1.score }
        return try rocAUCAndAveragePrecision(descendingScores: pairs.map(\.score), labels: pairs.map(\.positive))
    }

    /// The same from scores already sorted from highest to lowest (labels in the same order):
    /// one pass, no sort, so many subsets of one sorted sample can be scored cheaply.
    ///
    /// - Returns: nil when the labels hold one class only.
    /// - Throws: `ModelInputError` for differing lengths, a non-finite score, or scores not in
    ///   descending order.
    public static func rocAUCAndAveragePrecision(descendingScores scores: [Double], labels: [Bool])
        throws(ModelInputError) -> (rocAUC: Double, averagePrecision: Double)? {
        try ScoringInput.checkScores(scores, labels: labels)
        if let bad = scores.indices.dropFirst().first(where: { scores[$0] > scores[$0 - 1] }) {
            throw ModelInputError(code: .inconsistent, quantity: "score at sample \(bad)", value: scores[bad], unit: "score",
                                  message: "scores must not increase: \(scores[bad]) follows \(scores[bad - 1])")
        }
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard positives > 0, positives < labels.count else { return nil }
        var positivesAbove = 0.0, pairs = 0.0, alarmed = 0, ap = 0.0
        let p = Double(positives), n = Double(labels.count - positives)
        var i = 0
        while i < scores.count {
            var groupPositives = 0, groupNegatives = 0
            let value = scores[i]
            while i < scores.count, scores[i] == value {
                if labels[i] { groupPositives += 1 } else { groupNegatives += 1 }
                i += 1
            }
            pairs += Double(groupNegatives) * (positivesAbove + 0.5 * Double(groupPositives))
            positivesAbove += Double(groupPositives)
            alarmed += groupPositives + groupNegatives
            if groupPositives > 0 { ap += Double(groupPositives) / p * (positivesAbove / Double(alarmed)) }
        }
        return (pairs / (p * n), ap)
    }
}
