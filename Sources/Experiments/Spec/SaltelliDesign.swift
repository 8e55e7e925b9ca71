/// The Saltelli (2010) sample for Sobol indices of k factors from N base points (Saltelli et
/// al. 2010, Computer Physics Communications 181:259, §3).
///
/// Two N × k matrices A and B are the first and second k coordinates of the first N points of
/// a 2k-dimensional Sobol sequence after its first point (½, …, ½), where A and B would be
/// equal. Design point p = j (k + 2) + m, for j in 0..<N, is row j of A for m = 0, row j of B
/// for m = 1, and for m = 2 + i row j of A with column i taken from B (the matrix A_B^(i)): the
/// model outputs f(A), f(B) and f(A_B^(i)) that the first-order and total index estimators of
/// that paper use.
public enum SaltelliDesign {
    /// The largest k: GSL's Sobol sequence has at most 40 dimensions and the design needs 2k.
    public static let maximumFactors = SobolSequence.maximumDimensions / 2

    /// The N (k + 2) design points in [0, 1)^k, in the order above; nil when k is outside
    /// 1 … ``maximumFactors``.
    public static func points(factors k: Int, baseSamples n: Int) -> [[Double]]? {
        guard let sequence = SobolSequence(dimensions: 2 * k) else { return nil }
        _ = sequence.next()
        var points: [[Double]] = []
        points.reserveCapacity(n * (k + 2))
        for _ in 0..<n {
            let row = sequence.next()
            let a = Array(row[0..<k]), b = Array(row[k..<(2 * k)])
            points.append(a)
            points.append(b)
            for i in 0..<k {
                var mixed = a
                mixed[i] = b[i]
                points.append(mixed)
            }
        }
        return points
    }
}
