/// Everything the summary says about one response: per-variant statistics, the best variant, Sobol indices.
public struct ResponseSummary: Sendable, Codable, Equatable {
    /// The KPI name.
    public var name: String
    /// Its unit, as the runs reported it ("" when no run reported it).
    public var unit: String
    /// Whether larger or smaller is better.
    public var direction: ResponseDirection
    /// Where the direction came from.
    public var directionSource: ResponseDirection.Source
    /// One entry per variant, in plan order.
    public var variants: [VariantSummary]
    /// The best variant and the subset that cannot be told apart from it (nil without observations).
    public var selection: SubsetSelection?
    /// First-order and total indices, for `sobol` designs.
    public var sobol: SobolAnalysis?
}

/// One variant's statistics for one response, and its comparison with the baseline.
public struct VariantSummary: Sendable, Codable, Equatable {
    public var variant: String
    /// Factor values of a design point (nil for named variants).
    public var factors: [String: Double]?
    /// Planned seeds without an observation (failed or not yet run).
    public var missing: Int
    /// Observations left out because they were NaN or infinite.
    public var nonFinite: Int
    /// Mean, standard deviation and t-interval over the seeds.
    public var statistics: SampleStatistics
    /// Difference from the baseline (nil for the baseline itself and without a baseline).
    public var versusBaseline: BaselineComparison?
    /// Whether the subset selection keeps this variant (nil when no subset could be formed).
    public var inSubset: Bool?
}

/// A variant minus the baseline: the paired interval (same seeds) and the unpaired Welch one.
///
/// Paired: the t-interval of the differences X_v,s − X_base,s over the seeds both completed
/// (Law, *Simulation Modeling and Analysis*, 5th ed., 2015, §10.2.1); with common random numbers
/// the differences vary less than either variant, so this interval is the tighter one.
public struct BaselineComparison: Sendable, Codable, Equatable {
    /// Statistics of the per-seed differences.
    public var paired: SampleStatistics
    /// The Welch interval of the difference of the means, ignoring the pairing.
    public var unpaired: WelchInterval
}
