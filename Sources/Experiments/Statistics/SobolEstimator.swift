import CGSL

/// First-order and total Sobol' indices from a Saltelli design, with bootstrap percentile intervals.
///
/// Inputs are the model values at the N rows of the two base matrices A and B and of the k
/// matrices AB_i (A with column i taken from B) — Saltelli et al., "Variance based sensitivity
/// analysis of model output. Design and estimator for the total sensitivity index", *Computer
/// Physics Communications* 181(2), 259–270 (2010). With V the variance (denominator 2N) of the
/// 2N values f(A) ∪ f(B):
///
///     S_i  = mean_j[ f(B)_j · (f(AB_i)_j − f(A)_j) ] / V          (Saltelli et al. 2010)
///     ST_i = mean_j[ (f(A)_j − f(AB_i)_j)² ] / (2V)                (Jansen 1999, as recommended there)
///
/// Before estimating, every value is centred on the mean of all N(k + 2) values, as SALib does:
/// the first-order estimator is not invariant to a shift of f (adding c adds
/// c · mean(f(AB_i) − f(A)) / V, zero only in expectation), and centring removes that noise.
/// The total index and V are shift-invariant.
///
/// Intervals: B bootstrap resamples of the N rows (drawn with replacement with GSL's MT19937
/// seeded by `seed`, so they are reproducible), the estimators recomputed on each, and the
/// (1 − level)/2 and (1 + level)/2 percentiles of the resampled values (GSL's
/// `gsl_stats_quantile_from_sorted_data`) — Efron & Tibshirani, *An Introduction to the
/// Bootstrap* (1993), ch. 13. Every resample reuses the same rows for all factors.
public enum SobolEstimator {
    /// The indices of `factors` (k names) from f(A), f(B) (N values each) and f(AB_i) (k arrays of N).
    ///
    /// Undefined numbers (zero variance, fewer than two rows) are nil.
    public static func analyze(factors: [String], a: [Double], b: [Double], ab: [[Double]], level: Double,
                               resamples: Int, seed: UInt64) -> SobolAnalysis {
        precondition(ab.count == factors.count && b.count == a.count && ab.allSatisfy { $0.count == a.count },
                     "SobolEstimator: A, B and every AB_i need the same number of rows, one AB_i per factor")
        let n = a.count, k = factors.count
        var analysis = SobolAnalysis(baseSamples: n, variance: nil, resamples: resamples, bootstrapSeed: seed,
                                     indices: factors.map { SobolIndex(factor: $0) })
        guard n >= 2 else { return analysis }
        let centre = (a + b + ab.joined()).withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
        let samples = CentredSamples(a: a.map { $0 - centre }, b: b.map { $0 - centre },
                                     ab: ab.map { $0.map { $0 - centre } })
        let all = Array(0..<n)
        guard let point = samples.estimate(rows: all) else { return analysis }
        analysis.variance = point.variance

        var firstOrder = Array(repeating: [Double](), count: k), total = firstOrder
        if resamples > 0 {
            let rng = gsl_rng_alloc(cgsl_rng_mt19937())!
            defer { gsl_rng_free(rng) }
            gsl_rng_set(rng, UInt(truncatingIfNeeded: seed))
            var rows = all
            for _ in 0..<resamples {
                for j in 0..<n { rows[j] = Int(gsl_rng_uniform_int(rng, UInt(n))) }
                // A resample whose f(A) ∪ f(B) is constant has no variance to share out: skipped.
                guard let resampled = samples.estimate(rows: rows) else { continue }
                for i in 0..<k {
                    firstOrder[i].append(resampled.firstOrder[i])
                    total[i].append(resampled.total[i])
                }
            }
        }
        for i in 0..<k {
            let s1 = percentiles(&firstOrder[i], level: level), st = percentiles(&total[i], level: level)
            analysis.indices[i] = SobolIndex(factor: factors[i], firstOrder: point.firstOrder[i],
                                             firstOrderLower: s1?.lower, firstOrderUpper: s1?.upper,
                                             total: point.total[i], totalLower: st?.lower, totalUpper: st?.upper)
        }
        return analysis
    }

    /// The two-sided percentile interval of `values` (sorted in place); nil when empty.
    private static func percentiles(_ values: inout [Double], level: Double) -> (lower: Double, upper: Double)? {
        guard !values.isEmpty else { return nil }
        return values.withUnsafeMutableBufferPointer { buffer in
            gsl_sort(buffer.baseAddress, 1, buffer.count)
            return (gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, (1 - level) / 2),
                    gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, (1 + level) / 2))
        }
    }
}

/// The centred model values of one Saltelli design, estimable on any multiset of its rows.
private struct CentredSamples {
    let a: [Double], b: [Double], ab: [[Double]]

    /// S_i, ST_i and V over `rows` (indices into 0..<N, repeats allowed); nil when V is zero.
    func estimate(rows: [Int]) -> (firstOrder: [Double], total: [Double], variance: Double)? {
        let n = Double(rows.count)
        var sum = 0.0
        for j in rows { sum += a[j] + b[j] }
        let mean = sum / (2 * n)
        var squares = 0.0
        for j in rows {
            let da = a[j] - mean, db = b[j] - mean
            squares += da * da + db * db
        }
        let variance = squares / (2 * n)
        guard variance > 0 else { return nil }
        var firstOrder: [Double] = [], total: [Double] = []
        for column in ab {
            var first = 0.0, jansen = 0.0
            for j in rows {
                let d = column[j] - a[j]
                first += b[j] * d
                jansen += d * d
            }
            firstOrder.append(first / n / variance)
            total.append(jansen / (2 * n) / variance)
        }
        return (firstOrder, total, variance)
    }
}
