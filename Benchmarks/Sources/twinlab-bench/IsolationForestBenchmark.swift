import Control
import Foundation

/// Isolation Forest fit + score on a raw float64 table written by `iforest_sklearn.py generate`,
/// timed like scikit-learn's side (`iforest_sklearn.py run`): fit, then `score_samples` on
/// the same rows; ROC-AUC and average precision against the labels with TwinLab's own
/// `RankingMetrics`. `--scores-out` writes the scores so Python can recompute both metrics
/// with sklearn as a cross-check of `RankingMetrics`. `--seeds K` (K > 1) adds the ROC-AUC of
/// K further forests (seeds S+1 … S+K), since one forest's AUC varies with its seed.
enum IsolationForestBenchmark {
    static func run(_ args: Arguments) throws -> JSONValue {
        guard let path = args.data else { throw UsageError("iforest needs --data PATH (little-endian float64, row-major)") }
        let values = try readArray(path, as: Double.self)
        let data = try FeatureMatrix(values: values, columnCount: args.columns)
        let labels = try args.labels.map { try readArray($0, as: UInt8.self).map { $0 != 0 } }
        if let labels, labels.count != data.rowCount {
            throw UsageError("\(labels.count) labels for \(data.rowCount) rows")
        }
        let configuration = IsolationForestConfiguration(treeCount: args.trees)

        var fitSeconds: [Double] = [], scoreSeconds: [Double] = []
        var forest: IsolationForest?
        var scores: [Double] = []
        for _ in 0..<args.runs {
            let fitStart = ContinuousClock.now
            let fitted = try IsolationForest(fitting: data, configuration: configuration, seed: args.seed)
            let fitEnd = ContinuousClock.now
            scores = try fitted.scoreSamples(data, threads: 1)
            let scoreEnd = ContinuousClock.now
            fitSeconds.append(seconds(fitEnd - fitStart))
            scoreSeconds.append(seconds(scoreEnd - fitEnd))
            forest = fitted
        }
        guard let forest else { throw UsageError("--runs must be ≥ 1") }
        let totals = zip(fitSeconds, scoreSeconds).map { $0 + $1 }

        var fields: [(String, JSONValue)] = [
            ("benchmark", .string("iforest")),
            ("rows", .int(data.rowCount)), ("columns", .int(data.columnCount)),
            ("trees", .int(forest.treeCount)), ("samples_per_tree", .int(forest.samplesPerTree)),
            ("max_depth", .int(forest.maxDepth)), ("nodes", .int(forest.nodeCount)),
            ("offset", .number(forest.offset)), ("seed", .uint(args.seed)),
            ("fit_seconds_all", .array(fitSeconds.map { .number($0) })),
            ("score_seconds_all", .array(scoreSeconds.map { .number($0) })),
            ("fit_seconds_median", .number(Measurement<Int>.median(fitSeconds))),
            ("score_seconds_median", .number(Measurement<Int>.median(scoreSeconds))),
            ("total_seconds_median", .number(Measurement<Int>.median(totals))),
            ("total_seconds_min", .number(totals.min() ?? .nan)),
            ("outliers_predicted", .int(scores.filter { $0 < forest.offset }.count)),
        ]
        if args.threads > 1 {
            let start = ContinuousClock.now
            let parallel = try forest.scoreSamples(data, threads: args.threads)
            fields.append(("score_seconds_threads", .number(seconds(ContinuousClock.now - start))))
            fields.append(("threads", .int(args.threads)))
            fields.append(("identical_across_threads", .bool(parallel == scores)))
        }
        if let labels {
            let anomaly = scores.map { -$0 }
            fields.append(("roc_auc", .number(try RankingMetrics.rocAUC(scores: anomaly, labels: labels))))
            fields.append(("average_precision", .number(try RankingMetrics.averagePrecision(scores: anomaly, labels: labels))))
            fields.append(("anomaly_rate", .number(Double(labels.filter { $0 }.count) / Double(labels.count))))
            var bySeed: [JSONValue] = []
            for offset in 1..<max(args.seeds + 1, 2) where args.seeds > 1 {
                let other = try IsolationForest(fitting: data, configuration: configuration, seed: args.seed + UInt64(offset))
                let s = try other.scoreSamples(data).map { -$0 }
                bySeed.append(.number(try RankingMetrics.rocAUC(scores: s, labels: labels)))
            }
            fields.append(("roc_auc_by_seed", .array(bySeed)))
        }
        let sorted = scores.sorted()
        fields.append(("score_quantiles", .object([0.001, 0.01, 0.5, 0.99].map { q in
            ("\(q)", .number(sorted[Int(q * Double(sorted.count - 1))]))
        })))
        if let out = args.scoresOut {
            try scores.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: out)) }
        }
        return .object(fields)
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// The file's bytes as little-endian values of `T` (this benchmark runs on x86-64/arm64).
    private static func readArray<T>(_ path: String, as: T.Type) throws -> [T] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        guard bytes.count % MemoryLayout<T>.stride == 0 else {
            throw UsageError("\(path): \(bytes.count) bytes is not a whole number of \(T.self) values")
        }
        return bytes.withUnsafeBytes { Array($0.bindMemory(to: T.self)) }
    }
}
