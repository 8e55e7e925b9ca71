import CGSL
import Foundation

/// A univariate probability distribution that is sampled by inversion.
///
/// Every variate costs exactly one uniform from a `RandomStream` and is the distribution's
/// quantile (inverse CDF) of that uniform. That is what makes variance-reduction pairing work:
/// two scenarios that draw from streams with the same names and seeds (common random numbers)
/// get monotonically coupled variates even when their parameters differ, and a stream with
/// `antithetic = true` yields the mirrored quantile. Sampling never branches on rejection, so
/// one scenario's parameter change cannot shift another component's draw count.
///
/// Parameters are plain numbers in the unit of the modelled quantity (hours, kg, °C …); the
/// caller fixes the unit. Valid ranges are listed per case and enforced by `validate()`;
/// decoding validates too, so a bad scenario file is rejected on load, not mid-run.
///
/// Codable form, one flat object with a `kind` (every key required unless noted; unknown keys
/// are rejected so a typo is never silently ignored):
///
///     {"kind": "exponential", "mean": 2.5}
///     {"kind": "normal", "mean": 20, "sd": 1.5}
///     {"kind": "lognormal", "mean": 4, "sd": 2}          (or {"kind": "lognormal", "mu": 1.2, "sigma": 0.47})
///     {"kind": "weibull", "shape": 2, "scale": 100}
///     {"kind": "gamma", "shape": 2, "scale": 3}
///     {"kind": "beta", "a": 2, "b": 5}
///     {"kind": "triangular", "min": 1, "mode": 2, "max": 4}
///     {"kind": "uniform", "min": 0, "max": 1}
///     {"kind": "poisson", "mean": 3}
///     {"kind": "bernoulli", "p": 0.1}
///     {"kind": "empirical", "values": [1, 2, 5], "weights": [0.5, 0.3, 0.2]}   ("weights" optional)
///     {"kind": "empiricalContinuous", "points": [3.1, 4.0, 4.2, 5.9]}
///     {"kind": "constant", "value": 7}
public enum Distribution: Sendable, Equatable {
    /// Exponential with the given `mean` (> 0; rate = 1/mean). Memoryless waiting times.
    case exponential(mean: Double)
    /// Normal (Gaussian) with `mean` (finite) and standard deviation `sd` (≥ 0; 0 is a point
    /// mass at the mean). Unbounded: do not use for quantities that must stay positive.
    case normal(mean: Double, sd: Double)
    /// Lognormal given by the `mean` (> 0) and standard deviation `sd` (≥ 0) of the variable
    /// itself — not of its logarithm. The log-space parameters are derived as
    /// σ² = ln(1 + (sd/mean)²), μ = ln(mean) − σ²/2 (see `lognormalParameters`). Use
    /// `Distribution.lognormal(mu:sigma:)` to give μ, σ directly.
    case lognormal(mean: Double, sd: Double)
    /// Weibull with `shape` k (> 0; k < 1 early failures, k = 1 exponential, k > 1 wear-out)
    /// and `scale` λ (> 0; the 63.2 % life). CDF 1 − exp(−(x/λ)^k).
    case weibull(shape: Double, scale: Double)
    /// Gamma with `shape` k (> 0) and `scale` θ (> 0); mean kθ, variance kθ².
    case gamma(shape: Double, scale: Double)
    /// Beta on [0, 1] with shape parameters `a` (> 0) and `b` (> 0); mean a/(a + b).
    case beta(a: Double, b: Double)
    /// Triangular on [`min`, `max`] (min < max) with peak at `mode` (min ≤ mode ≤ max).
    case triangular(min: Double, mode: Double, max: Double)
    /// Continuous uniform on [`min`, `max`) (min < max, both finite).
    case uniform(min: Double, max: Double)
    /// Poisson count with the given `mean` (0 < mean ≤ 1e6, see `maximumPoissonMean`); values 0, 1, 2, …
    case poisson(mean: Double)
    /// 1 with probability `p` (0 ≤ p ≤ 1), else 0.
    case bernoulli(p: Double)
    /// A discrete table of values with optional weights (see `EmpiricalDiscrete`).
    case empirical(EmpiricalDiscrete)
    /// A continuous piecewise-linear distribution through sample points (see `EmpiricalContinuous`).
    case empiricalContinuous(EmpiricalContinuous)
    /// Always `value` (finite). Handy for switching randomness off in a scenario.
    case constant(Double)

    /// A lognormal distribution with log-space location `mu` (finite) and scale `sigma` (≥ 0),
    /// stored by its mean exp(μ + σ²/2) and standard deviation mean·√(exp(σ²) − 1).
    ///
    /// The round trip back to (μ, σ) is exact to within a few ulps, not bit for bit.
    public static func lognormal(mu: Double, sigma: Double) -> Distribution {
        let mean = exp(mu + 0.5 * sigma * sigma)
        return .lognormal(mean: mean, sd: mean * sqrt(expm1(sigma * sigma)))
    }

    /// A discrete empirical distribution over `values`, with `weights` (nil means equal).
    public static func empirical(values: [Double], weights: [Double]? = nil) -> Distribution {
        .empirical(EmpiricalDiscrete(values: values, weights: weights))
    }

    /// A continuous piecewise-linear distribution through the sample `points` (any order).
    public static func empiricalContinuous(points: [Double]) -> Distribution {
        .empiricalContinuous(EmpiricalContinuous(points: points))
    }

    /// The log-space (μ, σ) of a lognormal variable with the given mean and standard deviation.
    public static func lognormalParameters(mean: Double, sd: Double) -> (mu: Double, sigma: Double) {
        let cv = sd / mean
        let sigma2 = log1p(cv * cv)
        return (log(mean) - 0.5 * sigma2, sqrt(sigma2))
    }

    /// The `kind` name used in the Codable form and in error messages.
    public var kind: String {
        switch self {
        case .exponential: "exponential"
        case .normal: "normal"
        case .lognormal: "lognormal"
        case .weibull: "weibull"
        case .gamma: "gamma"
        case .beta: "beta"
        case .triangular: "triangular"
        case .uniform: "uniform"
        case .poisson: "poisson"
        case .bernoulli: "bernoulli"
        case .empirical: "empirical"
        case .empiricalContinuous: "empiricalContinuous"
        case .constant: "constant"
        }
    }

    /// Whether the distribution takes only integer values (poisson, bernoulli).
    public var isDiscreteInteger: Bool {
        switch self {
        case .poisson, .bernoulli: true
        default: false
        }
    }

    /// One variate by inversion: `quantile(stream.uniformOpen())`, exactly one uniform.
    ///
    /// Call `validate()` once beforehand (decoding does); invalid parameters yield NaN.
    @inlinable public func sample(using stream: inout RandomStream) -> Double {
        quantile(stream.uniformOpen())
    }

    /// GSL's default error handler aborts the process; switch it off once, before the first
    /// GSL call from this module, and read GSL's NaN results instead.
    static let gslErrorHandlerOff: Void = {
        _ = gsl_set_error_handler_off()
    }()
}
