import TwinModels

/// The hyper-parameters of an `IsolationForest`, named and defaulted as in scikit-learn's
/// `IsolationForest` (n_estimators = 100, max_samples = 'auto', contamination = 'auto',
/// max_features = 1.0, bootstrap = False).
public struct IsolationForestConfiguration: Sendable, Equatable {
    /// How many training rows each tree sees (ψ).
    public enum SampleSize: Sendable, Equatable {
        /// ψ = min(256, n): the subsample size Liu et al. (2008) found sufficient.
        case auto
        /// ψ = min(k, n) rows (sklearn warns and clips when k > n); k ≥ 2.
        case count(Int)
        /// ψ = ⌊f·n⌋ rows, f in (0, 1].
        case fraction(Double)
    }

    /// How the decision threshold (`offset`) is set.
    public enum Contamination: Sendable, Equatable {
        /// offset = −0.5: a score above 0.5 in the original paper's sign is an outlier.
        case auto
        /// The expected outlier share p in (0, 0.5]: offset = the 100·p-th percentile
        /// (linear interpolation, as `numpy.percentile`) of the training rows' scores.
        case fraction(Double)
    }

    /// Trees in the forest (n_estimators), 1…10 000; default 100.
    public var treeCount: Int
    /// Subsample size per tree; default `.auto`.
    public var sampleSize: SampleSize
    /// Threshold rule; default `.auto`.
    public var contamination: Contamination

    /// Creates a configuration; values are validated when the forest is fitted.
    public init(treeCount: Int = 100, sampleSize: SampleSize = .auto, contamination: Contamination = .auto) {
        self.treeCount = treeCount
        self.sampleSize = sampleSize
        self.contamination = contamination
    }

    /// ψ for `rowCount` training rows.
    ///
    /// - Throws: `ModelInputError` for a tree count, sample count or fraction out of range,
    ///   or a ψ below 2 (a one-point tree has c(1) = 0 and cannot normalise scores).
    func resolvedSampleSize(rowCount: Int) throws(ModelInputError) -> Int {
        _ = try ModelInputError.check(Double(treeCount), "isolation forest tree count", unit: "trees", in: 1...10_000)
        if case .fraction(let p) = contamination {
            _ = try ModelInputError.check(p, "isolation forest contamination", unit: "fraction",
                                          in: Double.leastNonzeroMagnitude...0.5)
        }
        let psi: Int
        switch sampleSize {
        case .auto: psi = min(256, rowCount)
        case .count(let k):
            _ = try ModelInputError.check(Double(k), "isolation forest sample size", unit: "rows", in: 2...Double(Int32.max))
            psi = min(k, rowCount)
        case .fraction(let f):
            _ = try ModelInputError.check(f, "isolation forest sample fraction", unit: "fraction",
                                          in: Double.leastNonzeroMagnitude...1)
            psi = Int(f * Double(rowCount))
        }
        guard psi >= 2 else {
            throw ModelInputError(code: .outOfRange, quantity: "isolation forest rows per tree", value: Double(psi),
                                  unit: "rows", validRange: 2...Double(Int32.max),
                                  message: "an isolation forest needs at least 2 rows per tree, got \(psi) from \(rowCount) training rows")
        }
        return psi
    }
}
