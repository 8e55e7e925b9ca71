import Foundation

/// The best variant of one response and the subset that cannot be told apart from it at the confidence level.
///
/// The rule is the screening procedure of Nelson, Swann, Goldsman & Song, "Simple procedures for
/// selecting the best simulated system when the number of alternatives is large", *Operations
/// Research* 49(6), 950–963 (2001), a subset-selection rule in the line of Gupta (1965), in the
/// Bonferroni form that stays valid when the variants share random numbers (Law, *Simulation
/// Modeling and Analysis*, 5th ed., 2015, §10.4). With the response signed so that larger is
/// better, variant i stays in the subset iff for every other variant l
///
///     X̄ᵢ − X̄ₗ ≥ −t₁₋α/₍ₖ₋₁₎,ₙᵢₗ₋₁ · Sᵢₗ / √nᵢₗ
///
/// where the mean and standard deviation Sᵢₗ are those of the paired differences Xᵢ,ₛ − Xₗ,ₛ
/// over the nᵢₗ seeds both variants completed, k is the number of variants with observations and
/// α = 1 − level. The subset then contains the variant with the best true mean with probability
/// at least 1 − α. A pair with fewer than two common seeds cannot screen (i stays). The best
/// variant is the one with the best sample mean (the first in plan order on a tie).
public struct SubsetSelection: Sendable, Codable, Equatable {
    /// The rule's name as written to summaries.
    public static let ruleName = "nelson-swann-goldsman-song-2001-screen-bonferroni"

    public var rule: String
    /// The variant with the best sample mean.
    public var best: String
    /// The variants not screened out, in plan order (the best among them); nil when no variant
    /// has two replications, so nothing can be said about spread.
    public var subset: [String]?

    /// The selection over `table`'s variants, named by `names`, whose per-variant statistics are
    /// `statistics`; nil when no variant has an observation.
    static func select(_ table: ResponseTable, statistics: [SampleStatistics], names: [String],
                       direction: ResponseDirection, level: Double) -> SubsetSelection? {
        let sign = direction == .higherIsBetter ? 1.0 : -1.0
        let signedMeans = statistics.map { $0.mean.map { sign * $0 } }
        let mostReplications = statistics.map(\.n).max() ?? 0
        var best: Int?
        for (v, mean) in signedMeans.enumerated() {
            guard let mean else { continue }
            if best == nil || mean > signedMeans[best!]! { best = v }
        }
        guard let best else { return nil }
        var selection = SubsetSelection(rule: Self.ruleName, best: names[best], subset: nil)
        guard mostReplications >= 2 else { return selection }

        let candidates = signedMeans.indices.filter { signedMeans[$0] != nil }
        let k = candidates.count
        // t² of t(1 − α/(k − 1), df) for every df a pair can have (1 … seeds − 1), computed
        // once: the screen below makes up to k² comparisons.
        let bonferroni = 1 - (1 - level) / Double(max(k - 1, 1))
        let criticalSquared = (0..<max(table.seedCount, 1)).map {
            $0 == 0 ? Double.nan : pow(StudentT.quantile(bonferroni, degreesOfFreedom: Double($0)), 2)
        }
        // Opponents by descending mean (plan order on ties), so the likeliest to screen comes
        // first. When every candidate has every seed, the paired mean difference is the
        // difference of the means, so only variants with a larger mean can screen: the scan
        // stops at the first that is not larger.
        let opponents = candidates.sorted { signedMeans[$0]! > signedMeans[$1]! || (signedMeans[$0]! == signedMeans[$1]! && $0 < $1) }
        let complete = candidates.allSatisfy { statistics[$0].n == table.seedCount }
        var subset: [String] = []
        table.values.withUnsafeBufferPointer { values in
            for i in candidates {
                var kept = true
                for l in opponents where l != i {
                    if complete && signedMeans[l]! <= signedMeans[i]! { break }
                    if screensOut(i, by: l, values: values, seeds: table.seedCount, sign: sign,
                                  criticalSquared: criticalSquared) {
                        kept = false
                        break
                    }
                }
                if kept { subset.append(names[i]) }
            }
        }
        selection.subset = subset
        return selection
    }

    /// Whether variant l screens variant i out: the signed mean paired difference D̄ of i − l is
    /// negative and D̄² > t² · S² / n, i.e. D̄ < −t·S/√n.
    ///
    /// This runs up to k²/2 times per response (12 million pairs for 5,000 design points), so
    /// it reads the grid (`values`, variant-major, `seeds` per row) through a pointer and
    /// compares squares instead of dividing and taking roots.
    @inline(__always)
    private static func screensOut(_ i: Int, by l: Int, values: UnsafeBufferPointer<Double>, seeds: Int,
                                   sign: Double, criticalSquared: [Double]) -> Bool {
        let rowI = values.baseAddress! + i * seeds, rowL = values.baseAddress! + l * seeds
        var count = 0, sum = 0.0
        for s in 0..<seeds {
            let a = rowI[s], b = rowL[s]
            if !a.isNaN, !b.isNaN { count += 1; sum += a - b }
        }
        guard count >= 2 else { return false }
        let mean = sum / Double(count)
        guard sign * mean < 0 else { return false }
        var squares = 0.0
        for s in 0..<seeds {
            let a = rowI[s], b = rowL[s]
            if !a.isNaN, !b.isNaN { let d = a - b - mean; squares += d * d }
        }
        // S² / n = squares / ((n − 1) n)
        return mean * mean * Double(count) * Double(count - 1) > criticalSquared[count - 1] * squares
    }
}
