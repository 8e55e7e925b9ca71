/// Sobol' indices of one response: every factor's first-order and total index with bootstrap intervals.
///
/// Made by `SobolEstimator`; the summary holds one per response of a `sobol` design.
public struct SobolAnalysis: Sendable, Codable, Equatable {
    /// N: the base rows the estimates used (rows with a missing design point are dropped).
    public var baseSamples: Int
    /// V, the variance of f over A ∪ B (nil when fewer than two rows or constant).
    public var variance: Double?
    /// Number of bootstrap resamples of the rows.
    public var resamples: Int
    /// Seed of the bootstrap's MT19937 generator.
    public var bootstrapSeed: UInt64
    /// One entry per factor, in design order.
    public var indices: [SobolIndex]
}

/// One factor's first-order (S_i) and total (ST_i) Sobol' index with percentile bootstrap intervals.
public struct SobolIndex: Sendable, Codable, Equatable {
    public var factor: String
    public var firstOrder: Double?
    public var firstOrderLower: Double?
    public var firstOrderUpper: Double?
    public var total: Double?
    public var totalLower: Double?
    public var totalUpper: Double?

    public init(factor: String, firstOrder: Double? = nil, firstOrderLower: Double? = nil,
                firstOrderUpper: Double? = nil, total: Double? = nil, totalLower: Double? = nil,
                totalUpper: Double? = nil) {
        self.factor = factor
        self.firstOrder = firstOrder
        self.firstOrderLower = firstOrderLower
        self.firstOrderUpper = firstOrderUpper
        self.total = total
        self.totalLower = totalLower
        self.totalUpper = totalUpper
    }
}
