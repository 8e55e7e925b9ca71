import Foundation

/// c(n): the average path length of an unsuccessful search in a binary search tree of n
/// points, which normalises Isolation Forest path lengths (Liu, Ting & Zhou 2008, eq. 1).
///
///     c(n) = 2·H(n − 1) − 2(n − 1)/n,   H(i) ≈ ln i + γ,   c(2) = 1,   c(n ≤ 1) = 0
///
/// γ = 0.5772156649 (Euler–Mascheroni). The harmonic number uses the ln-plus-γ
/// approximation exactly as scikit-learn's `_average_path_length` does, so c(256) =
/// 10.244770…, not the exact-harmonic 10.2438…; the approximation is what sklearn's
/// scores are normalised with.
public enum AveragePathLength {
    /// Euler–Mascheroni constant γ.
    public static let eulerGamma = 0.5772156649015329

    /// c(n) for a node or subsample of `n` points (n ≥ 0); dimensionless (edges).
    @inlinable public static func c(_ n: Int) -> Double {
        if n <= 1 { return 0 }
        if n == 2 { return 1 }
        let m = Double(n)
        return 2 * (log(m - 1) + eulerGamma) - 2 * (m - 1) / m
    }
}
