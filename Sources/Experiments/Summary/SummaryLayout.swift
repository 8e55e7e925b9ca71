/// What an experiment summary is over: variants, baseline, responses, seeds and, for Sobol designs, factors.
///
/// The plain-data form of an experiment plan, so the statistics need nothing from the
/// scenario machinery; `ExperimentSummary.make(plan:observations:)` builds it from a plan.
public struct SummaryLayout: Sendable, Equatable {
    /// The experiment's id.
    public var experiment: String
    /// Variant names in plan order (design points "p0", "p1", … in point order).
    public var variants: [String]
    /// The variant the others are compared with (nil: no baseline comparisons).
    public var baseline: String?
    /// Response (KPI) names in file order.
    public var responses: [String]
    /// The seeds every variant runs (common random numbers).
    public var seeds: [UInt64]
    /// Directions stated in the experiment file; other responses use `ResponseDirection.standard(for:)`.
    public var directions: [String: ResponseDirection]
    /// Factor values of design points, by variant name (empty for named variants).
    public var factorValues: [String: [String: Double]]
    /// The Saltelli layout of a `sobol` design (nil for other designs).
    public var sobol: SobolLayout?
    /// Confidence level of every interval and of the subset selection.
    public var level: Double
    /// Bootstrap resamples of the Sobol base rows.
    public var bootstrapResamples: Int
    /// Seed of the bootstrap generator.
    public var bootstrapSeed: UInt64

    public init(experiment: String, variants: [String], baseline: String? = nil, responses: [String],
                seeds: [UInt64], directions: [String: ResponseDirection] = [:],
                factorValues: [String: [String: Double]] = [:], sobol: SobolLayout? = nil,
                level: Double = 0.95, bootstrapResamples: Int = 1000, bootstrapSeed: UInt64 = 1) {
        self.experiment = experiment
        self.variants = variants
        self.baseline = baseline
        self.responses = responses
        self.seeds = seeds
        self.directions = directions
        self.factorValues = factorValues
        self.sobol = sobol
        self.level = level
        self.bootstrapResamples = bootstrapResamples
        self.bootstrapSeed = bootstrapSeed
    }

    /// Throws `SummaryError.invalidLayout` naming the first contradiction.
    public func validate() throws {
        func fail(_ message: String) -> SummaryError { SummaryError(.invalidLayout, "experiment \(experiment): \(message)") }
        if let duplicate = Self.firstDuplicate(variants) { throw fail("variant \"\(duplicate)\" appears twice") }
        if let duplicate = Self.firstDuplicate(responses) { throw fail("response \"\(duplicate)\" appears twice") }
        if let duplicate = Self.firstDuplicate(seeds) { throw fail("seed \(duplicate) appears twice") }
        if variants.isEmpty { throw fail("no variants") }
        if responses.isEmpty { throw fail("no responses") }
        if let baseline, !variants.contains(baseline) {
            throw fail("baseline \"\(baseline)\" is not one of the variants (\(variants.prefix(5).joined(separator: ", ")))")
        }
        if let stray = directions.keys.sorted().first(where: { !responses.contains($0) }) {
            throw fail("a direction is given for \"\(stray)\", which is not a response")
        }
        guard level > 0, level < 1 else { throw fail("confidence level \(level) is not in (0, 1)") }
        guard bootstrapResamples >= 0 else { throw fail("bootstrap resamples \(bootstrapResamples) is negative") }
        if let sobol {
            if sobol.factors.isEmpty { throw fail("a Sobol design needs at least one factor") }
            if let duplicate = Self.firstDuplicate(sobol.factors) { throw fail("factor \"\(duplicate)\" appears twice") }
            let expected = sobol.baseSamples * (sobol.factors.count + 2)
            guard sobol.baseSamples >= 1, variants.count == expected else {
                throw fail("a Sobol design with \(sobol.factors.count) factors and N = \(sobol.baseSamples) has "
                            + "N·(k + 2) = \(expected) points, but the layout has \(variants.count) variants")
            }
        }
    }

    private static func firstDuplicate<T: Hashable>(_ values: [T]) -> T? {
        var seen = Set<T>()
        return values.first { !seen.insert($0).inserted }
    }
}

/// The Saltelli (2010) layout of a `sobol` design: k factors, N base rows.
///
/// Design point p = j·(k + 2) + m is row j of A (m = 0), of B (m = 1) or of AB_i (m = 2 + i,
/// A with column i from B).
public struct SobolLayout: Sendable, Equatable {
    /// The numeric factors in design order.
    public var factors: [String]
    /// N, the number of base rows.
    public var baseSamples: Int

    public init(factors: [String], baseSamples: Int) {
        self.factors = factors
        self.baseSamples = baseSamples
    }
}
