import TwinModels

/// Page–Hinkley test for a change in the mean, with optional fading (Page 1954;
/// Hinkley 1971; the streaming form of Gama et al. 2013 and river's `drift.PageHinkley`).
///
/// The running mean x̄_t of all samples since the last reset is the reference. For an
/// increase, m_t = α·m_{t−1} + (x_t − x̄_t − δ) and PH⁺ = m_t − min_{s≤t} m_s; for a
/// decrease, n_t = α·n_{t−1} + (x_t − x̄_t + δ) and PH⁻ = max_{s≤t} n_s − n_t (m_0 = n_0 = 0).
/// `score` is the larger enabled statistic in **signal units** (a cumulative deviation),
/// and the alarm fires when it exceeds λ after `minimumSamples` samples.
///
/// No warm-up or σ is needed, which suits signals with unknown level; the price is that
/// δ and λ are in the signal's unit and must be scaled to it (a rule of thumb: δ about
/// half the smallest shift of interest, λ ≈ 10–50·σ). river's defaults are δ = 0.005,
/// λ = 50, α = 0.9999, 30 minimum samples.
public struct PageHinkleyDetector: StreamingDetector, Equatable {
    /// Which changes to look for.
    public enum Mode: String, Sendable, Equatable {
        /// Mean increases only.
        case up
        /// Mean decreases only.
        case down
        /// Both directions.
        case both
    }

    /// Tolerated deviation δ, signal unit, ≥ 0: drift smaller than δ per sample is ignored.
    public let delta: Double
    /// Alarm threshold λ, signal unit, > 0.
    public let threshold: Double
    /// Fading factor α, 0 < α ≤ 1; α < 1 forgets old deviations (memory ≈ 1/(1 − α) samples).
    public let alpha: Double
    /// Samples before an alarm is allowed, ≥ 1.
    public let minimumSamples: Int
    /// Directions monitored.
    public let mode: Mode

    private var count = 0
    private var mean = 0.0
    private var sumUp = 0.0
    private var minUp = 0.0
    private var sumDown = 0.0
    private var maxDown = 0.0

    /// Creates a Page–Hinkley test.
    ///
    /// - Parameters:
    ///   - delta: δ, signal unit, ≥ 0.
    ///   - threshold: λ, signal unit, > 0.
    ///   - alpha: α, (0, 1]; 1 means no fading.
    ///   - minimumSamples: samples before any alarm, 1…10⁹.
    ///   - mode: `.up`, `.down` or `.both` (default).
    /// - Throws: `ModelInputError` for a parameter outside its range.
    public init(
        delta: Double, threshold: Double, alpha: Double = 1, minimumSamples: Int = 30, mode: Mode = .both
    ) throws(ModelInputError) {
        let big = Double.greatestFiniteMagnitude
        self.delta = try ModelInputError.check(delta, "Page–Hinkley delta", unit: "signal unit", in: 0...big)
        self.threshold = try ModelInputError.check(threshold, "Page–Hinkley threshold", unit: "signal unit",
                                                   in: Double.leastNormalMagnitude...big)
        self.alpha = try ModelInputError.check(alpha, "Page–Hinkley alpha", unit: "1", in: Double.leastNormalMagnitude...1)
        _ = try ModelInputError.check(Double(minimumSamples), "Page–Hinkley minimum samples", unit: "samples", in: 1...1e9)
        self.minimumSamples = minimumSamples
        self.mode = mode
    }

    public mutating func update(_ x: Double) -> DetectorOutput {
        guard x.isFinite else { return .invalidSample }
        count += 1
        mean += (x - mean) / Double(count)
        sumUp = alpha * sumUp + (x - mean - delta)
        minUp = min(minUp, sumUp)
        sumDown = alpha * sumDown + (x - mean + delta)
        maxDown = max(maxDown, sumDown)
        let up = mode == .down ? 0 : sumUp - minUp
        let down = mode == .up ? 0 : maxDown - sumDown
        let score = max(up, down)
        let alarm = count >= minimumSamples && score > threshold
        return DetectorOutput(score: score, alarm: alarm, direction: up >= down ? .up : .down)
    }

    public mutating func reset() {
        count = 0
        mean = 0
        sumUp = 0
        minUp = 0
        sumDown = 0
        maxDown = 0
    }
}
