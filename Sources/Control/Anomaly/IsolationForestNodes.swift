/// The split of one node: the three fields every descent step reads, packed in 16 bytes.
///
/// A sample goes to `child` when its value is ≤ `threshold`, else to `child + 1` (siblings
/// are allocated as a pair, so the right child needs no field). A leaf points to itself
/// with threshold +∞, so a traversal can take the same fixed number of steps for every
/// sample — no "is this a leaf" branch, which a CPU would mispredict once per tree.
struct IsolationSplit: Sendable, Equatable {
    /// The largest Float32 ≤ the split value, so `Float(x) > threshold` ⇔ `Float(x) > split`
    /// for every Float32 x (scikit-learn compares float32 data with a float64 split); +∞ at leaves.
    var threshold: Float
    /// Split feature (column index); 0 at leaves.
    var feature: Int32
    /// Left child index (right = left + 1); a leaf's own index.
    var child: Int32
    /// Padding to 16 bytes, so a split never straddles a cache line.
    var unused: Int32 = 0
}

/// The nodes of every tree of an `IsolationForest` as flat arrays indexed by node, trees
/// stored one after another (no object per node).
///
/// The split fields read together on every step are packed per node (`splits`); the leaf
/// data read once per tree (`pathLength`) and the bookkeeping (`size`) have arrays of their own.
struct IsolationForestNodes: Sendable, Equatable {
    /// Split per node.
    var splits: [IsolationSplit] = []
    /// At leaves: depth (root = 0) + c(training rows in the leaf), in edges; 0 at splits.
    var pathLength: [Double] = []
    /// Training rows of the tree's subsample that reached the node.
    var size: [Int32] = []

    var count: Int { splits.count }

    /// Whether node `k` is a leaf.
    func isLeaf(_ k: Int) -> Bool { Int(splits[k].child) == k }

    /// Appends an undecided node (a leaf until `makeSplit` says otherwise) and returns its index.
    mutating func appendNode(size rows: Int) -> Int {
        let index = splits.count
        splits.append(IsolationSplit(threshold: .infinity, feature: 0, child: Int32(index)))
        pathLength.append(0)
        size.append(Int32(rows))
        return index
    }

    mutating func makeSplit(_ node: Int, feature f: Int, splitValue: Double, leftChild: Int) {
        var t = Float(splitValue)
        if Double(t) > splitValue { t = t.nextDown }
        splits[node] = IsolationSplit(threshold: t, feature: Int32(f), child: Int32(leftChild))
    }

    mutating func makeLeaf(_ node: Int, depth: Int) {
        pathLength[node] = Double(depth) + AveragePathLength.c(Int(size[node]))
    }
}

extension IsolationForestNodes {
    /// Rows per scoring block: 256 rows × a few Float32 features and their sums stay in L1
    /// cache while every tree passes over them.
    static let blockRows = 256

    /// Adds, for each of `rowCount` rows of `block`, the path length of every tree in
    /// `roots` order to `sums`.
    ///
    /// `block` is column-major with a stride of `blockRows` (feature f of row r at
    /// f·256 + r), so eight neighbouring rows are read through one base pointer with constant
    /// offsets and the node's feature becomes an offset by a shift: few live registers, so
    /// eight descents run interleaved and their independent load chains overlap. Trees are
    /// the outer loop so one tree's nodes stay in L1. A row's sum is taken over trees in the
    /// same order whatever block or thread it falls in: results do not depend on the split.
    func accumulatePathLengths(block: UnsafePointer<Float>, rowCount: Int,
                               roots: UnsafeBufferPointer<Int32>, steps: Int,
                               sums: UnsafeMutablePointer<Double>) {
        splits.withUnsafeBufferPointer { splitBuffer in
        pathLength.withUnsafeBufferPointer { lengthBuffer in
            let nodes = splitBuffer.baseAddress!, len = lengthBuffer.baseAddress!
            /// One descent step; the comparison's byte is added, never branched on.
            @inline(__always) func step(_ n: Int, _ x: UnsafePointer<Float>) -> Int {
                let node = nodes[n]
                let right = x[Int(node.feature) &<< 8] > node.threshold
                return Int(node.child) &+ Int(unsafeBitCast(right, to: UInt8.self))
            }
            for root in roots {
                accumulateLeafValues(block: block, rowCount: rowCount, root: Int(root), steps: steps,
                                     leafValue: len, sums: sums, step: step)
            }
        }
        }
    }
}
