import TwinModels

/// Shared validation of scores and labels for the scoring types.
enum ScoringInput {
    static func checkSameLength(_ count: Int, _ labelCount: Int, _ what: String) throws(ModelInputError) {
        guard count == labelCount else {
            throw ModelInputError(code: .inconsistent, quantity: "\(what) count", value: Double(count), unit: "samples",
                                  message: "\(count) \(what)s for \(labelCount) labels")
        }
    }

    static func checkScores(_ scores: [Double], labels: [Bool]) throws(ModelInputError) {
        try checkSameLength(scores.count, labels.count, "score")
        if let bad = scores.firstIndex(where: { !$0.isFinite }) {
            throw ModelInputError(code: .notFinite, quantity: "detector score at sample \(bad)", value: scores[bad], unit: "score")
        }
    }

    /// Throws unless both classes occur (ranking metrics are undefined otherwise).
    static func checkBothClasses(_ positives: Int, _ total: Int) throws(ModelInputError) {
        guard positives > 0, positives < total else {
            throw ModelInputError(code: .inconsistent, quantity: "anomalous samples", value: Double(positives), unit: "samples",
                                  message: "ranking metrics need both normal and anomalous samples; \(positives) of \(total) are anomalous")
        }
    }
}
