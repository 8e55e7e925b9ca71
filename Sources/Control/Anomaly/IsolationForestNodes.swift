/// The nodes of every tree of an `IsolationForest`, as parallel flat arrays (struct of arrays).
///
/// Node k splits on `feature[k]` at `threshold[k]`: a sample goes to `child[k]` when its
/// value is ≤ the threshold, else to `child[k] + 1` (siblings are allocated as a pair, so
/// the right child needs no array). A leaf points to itself with threshold +∞, so a
/// traversal can take the same fixed number of steps for every sample — no branch on
/// "is this a leaf", which a CPU would mispredict once per tree — and then read the
/// leaf's precomputed path length.
struct IsolationForestNodes: Sendable, Equatable {
    /// Split feature (column index); 0 at leaves.
    var feature: [Int32] = []
    /// The largest Float32 ≤ the split value, so `Float(x) > threshold` ⇔ `Float(x) > split`
    /// for every Float32 x (scikit-learn compares float32 data with a float64 split);
    /// +∞ at leaves.
    var threshold: [Float] = []
    /// Left child index (right = left + 1); a leaf's own index.
    var child: [Int32] = []
    /// At leaves: depth (root = 0) + c(training rows in the leaf), in edges; 0 at splits.
    var pathLength: [Double] = []
    /// Training rows of the tree's subsample that reached the node.
    var size: [Int32] = []

    var count: Int { feature.count }

    /// Appends an undecided node (a leaf until `makeSplit` says otherwise) and returns its index.
    mutating func appendNode(size rows: Int) -> Int {
        let index = feature.count
        feature.append(0)
        threshold.append(.infinity)
        child.append(Int32(index))
        pathLength.append(0)
        size.append(Int32(rows))
        return index
    }

    mutating func makeSplit(_ node: Int, feature f: Int, splitValue: Double, leftChild: Int) {
        var t = Float(splitValue)
        if Double(t) > splitValue { t = t.nextDown }
        feature[node] = Int32(f)
        threshold[node] = t
        child[node] = Int32(leftChild)
    }

    mutating func makeLeaf(_ node: Int, depth: Int) {
        pathLength[node] = Double(depth) + AveragePathLength.c(Int(size[node]))
    }
}

extension IsolationForestNodes {
    /// Adds, for each of `rowCount` rows of `rows` (row-major Float32, `columns` wide), the
    /// path length of every tree in `roots` order to `sums`.
    ///
    /// Trees are the outer loop so one tree's nodes stay in L1 cache while a block of rows
    /// passes through it; four rows descend together so their independent load chains
    /// overlap. The sum for a row is always taken over trees in the same order, whatever
    /// block or thread the row falls in, so results are bit-identical for any split of rows.
    func accumulatePathLengths(rows: UnsafePointer<Float>, rowCount: Int, columns: Int,
                               roots: UnsafeBufferPointer<Int32>, steps: Int,
                               sums: UnsafeMutablePointer<Double>) {
        feature.withUnsafeBufferPointer { featureBuffer in
        threshold.withUnsafeBufferPointer { thresholdBuffer in
        child.withUnsafeBufferPointer { childBuffer in
        pathLength.withUnsafeBufferPointer { lengthBuffer in
            let feat = featureBuffer.baseAddress!, thr = thresholdBuffer.baseAddress!
            let kid = childBuffer.baseAddress!, len = lengthBuffer.baseAddress!
            @inline(__always) func step(_ n: Int, _ x: UnsafePointer<Float>) -> Int {
                Int(kid[n]) &+ (x[Int(feat[n])] > thr[n] ? 1 : 0)
            }
            for root in roots {
                let r0 = Int(root)
                var r = 0
                while r &+ 4 <= rowCount {
                    let x0 = rows + r &* columns, x1 = x0 + columns, x2 = x1 + columns, x3 = x2 + columns
                    var n0 = r0, n1 = r0, n2 = r0, n3 = r0
                    for _ in 0..<steps {
                        n0 = step(n0, x0)
                        n1 = step(n1, x1)
                        n2 = step(n2, x2)
                        n3 = step(n3, x3)
                    }
                    sums[r] += len[n0]
                    sums[r &+ 1] += len[n1]
                    sums[r &+ 2] += len[n2]
                    sums[r &+ 3] += len[n3]
                    r &+= 4
                }
                while r < rowCount {
                    let x = rows + r &* columns
                    var n = r0
                    for _ in 0..<steps { n = step(n, x) }
                    sums[r] += len[n]
                    r &+= 1
                }
            }
        }
        }
        }
        }
    }
}
