import Dispatch
import Foundation
import SimKernel
import TwinModels

/// Isolation Forest anomaly detector (Liu, Ting & Zhou, "Isolation Forest", ICDM 2008),
/// following scikit-learn's `sklearn.ensemble.IsolationForest` step for step.
///
/// Fit: `treeCount` trees, each on ψ = min(256, n) rows drawn without replacement, grown
/// with random features and uniform random splits to depth ⌈log₂ ψ⌉ (`IsolationTreeBuilder`).
/// Score: h(x) = depth of x's leaf + c(rows in that leaf) per tree, and
///
///     score(x) = −2^(−E[h(x)] / c(ψ))   in [−1, 0); lower is more abnormal,
///
/// the sign convention of sklearn's `score_samples`. `decision(x) = score(x) − offset`,
/// negative for outliers; `predict` gives −1 (outlier) or +1 (inlier).
///
/// Inputs: a `FeatureMatrix`, one row per sample, any units per column (features should be
/// rates or states, not monotonic counters — docs/model-reference.md §Anomaly detection);
/// values are cast to Float32 as sklearn does. Randomness: tree i draws from its own
/// `RandomStream` seeded with `RandomStreams.seed(masterSeed: seed, name: "isolation-forest/tree/i")`,
/// so the same data, configuration and seed give the same forest and scores bit for bit.
/// The random streams differ from NumPy's, so per-row scores differ from sklearn's while
/// their distribution (and ROC-AUC) agree — see Benchmarks/run-iforest-benchmark.sh.
public struct IsolationForest: Sendable {
    /// The configuration the forest was fitted with.
    public let configuration: IsolationForestConfiguration
    /// The master seed of the trees' streams.
    public let seed: UInt64
    /// Features per sample; scored rows must have the same count.
    public let columnCount: Int
    /// ψ, training rows per tree (sklearn's `max_samples_`).
    public let samplesPerTree: Int
    /// Depth limit ⌈log₂ max(ψ, 2)⌉, edges (8 for ψ = 256).
    public let maxDepth: Int
    /// Decision threshold on `score`: −0.5 for `.auto`, else the training-score percentile.
    public private(set) var offset: Double

    let nodes: IsolationForestNodes
    /// The same trees as complete binary trees, when shallow enough (faster batch scoring).
    let complete: CompleteTreeLayout?
    let roots: [Int32]
    /// Traversal length: the deepest leaf of any tree (leaves loop on themselves).
    let steps: Int
    /// treeCount · c(ψ): E[h] · treeCount divided by this is the exponent of the score.
    let normaliser: Double

    /// Fits a forest to `data`.
    ///
    /// - Parameters:
    ///   - data: training rows (≥ 2); any units.
    ///   - configuration: tree count, subsample size, contamination.
    ///   - seed: master seed of the trees' random streams.
    /// - Throws: `ModelInputError` for an out-of-range configuration or too few rows.
    public init(fitting data: FeatureMatrix, configuration: IsolationForestConfiguration = .init(),
                seed: UInt64) throws(ModelInputError) {
        let psi = try configuration.resolvedSampleSize(rowCount: data.rowCount)
        self.configuration = configuration
        self.seed = seed
        columnCount = data.columnCount
        samplesPerTree = psi
        maxDepth = Int((log2(Double(max(psi, 2)))).rounded(.up))
        var nodes = IsolationForestNodes()
        var roots: [Int32] = []
        roots.reserveCapacity(configuration.treeCount)
        var builder = IsolationTreeBuilder(columns: data.columnCount, sampleSize: psi, maxDepth: maxDepth)
        data.values.withUnsafeBufferPointer { values in
            for tree in 0..<configuration.treeCount {
                var stream = RandomStream(seed: RandomStreams.seed(masterSeed: seed, name: "isolation-forest/tree/\(tree)"))
                let root = builder.grow(data: values, rowCount: data.rowCount, stream: &stream, into: &nodes)
                roots.append(Int32(root))
            }
        }
        self.nodes = nodes
        self.roots = roots
        steps = builder.deepestLeaf
        complete = steps <= CompleteTreeLayout.maximumDepth ? CompleteTreeLayout(nodes: nodes, roots: roots, depth: steps) : nil
        normaliser = Double(configuration.treeCount) * AveragePathLength.c(psi)
        offset = -0.5
        if case .fraction(let p) = configuration.contamination {
            let scores = try scoreSamples(data).sorted()
            let position = p * Double(scores.count - 1)
            let below = Int(position.rounded(.down))
            let above = min(below + 1, scores.count - 1)
            offset = scores[below] + (scores[above] - scores[below]) * (position - Double(below))
        }
    }

    /// Trees in the forest.
    public var treeCount: Int { roots.count }
    /// Nodes over all trees (splits and leaves).
    public var nodeCount: Int { nodes.count }

    /// Anomaly scores of every row, −2^(−E[h]/c(ψ)) in [−1, 0); lower is more abnormal.
    ///
    /// - Parameter threads: worker threads (≥ 1). Each row's score is computed the same way
    ///   whichever thread takes it, so the result is bit-identical for any thread count.
    /// - Throws: `ModelInputError` when `data` has a different column count.
    public func scoreSamples(_ data: FeatureMatrix, threads: Int = 1) throws(ModelInputError) -> [Double] {
        try checkColumns(data.columnCount)
        return [Double](unsafeUninitializedCapacity: data.rowCount) { buffer, initialised in
            scoreRows(data, into: buffer, threads: threads)
            initialised = data.rowCount
        }
    }

    /// `scoreSamples − offset`: negative for outliers.
    public func decisionFunction(_ data: FeatureMatrix, threads: Int = 1) throws(ModelInputError) -> [Double] {
        try scoreSamples(data, threads: threads).map { $0 - offset }
    }

    /// −1 for an outlier (decision < 0), +1 for an inlier, per row.
    public func predict(_ data: FeatureMatrix, threads: Int = 1) throws(ModelInputError) -> [Int] {
        try scoreSamples(data, threads: threads).map { $0 - offset < 0 ? -1 : 1 }
    }

    /// The score of one sample (`columnCount` values, any finite numbers); allocates nothing.
    public func score(sample: UnsafeBufferPointer<Double>) throws(ModelInputError) -> Double {
        try checkColumns(sample.count)
        return -exp2(-(pathLengthSum(sample) / normaliser))
    }

    /// The score of one sample given as an array.
    public func score(sample: [Double]) throws(ModelInputError) -> Double {
        try sample.withUnsafeBufferPointer { (buffer) throws(ModelInputError) -> Double in try score(sample: buffer) }
    }

    /// E[h(x)]: the sample's path length averaged over trees, edges.
    public func meanPathLength(sample: [Double]) throws(ModelInputError) -> Double {
        try checkColumns(sample.count)
        return sample.withUnsafeBufferPointer { pathLengthSum($0) } / Double(treeCount)
    }

    /// `score − offset` of one sample: negative for an outlier.
    public func decision(sample: [Double]) throws(ModelInputError) -> Double {
        try score(sample: sample) - offset
    }

    /// Σ over trees (in tree order, as the batch path sums) of h(x), edges.
    private func pathLengthSum(_ x: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        for root in roots {
            var n = Int(root)
            for _ in 0..<steps {
                let split = nodes.splits[n]
                n = Int(split.child) + (Float(x[Int(split.feature)]) > split.threshold ? 1 : 0)
            }
            sum += nodes.pathLength[n]
        }
        return sum
    }

    private func checkColumns(_ count: Int) throws(ModelInputError) {
        guard count == columnCount else {
            throw ModelInputError(code: .inconsistent, quantity: "isolation forest sample width", value: Double(count),
                                  unit: "features", message: "the forest was fitted on \(columnCount) features, got \(count)")
        }
    }
}
