import SimKernel

/// A Latin hypercube sample in [0, 1)^k (McKay, Beckman & Conover 1979, Technometrics 21:239):
/// each factor's range is cut into `n` equal strata and every stratum is hit exactly once.
///
/// Drawn from one xoshiro256** stream seeded with the design seed, factor by factor: a
/// Fisher–Yates permutation of the strata (i from n − 1 down to 1, j = ⌊u (i + 1)⌋), then one
/// uniform offset per stratum, so the same seed gives the same design on every platform (the
/// standard library's `shuffle` makes no such promise).
public enum LatinHypercube {
    /// `n` rows of `k` coordinates in [0, 1); row i, column c lies in stratum π_c(i) of n.
    public static func sample(points n: Int, factors k: Int, seed: UInt64) -> [[Double]] {
        var stream = RandomStream(seed: seed)
        var rows = Array(repeating: Array(repeating: 0.0, count: k), count: n)
        for column in 0..<k {
            var strata = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) {
                let j = min(i, Int(stream.uniform() * Double(i + 1)))
                strata.swapAt(i, j)
            }
            for row in 0..<n {
                rows[row][column] = (Double(strata[row]) + stream.uniform()) / Double(n)
            }
        }
        return rows
    }
}
