import Foundation
import TwinModels

/// Exponentially weighted moving-average control chart with z-score control limits.
///
/// z_t = λ·x_t + (1 − λ)·z_{t−1}, z_0 = μ₀ (Roberts 1959). With the exact variance
/// factor the limits are μ₀ ± L·σ·√(λ/(2 − λ)·(1 − (1 − λ)^{2t})), which start at
/// μ₀ ± L·σ·λ at t = 1 and widen to the asymptotic μ₀ ± L·σ·√(λ/(2 − λ)); the narrow
/// early limits make the chart sensitive to a process that starts off target
/// (Lucas & Saccucci 1990; Montgomery, *Introduction to Statistical Quality Control*,
/// 6th ed., §9.2). `score` is (z_t − μ₀)/σ_z(t) in standard deviations of z and the alarm
/// fires when |score| > L.
///
/// Parameters (Lucas & Saccucci 1990, Table 3; Montgomery Table 9.11 for ARL₀ ≈ 500):
/// λ = 0.05 → L = 2.615, 0.10 → 2.814, 0.20 → 2.962, 0.25 → 2.998, 0.40 → 3.054.
/// Small λ detects small shifts (≤ 1σ) fastest; λ = 1 is a Shewhart chart.
public struct EWMADetector: StreamingDetector, Equatable {
    /// Whether control limits use the exact time-varying variance or its limit.
    public enum VarianceFactor: String, Sendable, Equatable {
        /// λ/(2 − λ)·(1 − (1 − λ)^{2t}): exact for z_0 = μ₀ (the default).
        case exact
        /// λ/(2 − λ): the steady-state value, as used for the published ARL tables.
        case asymptotic
    }

    /// Smoothing weight λ of the newest sample, dimensionless, 0 < λ ≤ 1.
    public let lambda: Double
    /// Control-limit width L, in standard deviations of z, > 0 (typically 2.6–3.1).
    public let limitWidth: Double
    /// Source of μ₀ and σ (signal unit).
    public let baseline: DetectorBaseline
    /// Exact or asymptotic limits.
    public let varianceFactor: VarianceFactor

    private var tracker: BaselineTracker
    /// Current EWMA statistic z_t, signal unit (μ₀ before the first monitored sample).
    public private(set) var statistic: Double = 0
    /// Number of samples monitored since the baseline was resolved.
    public private(set) var step = 0
    // (1 − λ)^{2t}, updated by multiplication so the exact factor needs no pow per sample.
    private var decay = 1.0

    /// Creates a chart.
    ///
    /// - Parameters:
    ///   - lambda: λ, 0 < λ ≤ 1.
    ///   - limitWidth: L, 0 < L ≤ 10.
    ///   - baseline: known μ₀/σ or a warm-up length.
    ///   - varianceFactor: `.exact` (default) or `.asymptotic`.
    /// - Throws: `ModelInputError` for a parameter outside its range.
    public init(
        lambda: Double, limitWidth: Double, baseline: DetectorBaseline, varianceFactor: VarianceFactor = .exact
    ) throws(ModelInputError) {
        self.lambda = try ModelInputError.check(lambda, "EWMA lambda", unit: "1", in: Double.leastNormalMagnitude...1)
        self.limitWidth = try ModelInputError.check(limitWidth, "EWMA limit width L", unit: "σ", in: Double.leastNormalMagnitude...10)
        self.baseline = try baseline.validated()
        self.varianceFactor = varianceFactor
        tracker = BaselineTracker(baseline)
        reset()
    }

    /// The variance factor σ_z²/σ² at monitored step `t` (t ≥ 1).
    ///
    /// - Returns: λ/(2 − λ)·(1 − (1 − λ)^{2t}) for `.exact`, λ/(2 − λ) for `.asymptotic`.
    public static func varianceFactor(lambda: Double, step t: Int, kind: VarianceFactor = .exact) -> Double {
        let asymptotic = lambda / (2 - lambda)
        switch kind {
        case .asymptotic: return asymptotic
        case .exact:
            return asymptotic * (1 - pow((1 - lambda) * (1 - lambda), Double(max(t, 0))))
        }
    }

    /// Lower and upper control limits (signal unit) at monitored step `t`, or nil while
    /// the baseline is still warming up.
    public func controlLimits(atStep t: Int) -> (lower: Double, upper: Double)? {
        guard tracker.isResolved else { return nil }
        let half = limitWidth * tracker.standardDeviation
            * Self.varianceFactor(lambda: lambda, step: t, kind: varianceFactor).squareRoot()
        return (tracker.mean - half, tracker.mean + half)
    }

    public mutating func update(_ x: Double) -> DetectorOutput {
        guard x.isFinite else { return .invalidSample }
        if tracker.absorb(x) {
            statistic = tracker.mean
            return .warmingUp
        }
        step += 1
        statistic = lambda * x + (1 - lambda) * statistic
        let asymptotic = lambda / (2 - lambda)
        let factor: Double
        switch varianceFactor {
        case .asymptotic: factor = asymptotic
        case .exact:
            decay *= (1 - lambda) * (1 - lambda)
            factor = asymptotic * (1 - decay)
        }
        let score = (statistic - tracker.mean) / (tracker.standardDeviation * factor.squareRoot())
        return DetectorOutput(score: score, alarm: abs(score) > limitWidth, direction: score > 0 ? .up : .down)
    }

    public mutating func reset() {
        tracker.reset()
        statistic = tracker.mean
        step = 0
        decay = 1
    }
}
