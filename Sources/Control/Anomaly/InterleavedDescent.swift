/// Sends the rows of a scoring block down one tree and adds each row's leaf value to its sum.
///
/// Both forest layouts (`IsolationForestNodes`, `CompleteTreeLayout`) score through this; they
/// differ only in `step`, which maps a node and a row's features to the next node. Every row
/// takes exactly `steps` steps (leaves step to themselves, or pass through), so nothing
/// branches on the data. Eight rows descend interleaved: their load chains are independent,
/// so the CPU overlaps them, which is most of the batch scorer's speed over one row at a time.
///
/// - Parameters:
///   - block: column-major features with a stride of `IsolationForestNodes.blockRows`; `step`
///     receives a pointer to one row's first feature.
///   - root: the node every descent starts at.
///   - leafValue: indexed by the node a descent ends at.
///   - sums: one running sum per row, added to in place.
@inline(__always)
func accumulateLeafValues(
    block: UnsafePointer<Float>, rowCount: Int, root: Int, steps: Int,
    leafValue: UnsafePointer<Double>, sums: UnsafeMutablePointer<Double>,
    step: (Int, UnsafePointer<Float>) -> Int
) {
    var r = 0
    while r &+ 8 <= rowCount {
        let x = block + r
        var n0 = root, n1 = root, n2 = root, n3 = root, n4 = root, n5 = root, n6 = root, n7 = root
        for _ in 0..<steps {
            n0 = step(n0, x)
            n1 = step(n1, x + 1)
            n2 = step(n2, x + 2)
            n3 = step(n3, x + 3)
            n4 = step(n4, x + 4)
            n5 = step(n5, x + 5)
            n6 = step(n6, x + 6)
            n7 = step(n7, x + 7)
        }
        let s = sums + r
        s[0] += leafValue[n0]; s[1] += leafValue[n1]; s[2] += leafValue[n2]; s[3] += leafValue[n3]
        s[4] += leafValue[n4]; s[5] += leafValue[n5]; s[6] += leafValue[n6]; s[7] += leafValue[n7]
        r &+= 8
    }
    while r < rowCount {
        var n = root
        for _ in 0..<steps { n = step(n, block + r) }
        sums[r] += leafValue[n]
        r &+= 1
    }
}
