import Foundation

/// Whether an experiment has enough replications for a stated relative precision, and if not how many it needs.
///
/// The rule {relative half-width r, maximum replications M} is met when, for every response and
/// every variant, the t-interval's half-width h is at most r·|X̄|. Otherwise the runner adds seeds
/// (common to all variants) up to the recommended total and asks again — the sequential
/// procedure of Law, *Simulation Modeling and Analysis*, 5th ed., 2015, §9.4.1 ("obtaining a
/// specified precision"). For a cell with n observations, standard deviation S and mean X̄ the
/// number needed is Law's approximation
///
///     n* = min { i ≥ n : t₁₋α/₂,ᵢ₋₁ · S / √i ≤ r·|X̄| }
///
/// (close to n·(h / (r·|X̄|))², but with the t quantile of i − 1 degrees of freedom). The
/// recommendation is the planned seed count plus the largest shortfall n* − n over all cells,
/// capped at M. A cell with fewer than two observations asks for two; a zero mean with spread
/// can never be met and asks for M. Pure: it reads the summary and decides nothing else.
public struct SequentialDecision: Sendable, Codable, Equatable {
    /// r, the largest acceptable half-width as a fraction of |mean|.
    public var relativeHalfWidth: Double
    /// M, the most seeds per variant the rule allows.
    public var maxReplications: Int
    /// Seeds planned so far.
    public var replications: Int
    /// Whether every response's half-width is within r·|mean| for every variant.
    public var satisfied: Bool
    /// Seeds per variant to plan in total (≥ `replications`, ≤ M unless already above it).
    public var recommendedReplications: Int
    /// recommendedReplications − replications: the seeds to add now (0 when satisfied or at M).
    public var additionalReplications: Int
    /// Whether some cell needs more than M seeds: the rule cannot be met within its budget.
    public var limitedByMaximum: Bool
    /// The cells that miss the target, response-major in summary order.
    public var shortfalls: [Shortfall]

    /// One (response, variant) whose interval is still too wide.
    public struct Shortfall: Sendable, Codable, Equatable {
        public var response: String
        public var variant: String
        public var n: Int
        /// Current half-width (nil below two observations).
        public var halfWidth: Double?
        /// r·|mean| (nil without observations).
        public var target: Double?
        /// Observations Law's formula asks for (nil when unreachable within M).
        public var neededObservations: Int?
    }

    /// The decision for `summary` under the rule (r > 0, M ≥ 1); throws `SummaryError.invalidRule` otherwise.
    public static func decide(_ summary: ExperimentSummary, relativeHalfWidth r: Double,
                              maxReplications m: Int) throws -> SequentialDecision {
        guard r > 0, r.isFinite else {
            throw SummaryError(.invalidRule, "sequential rule: relative_half_width \(r) must be a positive number, e.g. 0.05")
        }
        guard m >= 1 else {
            throw SummaryError(.invalidRule, "sequential rule: max_replications \(m) must be at least 1")
        }
        let planned = summary.seeds.count
        // Runs a cell lacks (failed or missing) stay lacking, so the extra observations it needs
        // are extra seeds; the search stops where the total would pass M.
        var recommended = planned, limited = false
        var shortfalls: [Shortfall] = []
        var quantiles: [Int: Double] = [:]
        func t(_ degreesOfFreedom: Int) -> Double {
            if let q = quantiles[degreesOfFreedom] { return q }
            let q = StudentT.twoSided(level: summary.confidenceLevel, degreesOfFreedom: Double(degreesOfFreedom))
            quantiles[degreesOfFreedom] = q
            return q
        }
        for response in summary.responses {
            for variant in response.variants {
                let s = variant.statistics
                let target = s.mean.map { r * abs($0) }
                if let h = s.halfWidth, let target, h <= target { continue }
                let limit = s.n + max(m - planned, 0)
                var needed: Int?
                if s.n < 2 {
                    needed = 2
                } else if let sd = s.standardDeviation, let target, target > 0 {
                    needed = (s.n...max(limit, s.n)).first { t($0 - 1) * sd / Double($0).squareRoot() <= target }
                }
                if let needed, needed <= limit {
                    recommended = max(recommended, planned + needed - s.n)
                } else {
                    limited = true
                    recommended = max(recommended, m)
                }
                shortfalls.append(Shortfall(response: response.name, variant: variant.variant, n: s.n,
                                            halfWidth: s.halfWidth, target: target,
                                            neededObservations: needed.flatMap { $0 <= limit ? $0 : nil }))
            }
        }
        return SequentialDecision(relativeHalfWidth: r, maxReplications: m, replications: planned,
                                  satisfied: shortfalls.isEmpty, recommendedReplications: recommended,
                                  additionalReplications: recommended - planned, limitedByMaximum: limited,
                                  shortfalls: shortfalls)
    }
}
