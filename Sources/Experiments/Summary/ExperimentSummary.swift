import Foundation

/// The statistics of a finished experiment: what `summary.json` and `summary.csv` hold.
///
/// Per response and variant: mean, standard deviation and 95 % t-interval over the seeds;
/// paired and unpaired differences from the baseline; the best variant and the subset that
/// cannot be told apart from it; for Sobol designs the first-order and total indices. Every
/// formula and its source is in docs/experiments.md, "Statistics".
///
/// Deterministic: the statistics run over seeds in ascending order and variants in plan order,
/// whatever order the observations arrive in, and `json()` writes sorted keys, so equal inputs
/// give identical bytes.
public struct ExperimentSummary: Sendable, Codable, Equatable {
    /// The file format's name and version.
    public static let schemaName = "twinlab/experiment-summary@1"

    public var schema: String
    /// The experiment's id.
    public var experiment: String
    /// Confidence level of every interval and of the subset selection.
    public var confidenceLevel: Double
    /// The variant differences are taken against (nil: none).
    public var baseline: String?
    /// The planned seeds, ascending.
    public var seeds: [UInt64]
    /// One entry per response, in file order.
    public var responses: [ResponseSummary]

    /// The summary of `observations` over `layout`.
    ///
    /// Throws `SummaryError` for a contradictory layout, an observation of an unknown variant,
    /// response or seed (or a design point index other than its variant's place in the plan), two observations
    /// of one variant, seed and response, and a response reported in two units. Missing runs
    /// are allowed: every statistic uses the seeds it has, and counts the rest as missing.
    public static func make(layout: SummaryLayout, observations: [ResponseObservation]) throws -> ExperimentSummary {
        try layout.validate()
        let seeds = layout.seeds.sorted()
        let variantIndex = Dictionary(uniqueKeysWithValues: layout.variants.enumerated().map { ($1, $0) })
        let responseIndex = Dictionary(uniqueKeysWithValues: layout.responses.enumerated().map { ($1, $0) })
        let seedIndex = Dictionary(uniqueKeysWithValues: seeds.enumerated().map { ($1, $0) })
        let (V, S) = (layout.variants.count, seeds.count)

        var tables = layout.responses.map { _ in ResponseTable(variants: V, seeds: S) }
        var observed = [Bool](repeating: false, count: layout.responses.count * V * S)
        var nonFinite = [Int](repeating: 0, count: layout.responses.count * V)
        var units = layout.responses.map { _ in Set<String>() }
        for observation in observations {
            guard let v = variantIndex[observation.variant] else {
                throw SummaryError(.unknownObservation, "experiment \(layout.experiment): an observation names variant "
                                    + "\"\(observation.variant)\", which the plan does not have")
            }
            guard let r = responseIndex[observation.response] else {
                throw SummaryError(.unknownObservation, "experiment \(layout.experiment): an observation of variant "
                                    + "\"\(observation.variant)\" names response \"\(observation.response)\", which is "
                                    + "not one of \(layout.responses.joined(separator: ", "))")
            }
            guard let s = seedIndex[observation.seed] else {
                throw SummaryError(.unknownObservation, "experiment \(layout.experiment): an observation of variant "
                                    + "\"\(observation.variant)\" has seed \(observation.seed), which is not a planned seed")
            }
            if let point = observation.point, point != v {
                throw SummaryError(.unknownObservation, "experiment \(layout.experiment): variant \"\(observation.variant)\" "
                                    + "is design point \(v) of the plan, but an observation says point \(point)")
            }
            let cell = (r * V + v) * S + s
            guard !observed[cell] else {
                throw SummaryError(.duplicateObservation, "experiment \(layout.experiment): two observations of "
                                    + "\"\(observation.response)\" for variant \"\(observation.variant)\" and seed "
                                    + "\(observation.seed); each run reports a response once")
            }
            observed[cell] = true
            units[r].insert(observation.unit)
            if observation.value.isFinite {
                tables[r][v, s] = observation.value
            } else {
                nonFinite[r * V + v] += 1
            }
        }

        var responses: [ResponseSummary] = []
        for (r, name) in layout.responses.enumerated() {
            guard units[r].count <= 1 else {
                throw SummaryError(.conflictingUnits, "experiment \(layout.experiment): response \"\(name)\" was "
                                    + "reported in different units (\(units[r].sorted().joined(separator: ", "))); "
                                    + "runs of one experiment must agree on a KPI's unit")
            }
            let counts = (0..<V).map { v in (0..<S).reduce(0) { $0 + (observed[(r * V + v) * S + $1] ? 1 : 0) } }
            responses.append(summarise(response: name, unit: units[r].first ?? "", table: tables[r], layout: layout,
                                       observedCounts: counts, nonFinite: Array(nonFinite[r * V ..< (r + 1) * V])))
        }
        return ExperimentSummary(schema: schemaName, experiment: layout.experiment, confidenceLevel: layout.level,
                                 baseline: layout.baseline, seeds: seeds, responses: responses)
    }

    /// One response's part of the summary.
    private static func summarise(response name: String, unit: String, table: ResponseTable, layout: SummaryLayout,
                                  observedCounts: [Int], nonFinite: [Int]) -> ResponseSummary {
        let (direction, source): (ResponseDirection, ResponseDirection.Source) =
            layout.directions[name].map { ($0, .spec) } ?? ResponseDirection.standard(for: name)
        let level = layout.level
        let statistics = (0..<table.variantCount).map { SampleStatistics(table.row($0), level: level) }
        let baseline = layout.baseline.flatMap { layout.variants.firstIndex(of: $0) }
        let selection = SubsetSelection.select(table, statistics: statistics, names: layout.variants,
                                               direction: direction, level: level)
        let subset = selection?.subset.map(Set.init)

        var variants: [VariantSummary] = []
        variants.reserveCapacity(table.variantCount)
        for (v, variant) in layout.variants.enumerated() {
            var comparison: BaselineComparison?
            if let baseline, baseline != v {
                comparison = BaselineComparison(
                    paired: SampleStatistics(table.pairedDifferences(v, minus: baseline), level: level),
                    unpaired: WelchInterval(statistics[v], minus: statistics[baseline], level: level))
            }
            variants.append(VariantSummary(variant: variant, factors: layout.factorValues[variant],
                                           missing: table.seedCount - observedCounts[v], nonFinite: nonFinite[v],
                                           statistics: statistics[v], versusBaseline: comparison,
                                           inSubset: subset.map { $0.contains(variant) }))
        }
        return ResponseSummary(name: name, unit: unit, direction: direction, directionSource: source,
                               variants: variants, selection: selection,
                               sobol: layout.sobol.map { sobolAnalysis($0, statistics: statistics, layout: layout) })
    }

    /// The Sobol indices over the design points' means across seeds; a base row with a point
    /// that has no observation is left out whole.
    private static func sobolAnalysis(_ sobol: SobolLayout, statistics: [SampleStatistics],
                                      layout: SummaryLayout) -> SobolAnalysis {
        let k = sobol.factors.count
        var a: [Double] = [], b: [Double] = [], ab = Array(repeating: [Double](), count: k)
        for j in 0..<sobol.baseSamples {
            let means = (0..<(k + 2)).compactMap { statistics[j * (k + 2) + $0].mean }
            guard means.count == k + 2 else { continue }
            a.append(means[0])
            b.append(means[1])
            for i in 0..<k { ab[i].append(means[2 + i]) }
        }
        return SobolEstimator.analyze(factors: sobol.factors, a: a, b: b, ab: ab, level: layout.level,
                                      resamples: layout.bootstrapResamples, seed: layout.bootstrapSeed)
    }
}
