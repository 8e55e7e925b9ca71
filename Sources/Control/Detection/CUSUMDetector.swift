import TwinModels

/// Two-sided tabular CUSUM on standardised samples (Page 1954; Montgomery,
/// *Introduction to Statistical Quality Control*, 6th ed., §9.1).
///
/// With y_t = (x_t − μ₀)/σ:
///   C⁺_t = max(0, C⁺_{t−1} + y_t − k),   C⁻_t = max(0, C⁻_{t−1} − y_t − k),
/// and the alarm fires when either exceeds h. `score` is max(C⁺, C⁻) in σ units.
///
/// Parameters, both in units of σ: k is the reference value, half the shift to detect
/// fastest (k = 0.5 for a 1σ shift); h is the decision interval. Montgomery Table 9.3
/// (k = 0.5): h = 4 gives ARL₀ = 168 and ARL(1σ) = 8.38; h = 5 gives ARL₀ = 465 and
/// ARL(1σ) = 10.4 (zero-state, two-sided).
public struct CUSUMDetector: StreamingDetector, Equatable {
    /// Reference value k, σ units, ≥ 0 (typically 0.5).
    public let k: Double
    /// Decision interval h, σ units, > 0 (typically 4–5).
    public let h: Double
    /// Source of μ₀ and σ (signal unit).
    public let baseline: DetectorBaseline

    private var tracker: BaselineTracker
    /// Upper cumulative sum C⁺, σ units.
    public private(set) var upper = 0.0
    /// Lower cumulative sum C⁻, σ units.
    public private(set) var lower = 0.0
    /// Consecutive samples with C⁺ > 0; at an alarm, the shift began about this many
    /// samples earlier (Montgomery §9.1.2's N⁺).
    public private(set) var upperRun = 0
    /// Consecutive samples with C⁻ > 0 (N⁻).
    public private(set) var lowerRun = 0

    /// Creates a CUSUM.
    ///
    /// - Parameters:
    ///   - k: reference value, σ units, 0…10.
    ///   - h: decision interval, σ units, 0 < h ≤ 100.
    ///   - baseline: known μ₀/σ or a warm-up length.
    /// - Throws: `ModelInputError` for a parameter outside its range.
    public init(k: Double = 0.5, h: Double = 5, baseline: DetectorBaseline) throws(ModelInputError) {
        self.k = try ModelInputError.check(k, "CUSUM reference value k", unit: "σ", in: 0...10)
        self.h = try ModelInputError.check(h, "CUSUM decision interval h", unit: "σ", in: Double.leastNormalMagnitude...100)
        self.baseline = try baseline.validated()
        tracker = BaselineTracker(baseline)
    }

    public mutating func update(_ x: Double) -> DetectorOutput {
        guard x.isFinite else { return .invalidSample }
        if tracker.absorb(x) { return .warmingUp }
        let y = (x - tracker.mean) / tracker.standardDeviation
        upper = max(0, upper + y - k)
        lower = max(0, lower - y - k)
        upperRun = upper > 0 ? upperRun + 1 : 0
        lowerRun = lower > 0 ? lowerRun + 1 : 0
        let score = max(upper, lower)
        return DetectorOutput(score: score, alarm: score > h, direction: upper >= lower ? .up : .down)
    }

    public mutating func reset() {
        tracker.reset()
        upper = 0
        lower = 0
        upperRun = 0
        lowerRun = 0
    }
}
