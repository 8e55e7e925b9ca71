extension Distribution {
    /// The largest Poisson mean accepted. GSL's Poisson CDF (an incomplete gamma function),
    /// which the quantile search starts from, is accurate to ~1e-13 up to a mean of 1e6 but
    /// off by percents in the lower tail at 1e7 (checked against SciPy, GSL 2.7.1). Larger
    /// counts are better modelled as normal(mean: m, sd: √m) anyway.
    public static let maximumPoissonMean = 1e6

    /// Checks every parameter against its valid range; throws a `DistributionError` naming the
    /// first offending parameter, its value and the expected range.
    public func validate() throws {
        let kind = self.kind
        func require(_ ok: Bool, _ parameter: String, _ value: Double, _ expected: String) throws {
            if !ok {
                throw DistributionError(code: .invalidParameter, kind: kind, parameter: parameter,
                                        value: "\(value)", expected: expected)
            }
        }
        func positive(_ value: Double, _ parameter: String) throws {
            try require(value.isFinite && value > 0, parameter, value, "a finite number > 0")
        }
        func nonNegative(_ value: Double, _ parameter: String) throws {
            try require(value.isFinite && value >= 0, parameter, value, "a finite number ≥ 0")
        }
        func finite(_ value: Double, _ parameter: String) throws {
            try require(value.isFinite, parameter, value, "a finite number")
        }
        func ordered(_ lo: Double, _ hi: Double, _ names: String, _ expected: String) throws {
            if !(lo < hi) {
                throw DistributionError(code: .inconsistentParameters, kind: kind, parameter: names,
                                        value: "\(lo)/\(hi)", expected: expected)
            }
        }

        switch self {
        case let .exponential(mean):
            try positive(mean, "mean")
        case let .normal(mean, sd):
            try finite(mean, "mean")
            try nonNegative(sd, "sd")
        case let .lognormal(mean, sd):
            try positive(mean, "mean")
            try nonNegative(sd, "sd")
        case let .weibull(shape, scale), let .gamma(shape, scale):
            try positive(shape, "shape")
            try positive(scale, "scale")
        case let .beta(a, b):
            try positive(a, "a")
            try positive(b, "b")
        case let .triangular(lo, mode, hi):
            try finite(lo, "min")
            try finite(mode, "mode")
            try finite(hi, "max")
            try ordered(lo, hi, "min/max", "min < max (use constant for a fixed value)")
            try require(mode >= lo && mode <= hi, "mode", mode, "a value in [min, max] = [\(lo), \(hi)]")
        case let .uniform(lo, hi):
            try finite(lo, "min")
            try finite(hi, "max")
            try ordered(lo, hi, "min/max", "min < max (use constant for a fixed value)")
        case let .poisson(mean):
            try require(mean.isFinite && mean > 0 && mean <= Self.maximumPoissonMean, "mean", mean,
                        "a number in (0, \(Self.maximumPoissonMean)]")
        case let .bernoulli(p):
            try require(p >= 0 && p <= 1, "p", p, "a probability in [0, 1]")
        case let .empirical(table):
            try table.validate()
        case let .empiricalContinuous(table):
            try table.validate()
        case let .constant(value):
            try finite(value, "value")
        }
    }
}
