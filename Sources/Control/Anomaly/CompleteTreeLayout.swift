/// The forest re-laid as complete binary trees of fixed depth D, for fast batch scoring.
///
/// In a complete tree the children of position p are 2p + 1 and 2p + 2, so a descent
/// step reads only the split (threshold and feature, 8 bytes) and the sample's value: half
/// the loads of the explicit layout, where the child index is data too. A leaf shallower
/// than D becomes a pass-through (threshold +∞ sends every sample left) whose leftmost
/// descendant at depth D holds its path length, so every sample takes exactly D steps and
/// lands on the same path length as in `IsolationForestNodes`, and scores agree bit for bit.
///
/// Each tree costs (2^D − 1)·8 + 2^D·8 bytes: 4 KB at D = 8 (ψ = 256), so a tree stays in
/// L1 cache while a block of rows passes through it. Used only for D ≤ `maximumDepth`,
/// where the padding stays small; deeper forests score with the explicit layout.
struct CompleteTreeLayout: Sendable, Equatable {
    /// One split of the complete layout.
    struct Split: Sendable, Equatable {
        /// As `IsolationSplit.threshold`; +∞ at pass-through and unreachable positions.
        var threshold: Float
        /// Split feature (column index).
        var feature: Int32
    }

    /// Depth limit for this layout (4096 positions per tree at most).
    static let maximumDepth = 12

    /// Steps per descent, D.
    let depth: Int
    /// 2^D − 1 splits per tree, trees one after another.
    let splits: [Split]
    /// 2^D path lengths per tree (edges), trees one after another.
    let leafPathLength: [Double]

    /// Re-lays `nodes` (trees starting at `roots`) with depth `depth`, the deepest leaf of any tree.
    init(nodes: IsolationForestNodes, roots: [Int32], depth: Int) {
        self.depth = depth
        let inner = (1 << depth) - 1, leaves = 1 << depth
        var splits = [Split](repeating: Split(threshold: .infinity, feature: 0), count: roots.count * inner)
        var lengths = [Double](repeating: 0, count: roots.count * leaves)
        var stack: [(node: Int, position: Int, level: Int)] = []
        for (tree, root) in roots.enumerated() {
            stack.append((Int(root), 0, 0))
            while let (node, position, level) = stack.popLast() {
                if nodes.isLeaf(node) {
                    var p = position
                    for _ in level..<depth { p = 2 * p + 1 }
                    lengths[tree * leaves + p - inner] = nodes.pathLength[node]
                } else {
                    let split = nodes.splits[node]
                    splits[tree * inner + position] = Split(threshold: split.threshold, feature: split.feature)
                    stack.append((Int(split.child), 2 * position + 1, level + 1))
                    stack.append((Int(split.child) + 1, 2 * position + 2, level + 1))
                }
            }
        }
        self.splits = splits
        leafPathLength = lengths
    }

    /// Adds every tree's path length, in tree order, to `sums` for `rowCount` rows of a
    /// column-major block (see `IsolationForestNodes.accumulatePathLengths`).
    func accumulatePathLengths(block: UnsafePointer<Float>, rowCount: Int, sums: UnsafeMutablePointer<Double>) {
        let inner = (1 << depth) - 1, leaves = 1 << depth, depth = self.depth
        let trees = leafPathLength.count / max(leaves, 1)
        splits.withUnsafeBufferPointer { splitBuffer in
        leafPathLength.withUnsafeBufferPointer { lengthBuffer in
            for tree in 0..<trees {
                let nodes = splitBuffer.baseAddress! + tree * inner
                let len = lengthBuffer.baseAddress! + tree * leaves - inner
                @inline(__always) func step(_ n: Int, _ x: UnsafePointer<Float>) -> Int {
                    let split = nodes[n]
                    let right = x[Int(split.feature) &<< 8] > split.threshold
                    return (n &<< 1) &+ 1 &+ Int(unsafeBitCast(right, to: UInt8.self))
                }
                accumulateLeafValues(block: block, rowCount: rowCount, root: 0, steps: depth,
                                     leafValue: len, sums: sums, step: step)
            }
        }
        }
    }
}
