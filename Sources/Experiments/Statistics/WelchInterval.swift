/// The unpaired (Welch) interval for a difference of two means, for comparison with the paired one.
///
/// (X̄₁ − X̄₂) ± t₁₋α/₂,f̂ · √(S₁²/n₁ + S₂²/n₂) with Welch's approximate degrees of freedom
/// f̂ = (S₁²/n₁ + S₂²/n₂)² / [(S₁²/n₁)²/(n₁ − 1) + (S₂²/n₂)²/(n₂ − 1)] (Welch 1938; Law,
/// *Simulation Modeling and Analysis*, 5th ed., 2015, §10.2.2). It ignores the positive
/// correlation that common random numbers create between the variants, so it is wider than the
/// paired interval whenever that correlation helps — the point of reporting both.
public struct WelchInterval: Sendable, Codable, Equatable {
    /// X̄₁ − X̄₂ (nil when either side has no observation).
    public var mean: Double?
    /// Half-width (nil below two observations on either side).
    public var halfWidth: Double?
    /// Welch's f̂ (nil when both variances are zero: the interval then has width zero).
    public var degreesOfFreedom: Double?
    public var lower: Double?
    public var upper: Double?

    /// The interval for mean(first) − mean(second) at `level`.
    public init(_ first: SampleStatistics, minus second: SampleStatistics, level: Double) {
        guard let m1 = first.mean, let m2 = second.mean else { return }
        mean = m1 - m2
        guard let s1 = first.standardDeviation, let s2 = second.standardDeviation else { return }
        let v1 = s1 * s1 / Double(first.n), v2 = s2 * s2 / Double(second.n)
        let se = (v1 + v2).squareRoot()
        var half = 0.0
        if se > 0 {
            let df = (v1 + v2) * (v1 + v2) / (v1 * v1 / Double(first.n - 1) + v2 * v2 / Double(second.n - 1))
            degreesOfFreedom = df
            half = StudentT.twoSided(level: level, degreesOfFreedom: df) * se
        }
        halfWidth = half
        lower = m1 - m2 - half
        upper = m1 - m2 + half
    }
}
