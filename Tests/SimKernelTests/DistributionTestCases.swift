@testable import SimKernel

/// Distributions exercised by the distribution tests: every kind, with shapes that stress the
/// quantile functions (shape < 1, U-shaped beta, a large Poisson mean, ties in tables).
enum DistributionTestCases {
    static let all: [Distribution] = [
        .exponential(mean: 2.5),
        .normal(mean: 10, sd: 2),
        .lognormal(mean: 4, sd: 2),
        .lognormal(mu: 0.5, sigma: 0.3),
        .weibull(shape: 2, scale: 100),
        .weibull(shape: 0.8, scale: 5),
        .gamma(shape: 0.5, scale: 2),
        .gamma(shape: 7.5, scale: 0.4),
        .beta(a: 2, b: 5),
        .beta(a: 0.5, b: 0.5),
        .triangular(min: 1, mode: 2, max: 4),
        .triangular(min: 0, mode: 0, max: 1),
        .uniform(min: -1, max: 3),
        .poisson(mean: 3.5),
        .poisson(mean: 250),
        .bernoulli(p: 0.1),
        .empirical(values: [1, 2, 5], weights: [0.5, 0.3, 0.2]),
        .empirical(values: [3, 1, 3, 2]),
        .empiricalContinuous(points: [3.1, 4.0, 4.2, 5.9, 2.5]),
        .constant(7),
    ]
}
