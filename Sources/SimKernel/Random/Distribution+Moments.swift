import Foundation

extension Distribution {
    /// The expected value; meaningful only when `validate()` passes.
    public var mean: Double {
        switch self {
        case let .exponential(mean): mean
        case let .normal(mean, _): mean
        case let .lognormal(mean, _): mean
        case let .weibull(shape, scale): scale * tgamma(1 + 1 / shape)
        case let .gamma(shape, scale): shape * scale
        case let .beta(a, b): a / (a + b)
        case let .triangular(lo, mode, hi): (lo + mode + hi) / 3
        case let .uniform(lo, hi): 0.5 * (lo + hi)
        case let .poisson(mean): mean
        case let .bernoulli(p): p
        case let .empirical(table): table.mean
        case let .empiricalContinuous(table): table.mean
        case let .constant(value): value
        }
    }

    /// The variance, E[(X − mean)²]; meaningful only when `validate()` passes.
    public var variance: Double {
        switch self {
        case let .exponential(mean):
            return mean * mean
        case let .normal(_, sd), let .lognormal(_, sd):
            return sd * sd
        case let .weibull(shape, scale):
            let g1 = tgamma(1 + 1 / shape)
            return scale * scale * (tgamma(1 + 2 / shape) - g1 * g1)
        case let .gamma(shape, scale):
            return shape * scale * scale
        case let .beta(a, b):
            let s = a + b
            return a * b / (s * s * (s + 1))
        case let .triangular(lo, mode, hi):
            return (lo * lo + mode * mode + hi * hi - lo * mode - lo * hi - mode * hi) / 18
        case let .uniform(lo, hi):
            return (hi - lo) * (hi - lo) / 12
        case let .poisson(mean):
            return mean
        case let .bernoulli(p):
            return p * (1 - p)
        case let .empirical(table):
            return table.variance
        case let .empiricalContinuous(table):
            return table.variance
        case .constant:
            return 0
        }
    }

    /// The standard deviation, √variance.
    public var standardDeviation: Double { variance.squareRoot() }
}
