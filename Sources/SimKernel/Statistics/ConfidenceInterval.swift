import CGSL

/// A Student-t confidence interval for a mean: mean ± t₍₁₊level₎/₂,ₙ₋₁ · s/√n.
///
/// The usual interval across independent replications (one value per seed). It assumes the
/// values are independent and roughly normal — true for replication means, not for successive
/// observations within one run (use replications or batch means for those).
///
/// With fewer than two values the half-width is NaN: one run says nothing about spread, and
/// NaN makes that visible in reports instead of claiming a zero-width interval.
public struct ConfidenceInterval: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The sample mean.
    public let mean: Double
    /// Half the interval's width (NaN below two samples).
    public let halfWidth: Double
    /// The confidence level in (0, 1), e.g. 0.95.
    public let level: Double
    /// Number of samples.
    public let count: Int

    /// An interval from its parts.
    public init(mean: Double, halfWidth: Double, level: Double, count: Int) {
        self.mean = mean
        self.halfWidth = halfWidth
        self.level = level
        self.count = count
    }

    /// The t-interval for the mean of `samples` at confidence `level` (0 < level < 1).
    public init(samples: [Double], level: Double = 0.95) {
        self.init(tally: Tally(samples), level: level)
    }

    /// The t-interval for the mean of the observations in `tally`.
    public init(tally: Tally, level: Double = 0.95) {
        precondition(level > 0 && level < 1, "ConfidenceInterval: level \(level) is not in (0, 1)")
        let n = tally.count
        var half = Double.nan
        if n >= 2 {
            _ = Distribution.gslErrorHandlerOff
            let t = gsl_cdf_tdist_Pinv((1 + level) / 2, Double(n - 1))
            half = t * tally.standardError
        }
        self.init(mean: tally.mean, halfWidth: half, level: level, count: n)
    }

    /// mean − halfWidth.
    public var lower: Double { mean - halfWidth }
    /// mean + halfWidth.
    public var upper: Double { mean + halfWidth }

    /// Whether `value` lies in the closed interval [lower, upper] (false when it is undefined).
    public func contains(_ value: Double) -> Bool {
        value >= lower && value <= upper
    }

    /// Whether the two intervals overlap (a quick, conservative screen — not a paired test).
    public func overlaps(_ other: ConfidenceInterval) -> Bool {
        lower <= other.upper && other.lower <= upper
    }

    /// Bitwise equality of the fields, so that reruns compare equal even when the interval is
    /// undefined (NaN half-width) — the notion of sameness determinism tests need.
    public static func == (a: ConfidenceInterval, b: ConfidenceInterval) -> Bool {
        a.mean.bitPattern == b.mean.bitPattern && a.halfWidth.bitPattern == b.halfWidth.bitPattern
            && a.level.bitPattern == b.level.bitPattern && a.count == b.count
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mean.bitPattern)
        hasher.combine(halfWidth.bitPattern)
        hasher.combine(level.bitPattern)
        hasher.combine(count)
    }

    private enum CodingKeys: String, CodingKey { case mean, halfWidth, level, count }

    /// Decodes the form written by `encode(to:)`; a missing or null `halfWidth` is NaN.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(mean: try c.decodeIfPresent(Double.self, forKey: .mean) ?? .nan,
                  halfWidth: try c.decodeIfPresent(Double.self, forKey: .halfWidth) ?? .nan,
                  level: try c.decode(Double.self, forKey: .level),
                  count: try c.decode(Int.self, forKey: .count))
    }

    /// Writes an undefined mean or half-width (NaN) as an absent key, so plain JSON encoders,
    /// which reject NaN, still work for one-sample intervals.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !mean.isNaN { try c.encode(mean, forKey: .mean) }
        if !halfWidth.isNaN { try c.encode(halfWidth, forKey: .halfWidth) }
        try c.encode(level, forKey: .level)
        try c.encode(count, forKey: .count)
    }

    /// e.g. `1.4296 ± 0.0173 (95%, n=20)`.
    public var description: String {
        let percent = (level * 100).rounded() == level * 100 ? "\(Int(level * 100))" : "\(level * 100)"
        return "\(mean) ± \(halfWidth) (\(percent)%, n=\(count))"
    }
}
