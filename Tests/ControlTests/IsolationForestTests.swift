@testable import Control
import Foundation
import Testing
import TwinModels

@Suite("Isolation Forest")
struct IsolationForestTests {
    /// `normal` rows N(0, 1)³ followed by `outliers` rows N(6, 0.5)³; labels true for outliers.
    static func cluster(seed: UInt64, normal: Int = 3_000, outliers: Int = 30) throws -> (FeatureMatrix, [Bool]) {
        var g = GaussianSequence(seed: seed)
        var values: [Double] = []
        for _ in 0..<normal { for _ in 0..<3 { values.append(g.next()) } }
        for _ in 0..<outliers { for _ in 0..<3 { values.append(g.next(mean: 6, sd: 0.5)) } }
        return (try FeatureMatrix(values: values, columnCount: 3),
                Array(repeating: false, count: normal) + Array(repeating: true, count: outliers))
    }

    @Test("ψ = min(256, n), depth limit ⌈log₂ ψ⌉, and every tree's leaves hold its ψ rows")
    func shape() throws {
        let (data, _) = try Self.cluster(seed: 1)
        let forest = try IsolationForest(fitting: data, seed: 7)
        #expect(forest.samplesPerTree == 256 && forest.maxDepth == 8 && forest.treeCount == 100)
        #expect(forest.offset == -0.5)
        let small = try IsolationForest(fitting: try FeatureMatrix(values: (0..<100).map(Double.init), columnCount: 1), seed: 7)
        #expect(small.samplesPerTree == 100 && small.maxDepth == 7)
        // Trees are stored one after another; in each, the leaves partition the ψ subsample rows,
        // no leaf is deeper than 8, and a split's children hold its rows between them.
        let nodes = forest.nodes
        let ends = forest.roots.dropFirst().map(Int.init) + [nodes.count]
        for (root, end) in zip(forest.roots.map(Int.init), ends) {
            let range = root..<end
            #expect(range.count <= 2 * 256 - 1)
            let leaves = range.filter { nodes.isLeaf($0) }
            #expect(leaves.map { Int(nodes.size[$0]) }.reduce(0, +) == 256)
            #expect(leaves.allSatisfy { nodes.pathLength[$0] - AveragePathLength.c(Int(nodes.size[$0])) <= 8 + 1e-12 })
            for k in range where !nodes.isLeaf(k) {
                let left = Int(nodes.splits[k].child)
                #expect(nodes.size[left] + nodes.size[left + 1] == nodes.size[k])
                #expect(nodes.size[left] > 0 && nodes.size[left + 1] > 0)
            }
        }
    }

    @Test("same seed, same forest and scores; another seed, other scores")
    func determinism() throws {
        let (data, _) = try Self.cluster(seed: 2)
        let a = try IsolationForest(fitting: data, seed: 11).scoreSamples(data)
        let b = try IsolationForest(fitting: data, seed: 11).scoreSamples(data)
        let c = try IsolationForest(fitting: data, seed: 12).scoreSamples(data)
        #expect(a == b)
        #expect(a != c)
        #expect(a.allSatisfy { $0 < 0 && $0 >= -1 })
    }

    @Test("scores are bit-identical for any thread count and for one-sample scoring")
    func threadsAndSingleSample() throws {
        let (data, _) = try Self.cluster(seed: 3, normal: 5_000)
        let forest = try IsolationForest(fitting: data, seed: 5)
        let one = try forest.scoreSamples(data, threads: 1)
        #expect(try forest.scoreSamples(data, threads: 2) == one)
        #expect(try forest.scoreSamples(data, threads: 3) == one)
        for row in [0, 1, 2_500, data.rowCount - 1] {
            let sample = Array(data.values[(row * 3)..<(row * 3 + 3)])
            #expect(try forest.score(sample: sample) == one[row])
            #expect(try forest.decision(sample: sample) == one[row] + 0.5)
            let h = try forest.meanPathLength(sample: sample)
            #expect(abs(-pow(2, -h / AveragePathLength.c(256)) - one[row]) < 1e-12)
        }
    }

    @Test("deep trees (ψ = 5000, depth 13) score through the explicit layout, identically to one-sample scoring")
    func deepForest() throws {
        let (data, labels) = try Self.cluster(seed: 9, normal: 6_000, outliers: 60)
        let forest = try IsolationForest(fitting: data, configuration: .init(treeCount: 20, sampleSize: .count(5_000)), seed: 3)
        #expect(forest.maxDepth == 13 && forest.complete == nil)
        let batch = try forest.scoreSamples(data, threads: 2)
        for row in stride(from: 0, to: data.rowCount, by: 397) {
            #expect(try forest.score(sample: Array(data.values[(row * 3)..<(row * 3 + 3)])) == batch[row])
        }
        #expect(try RankingMetrics.rocAUC(scores: batch.map { -$0 }, labels: labels) > 0.99)
        let shallow = try IsolationForest(fitting: data, configuration: .init(treeCount: 20), seed: 3)
        #expect(shallow.complete?.depth == 8)
    }

    @Test("separates an outlier cluster: ROC-AUC > 0.99, outliers isolated in fewer splits")
    func separates() throws {
        let (data, labels) = try Self.cluster(seed: 4)
        let forest = try IsolationForest(fitting: data, seed: 21)
        let scores = try forest.scoreSamples(data)
        let auc = try RankingMetrics.rocAUC(scores: scores.map { -$0 }, labels: labels)
        #expect(auc > 0.99)
        let outlierMean = zip(scores, labels).filter(\.1).map(\.0).reduce(0, +) / 30
        #expect(outlierMean < -0.6)
        #expect(try forest.predict(data).enumerated().filter { labels[$0.offset] }.allSatisfy { $0.element == -1 })
    }

    @Test("constant data: every tree is one leaf of ψ rows, so E[h] = c(ψ) and every score is −0.5")
    func constantData() throws {
        let data = try FeatureMatrix(values: Array(repeating: 3.0, count: 2 * 500), columnCount: 2)
        let forest = try IsolationForest(fitting: data, configuration: .init(treeCount: 10), seed: 1)
        #expect(forest.nodeCount == 10)
        #expect(try forest.scoreSamples(data).allSatisfy { abs($0 + 0.5) < 1e-15 })
        #expect(try forest.score(sample: [100, -100]) == -0.5)
    }

    @Test("contamination p flags about a share p of the training rows")
    func contamination() throws {
        let (data, _) = try Self.cluster(seed: 6, normal: 4_000, outliers: 0)
        for p in [0.01, 0.05, 0.2] {
            let forest = try IsolationForest(fitting: data, configuration: .init(contamination: .fraction(p)), seed: 9)
            let flagged = try forest.predict(data).filter { $0 == -1 }.count
            // Below the p-th percentile (linear interpolation): ⌈p(n−1)⌉ rows at most, ties aside.
            #expect(abs(Double(flagged) - p * 4_000) <= 2, "p = \(p): \(flagged) flagged")
            #expect(forest.offset < -0.3 && forest.offset > -0.8)
        }
    }

    @Test("invalid configurations and mismatched widths throw")
    func validation() throws {
        let (data, _) = try Self.cluster(seed: 8, normal: 50, outliers: 0)
        #expect(throws: ModelInputError.self) { try IsolationForest(fitting: data, configuration: .init(treeCount: 0), seed: 1) }
        #expect(throws: ModelInputError.self) {
            try IsolationForest(fitting: data, configuration: .init(contamination: .fraction(0.6)), seed: 1)
        }
        #expect(throws: ModelInputError.self) {
            try IsolationForest(fitting: try FeatureMatrix(values: [1], columnCount: 1), seed: 1)
        }
        let forest = try IsolationForest(fitting: data, configuration: .init(sampleSize: .fraction(0.5)), seed: 1)
        #expect(forest.samplesPerTree == 25 && forest.maxDepth == 5)
        #expect(throws: ModelInputError.self) { try forest.score(sample: [1, 2]) }
        #expect(throws: ModelInputError.self) { try forest.scoreSamples(try FeatureMatrix(values: [1, 2], columnCount: 2)) }
    }
}
