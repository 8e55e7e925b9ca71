import CGSL
import Foundation

extension Distribution {
    /// The inverse CDF: the smallest x with F(x) ≥ p, for p in [0, 1].
    ///
    /// Closed forms where they exist; GSL's inverse CDFs for the normal, lognormal, gamma and
    /// beta; a sequential search for the Poisson. p = 0 and p = 1 give the ends of the support
    /// (possibly ±∞); p outside [0, 1], NaN or invalid parameters give NaN.
    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        switch self {
        case let .exponential(mean):
            return Self.minusLogOneMinus(p) * mean
        case let .normal(mean, sd):
            if sd == 0 { return mean }
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            _ = Self.gslErrorHandlerOff
            return mean + sd * gsl_cdf_ugaussian_Pinv(p)
        case let .lognormal(mean, sd):
            if sd == 0 { return mean }
            if p == 0 { return 0 }
            if p == 1 { return .infinity }
            _ = Self.gslErrorHandlerOff
            let (mu, sigma) = Self.lognormalParameters(mean: mean, sd: sd)
            return exp(mu + sigma * gsl_cdf_ugaussian_Pinv(p))
        case let .weibull(shape, scale):
            return scale * pow(Self.minusLogOneMinus(p), 1.0 / shape)
        case let .gamma(shape, scale):
            if p == 0 { return 0 }
            if p == 1 { return .infinity }
            _ = Self.gslErrorHandlerOff
            return gsl_cdf_gamma_Pinv(p, shape, scale)
        case let .beta(a, b):
            if p == 0 { return 0 }
            if p == 1 { return 1 }
            _ = Self.gslErrorHandlerOff
            return gsl_cdf_beta_Pinv(p, a, b)
        case let .triangular(lo, mode, hi):
            let width = hi - lo
            if p < (mode - lo) / width {
                return lo + sqrt(p * width * (mode - lo))
            }
            return hi - sqrt((1 - p) * width * (hi - mode))
        case let .uniform(lo, hi):
            return lo + p * (hi - lo)
        case let .poisson(mean):
            return Self.poissonQuantile(p, mean: mean)
        case let .bernoulli(prob):
            return p <= 1 - prob ? 0 : 1
        case let .empirical(table):
            return table.quantile(p)
        case let .empiricalContinuous(table):
            return table.quantile(p)
        case let .constant(value):
            return value
        }
    }

    /// The cumulative distribution function P(X ≤ x); NaN for NaN x or invalid parameters.
    public func cdf(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        switch self {
        case let .exponential(mean):
            return x <= 0 ? 0 : -expm1(-x / mean)
        case let .normal(mean, sd):
            if sd == 0 { return x < mean ? 0 : 1 }
            _ = Self.gslErrorHandlerOff
            return gsl_cdf_gaussian_P(x - mean, sd)
        case let .lognormal(mean, sd):
            if sd == 0 { return x < mean ? 0 : 1 }
            if x <= 0 { return 0 }
            _ = Self.gslErrorHandlerOff
            let (mu, sigma) = Self.lognormalParameters(mean: mean, sd: sd)
            return gsl_cdf_ugaussian_P((log(x) - mu) / sigma)
        case let .weibull(shape, scale):
            return x <= 0 ? 0 : -expm1(-pow(x / scale, shape))
        case let .gamma(shape, scale):
            if x <= 0 { return 0 }
            _ = Self.gslErrorHandlerOff
            return gsl_cdf_gamma_P(x, shape, scale)
        case let .beta(a, b):
            if x <= 0 { return 0 }
            if x >= 1 { return 1 }
            _ = Self.gslErrorHandlerOff
            return gsl_cdf_beta_P(x, a, b)
        case let .triangular(lo, mode, hi):
            if x <= lo { return 0 }
            if x >= hi { return 1 }
            if x <= mode { return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo)) }
            return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode))
        case let .uniform(lo, hi):
            return Swift.min(Swift.max((x - lo) / (hi - lo), 0), 1)
        case let .poisson(mean):
            if x < 0 { return 0 }
            let k = x.rounded(.down)
            if k >= Double(UInt32.max) { return 1 }
            _ = Self.gslErrorHandlerOff
            return gsl_cdf_poisson_P(UInt32(k), mean)
        case let .bernoulli(prob):
            return x < 0 ? 0 : (x < 1 ? 1 - prob : 1)
        case let .empirical(table):
            return table.cdf(x)
        case let .empiricalContinuous(table):
            return table.cdf(x)
        case let .constant(value):
            return x < value ? 0 : 1
        }
    }

    /// −ln(1 − p), accurate for every p in [0, 1].
    ///
    /// glibc's `log1p` costs about three times `log`. When 1 − p is exact — always for the
    /// uniforms of `RandomStream`, whose grid is symmetric — `log(1 − p)` is just as accurate,
    /// so `log1p` is kept for the other p only. The check is exact: for q = fl(1 − p) in
    /// [0.5, 1], 1 − q is computed exactly (Sterbenz), so 1 − q == p iff q == 1 − p.
    @inline(__always) static func minusLogOneMinus(_ p: Double) -> Double {
        let q = 1 - p
        return 1 - q == p ? 0 - log(q) : 0 - log1p(-p)  // 0 − x: +0 rather than −0 at p = 0
    }

    /// Below this mean the search starts at 0 with P(0) = e^−mean; above it e^−mean loses
    /// relative precision (and underflows past ~745), so the search starts near the answer.
    static let poissonDirectSearchLimit = 30.0

    /// The smallest k with P(X ≤ k) ≥ p, by sequential search over the pmf recursion
    /// P(k) = P(k − 1)·mean/k.
    static func poissonQuantile(_ p: Double, mean: Double) -> Double {
        guard mean > 0, mean.isFinite else { return mean == 0 ? 0 : .nan }
        if p == 1 { return .infinity }
        var k: Double
        var pmf: Double
        var cdf: Double
        if mean < poissonDirectSearchLimit {
            k = 0
            pmf = exp(-mean)
            cdf = pmf
        } else {
            // Start at the normal approximation and walk; costs O(1) steps on average.
            _ = gslErrorHandlerOff
            let guess = (mean + sqrt(mean) * gsl_cdf_ugaussian_Pinv(p)).rounded(.down)
            k = Swift.min(Swift.max(guess, 0), Double(UInt32.max - 1))
            pmf = exp(k * log(mean) - mean - gsl_sf_lnfact(UInt32(k)))
            cdf = gsl_cdf_poisson_P(UInt32(k), mean)
            // Walk down while the previous k already reaches p.
            while k > 0, cdf - pmf >= p {
                cdf -= pmf
                pmf *= k / mean
                k -= 1
            }
        }
        // Walk up until p is reached. Past the mode, stop once the terms no longer change the
        // rounded sum: otherwise a p within rounding of 1 would never be reached.
        while cdf < p {
            k += 1
            pmf *= mean / k
            if k > mean, pmf <= cdf * 0x1.0p-53 { break }
            cdf += pmf
        }
        return k
    }
}
