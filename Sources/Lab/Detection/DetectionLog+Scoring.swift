import Control
import Scenario

extension DetectionLog {
    /// Scores every detector against the ground-truth episodes of each unit, per fault type
    /// and over all faults (`fault_type` "all"), as a `detection/scores` table and headline KPIs.
    ///
    /// Sample-wise (pooled over units): a sample is anomalous when a fault of the row's type is
    /// active at it (onset ≤ t ≤ end); samples under other fault types are left out of that row.
    /// Precision, recall and F1 count alarms; ROC-AUC and average precision rank the scores
    /// (NaN when the row has no anomalous sample). Episode-wise (`EventScoring`): an episode
    /// with at least one sample inside it is detected when an alarm falls in it, with the
    /// delay from its onset; a false alarm is an alarm run starting outside every episode and
    /// the `rearm_after_hours` grace after it, counted per day of such fault-free time (the
    /// same value on every row of a detector). Episodes too short to hold a sample are not counted.
    ///
    /// KPIs per detector: `detection_f1_<d>`, `detection_recall_<d>`, `false_alarms_per_day_<d>`
    /// and, when it caught something, `detection_delay_<d>` (h).
    func score(episodes: [[FaultEpisode]]) throws -> (table: ResultTable, kpis: [RunKPI]) {
        let types = Array(Set(episodes.joined().map(\.faultType))).sorted()
        // The active fault type of every sample: the first episode that covers it, painted in
        // reverse so earlier episodes win; binary searches keep a year of dropouts cheap.
        // Codes: the index into `types`, −1 for none (integers compare faster than strings).
        var labels: [[Int]] = times.map { Array(repeating: -1, count: $0.count) }
        var observable: [[FaultEpisode]] = Array(repeating: [], count: times.count)
        for unit in times.indices {
            for episode in episodes[unit].reversed() {
                let code = types.firstIndex(of: episode.faultType) ?? -1
                let range = Self.samples(in: episode, times: times[unit])
                for i in range { labels[unit][i] = code }
            }
            observable[unit] = episodes[unit].filter { !Self.samples(in: $0, times: times[unit]).isEmpty }
        }
        var values: [Double] = []
        var kpis: [RunKPI] = []
        let grace = spec.rearmAfterHours * 3600
        for (d, name) in DetectionSpec.detectorNames.enumerated() {
            var outcomes: [EventScore.Outcome] = []
            var falseAlarms = 0, faultFree = 0.0
            for unit in times.indices where !times[unit].isEmpty {
                let events = try EventScoring.evaluate(alarms: alarms[unit][d], times: times[unit],
                                                       episodes: observable[unit], grace: grace)
                outcomes += events.outcomes
                falseAlarms += events.falseAlarms
                faultFree += events.faultFreeSeconds
            }
            let perDay = faultFree > 0 ? Double(falseAlarms) / (faultFree / 86_400) : 0
            // One sort per detector; each row ranks its subset in that order.
            var pooled: [(score: Double, code: Int)] = []
            for unit in times.indices {
                for (score, code) in zip(scores[unit][d], labels[unit]) { pooled.append((score, code)) }
            }
            pooled.sort { $0.score > $1.score }
            for (row, type) in (types + ["all"]).enumerated() {
                var rowLabels: [Bool] = [], rowAlarms: [Bool] = []
                for unit in times.indices {
                    let codes = labels[unit], unitAlarms = alarms[unit][d]
                    for i in codes.indices where codes[i] < 0 || row == types.count || codes[i] == row {
                        rowAlarms.append(unitAlarms[i])
                        rowLabels.append(codes[i] >= 0)
                    }
                }
                let counts = try ConfusionCounts(alarms: rowAlarms, labels: rowLabels)
                var sortedScores: [Double] = [], sortedLabels: [Bool] = []
                for (score, code) in pooled where code < 0 || row == types.count || code == row {
                    sortedScores.append(score)
                    sortedLabels.append(code >= 0)
                }
                let ranking = try RankingMetrics.rocAUCAndAveragePrecision(descendingScores: sortedScores,
                                                                           labels: sortedLabels)
                let caught = outcomes.filter { type == "all" || $0.episode.faultType == type }
                let delays = caught.compactMap(\.delay)
                let meanDelay = delays.isEmpty ? Double.nan : delays.reduce(0, +) / Double(delays.count) / 3600
                values += [Double(d), Double(row), Double(rowLabels.count),
                           Double(counts.truePositives + counts.falseNegatives), Double(counts.truePositives),
                           Double(counts.falsePositives), counts.precision, counts.recall, counts.f1,
                           ranking?.rocAUC ?? .nan, ranking?.averagePrecision ?? .nan, Double(caught.count),
                           Double(delays.count), meanDelay, perDay]
                if type == "all" {
                    kpis.append(RunKPI(name: "detection_f1_\(name)", value: counts.f1, unit: "fraction"))
                    kpis.append(RunKPI(name: "detection_recall_\(name)", value: counts.recall, unit: "fraction"))
                    kpis.append(RunKPI(name: "false_alarms_per_day_\(name)", value: perDay, unit: "1/d"))
                    if !delays.isEmpty { kpis.append(RunKPI(name: "detection_delay_\(name)", value: meanDelay, unit: "h")) }
                }
            }
        }
        let table = ResultTable(
            group: "detection", name: "scores",
            columns: ["detector", "fault_type", "samples", "anomalous", "true_positives", "false_positives", "precision",
                      "recall", "f1", "roc_auc", "average_precision", "episodes", "detected", "mean_delay",
                      "false_alarms_per_day"],
            units: ["index", "index", "count", "count", "count", "count", "fraction", "fraction", "fraction", "fraction",
                    "fraction", "count", "count", "h", "1/d"],
            values: values,
            names: [("detectors", DetectionSpec.detectorNames), ("fault_types", types + ["all"]), ("signals", signals),
                    ("sample_minutes", [String(spec.sampleMinutes)])])
        return (table, kpis)
    }

    /// Indices of the samples inside [onset, end] (times increasing).
    static func samples(in episode: FaultEpisode, times: [Double]) -> Range<Int> {
        func first(_ isAfter: (Double) -> Bool) -> Int {
            var lo = 0, hi = times.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if isAfter(times[mid]) { hi = mid } else { lo = mid + 1 }
            }
            return lo
        }
        let start = first { $0 >= episode.onset }
        return start..<max(start, first { $0 > episode.end })
    }
}
