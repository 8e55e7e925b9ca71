import SimKernel

/// Grows one isolation tree the way scikit-learn's `ExtraTreeRegressor(max_features=1,
/// splitter='random')` does inside `IsolationForest` (Liu, Ting & Zhou 2008, Algorithm 2).
///
/// Per tree: ψ rows drawn without replacement; at each node a feature drawn at random
/// (features constant at the node, max − min ≤ 1e-7 as sklearn's FEATURE_THRESHOLD, are
/// skipped and another is drawn), a split value uniform in [min, max) of that feature over
/// the node's rows (a draw equal to max becomes min, as in sklearn), rows ≤ split go left.
/// A node is a leaf when it holds one row, reaches `maxDepth`, or every feature is constant.
/// Data are cast to Float32 first, as sklearn casts X to float32.
///
/// The scratch buffers are reused from tree to tree, so fitting allocates per forest, not per node.
struct IsolationTreeBuilder {
    let columns: Int
    let sampleSize: Int
    let maxDepth: Int
    /// The depth of the deepest leaf grown so far, edges.
    private(set) var deepestLeaf = 0

    /// The subsample, column-major: feature c of subsample row i at c·ψ + i.
    private var values: [Float]
    /// Subsample rows, partitioned in place so each node owns a contiguous range.
    private var order: [Int]
    private var features: [Int]
    private var chosen: [Int] = []
    /// Membership test for Floyd's sampling only; never iterated, so hash order cannot leak.
    private var seen: Set<Int> = []
    private var stack: [(node: Int, start: Int, end: Int, depth: Int)] = []

    init(columns: Int, sampleSize: Int, maxDepth: Int) {
        self.columns = columns
        self.sampleSize = sampleSize
        self.maxDepth = maxDepth
        values = [Float](repeating: 0, count: columns * sampleSize)
        order = Array(0..<sampleSize)
        features = Array(0..<columns)
        chosen.reserveCapacity(sampleSize)
        seen.reserveCapacity(sampleSize)
    }

    /// Grows a tree on `data` (row-major, `rowCount` rows) and returns its root's index in `nodes`.
    mutating func grow(data: UnsafeBufferPointer<Double>, rowCount: Int, stream: inout RandomStream,
                       into nodes: inout IsolationForestNodes) -> Int {
        drawSubsample(rowCount: rowCount, stream: &stream)
        for (i, row) in chosen.enumerated() {
            for c in 0..<columns { values[c * sampleSize + i] = Float(data[row * columns + c]) }
        }
        for i in 0..<sampleSize { order[i] = i }

        let root = nodes.appendNode(size: sampleSize)
        stack.removeAll(keepingCapacity: true)
        stack.append((root, 0, sampleSize, 0))
        while let (node, start, end, depth) = stack.popLast() {
            guard end - start >= 2, depth < maxDepth,
                  let (feature, split, middle) = split(start: start, end: end, stream: &stream) else {
                nodes.makeLeaf(node, depth: depth)
                deepestLeaf = max(deepestLeaf, depth)
                continue
            }
            let left = nodes.appendNode(size: middle - start)
            _ = nodes.appendNode(size: end - middle)
            nodes.makeSplit(node, feature: feature, splitValue: split, leftChild: left)
            stack.append((left + 1, middle, end, depth + 1))
            stack.append((left, start, middle, depth + 1))
        }
        return root
    }

    /// Floyd's algorithm: ψ distinct rows of `rowCount` in O(ψ) draws, without an n-sized array.
    private mutating func drawSubsample(rowCount: Int, stream: inout RandomStream) {
        chosen.removeAll(keepingCapacity: true)
        seen.removeAll(keepingCapacity: true)
        for j in (rowCount - sampleSize)..<rowCount {
            let t = Self.below(j + 1, &stream)
            let pick = seen.contains(t) ? j : t
            seen.insert(pick)
            chosen.append(pick)
        }
    }

    /// Picks a random non-constant feature and split value for rows `order[start..<end]`,
    /// partitions them, and returns the feature, split and the first right-hand position;
    /// nil when every feature is constant there.
    private mutating func split(start: Int, end: Int, stream: inout RandomStream) -> (Int, Double, Int)? {
        var remaining = columns
        while remaining > 0 {
            let k = Self.below(remaining, &stream)
            let feature = features[k]
            features.swapAt(k, remaining - 1)
            remaining -= 1
            let base = feature * sampleSize
            var lo = values[base + order[start]], hi = lo
            for i in (start + 1)..<end {
                let v = values[base + order[i]]
                lo = min(lo, v)
                hi = max(hi, v)
            }
            guard Double(hi) > Double(lo) + 1e-7 else { continue }
            var split = Double(lo) + (Double(hi) - Double(lo)) * stream.uniform()
            if split == Double(hi) { split = Double(lo) }
            var i = start, j = end
            while i < j {
                if Double(values[base + order[i]]) <= split {
                    i += 1
                } else {
                    j -= 1
                    order.swapAt(i, j)
                }
            }
            return (feature, split, i)
        }
        return nil
    }

    /// A uniform integer in 0..<n by Lemire's multiply-and-reject (unbiased, one draw usually).
    static func below(_ n: Int, _ stream: inout RandomStream) -> Int {
        let range = UInt64(n)
        var m = stream.next().multipliedFullWidth(by: range)
        if m.low < range {
            let floor = (0 &- range) % range
            while m.low < floor { m = stream.next().multipliedFullWidth(by: range) }
        }
        return Int(m.high)
    }
}
