/// Every metric of a set of replications: its values in seed order and a confidence interval.
public struct ReplicationSummary: Sendable, Equatable, Codable {
    /// One metric across replications.
    public struct Metric: Sendable, Equatable, Codable {
        /// The metric's name as reported.
        public let name: String
        /// The seeds of the runs that reported it, in seed order.
        public let seeds: [UInt64]
        /// The values, aligned with `seeds` (a NaN value needs a non-conforming-float strategy
        /// to be JSON-encoded).
        public let values: [Double]
        /// The t-interval for the mean of `values`.
        public let interval: ConfidenceInterval

        /// Count, mean, variance, min and max of `values`.
        public var tally: Tally { Tally(values) }

        /// Bitwise equality of the values, so NaN results still compare equal across reruns.
        public static func == (a: Metric, b: Metric) -> Bool {
            a.name == b.name && a.seeds == b.seeds && a.interval == b.interval
                && a.values.map(\.bitPattern) == b.values.map(\.bitPattern)
        }
    }

    /// The seeds, in the order given.
    public let seeds: [UInt64]
    /// The confidence level of every interval.
    public let level: Double
    /// The metrics in first-seen order.
    public let metrics: [Metric]

    /// Builds the summary from one metric list per seed (`runs[i]` from `seeds[i]`).
    public init(seeds: [UInt64], runs: [[ReplicationMetric]], level: Double = 0.95) throws {
        guard runs.count == seeds.count else {
            throw ReplicationError(code: .countMismatch, seed: nil, index: nil,
                                   message: "\(runs.count) result lists for \(seeds.count) seeds")
        }
        var names: [String] = []
        var slot: [String: Int] = [:]  // lookup only; order comes from `names`
        var collectedSeeds: [[UInt64]] = []
        var collectedValues: [[Double]] = []
        for (index, (seed, run)) in zip(seeds, runs).enumerated() {
            var seen: Set<String> = []
            for metric in run {
                guard seen.insert(metric.name).inserted else {
                    throw ReplicationError(
                        code: .duplicateMetric, seed: seed, index: index,
                        message: "replication with seed \(seed) (#\(index)) reported metric '\(metric.name)' twice")
                }
                let i: Int
                if let existing = slot[metric.name] {
                    i = existing
                } else {
                    i = names.count
                    slot[metric.name] = i
                    names.append(metric.name)
                    collectedSeeds.append([])
                    collectedValues.append([])
                }
                collectedSeeds[i].append(seed)
                collectedValues[i].append(metric.value)
            }
        }
        self.seeds = seeds
        self.level = level
        metrics = names.indices.map { i in
            Metric(name: names[i], seeds: collectedSeeds[i], values: collectedValues[i],
                   interval: ConfidenceInterval(samples: collectedValues[i], level: level))
        }
    }

    /// The metric called `name`, if any run reported it.
    public subscript(name: String) -> Metric? {
        metrics.first { $0.name == name }
    }
}
