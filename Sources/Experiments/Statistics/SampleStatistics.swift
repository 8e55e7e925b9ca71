import CGSL

/// Mean, standard deviation and two-sided Student-t interval of independent observations.
///
/// The observations are one number per replication (seed), which are independent and,
/// being run-level averages or totals, close to normal: the setting of the classical
/// interval X̄ ± t₁₋α/₂,ₙ₋₁ · S/√n (Law, *Simulation Modeling and Analysis*, 5th ed., 2015,
/// §9.4.1). Mean and standard deviation (n − 1 denominator) are GSL's `gsl_stats_mean` and
/// `gsl_stats_sd`; the quantile is `StudentT`.
///
/// Undefined numbers are nil, never NaN, so every summary encodes as plain JSON: the mean of
/// no observations, the standard deviation and interval of fewer than two.
public struct SampleStatistics: Sendable, Codable, Equatable {
    /// Number of observations.
    public var n: Int
    public var mean: Double?
    /// Sample standard deviation (n − 1 in the denominator).
    public var standardDeviation: Double?
    /// Half-width of the two-sided t-interval at the summary's confidence level.
    public var halfWidth: Double?
    /// mean − halfWidth.
    public var lower: Double?
    /// mean + halfWidth.
    public var upper: Double?

    /// The statistics of `values` (all finite) with a t-interval at `level`.
    public init(_ values: [Double], level: Double) {
        n = values.count
        guard n > 0 else { return }
        let mean = values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, n) }
        self.mean = mean
        guard n > 1 else { return }
        let sd = values.withUnsafeBufferPointer { gsl_stats_sd_m($0.baseAddress, 1, n, mean) }
        let half = StudentT.twoSided(level: level, degreesOfFreedom: Double(n - 1)) * sd / Double(n).squareRoot()
        standardDeviation = sd
        halfWidth = half
        lower = mean - half
        upper = mean + half
    }
}
