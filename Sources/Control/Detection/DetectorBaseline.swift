import TwinModels

/// Where a detector's in-control reference (mean μ₀ and standard deviation σ) comes from.
public enum DetectorBaseline: Sendable, Equatable {
    /// A known process: μ₀ and σ in the signal's unit (σ > 0), e.g. from a calibration run.
    case known(mean: Double, standardDeviation: Double)
    /// Estimate μ₀ and σ from the first `samples` values (sample mean and the n − 1
    /// standard deviation, Welford 1962); those samples are not monitored. At least 2;
    /// Montgomery (2009) recommends 20–25 subgroups, i.e. ≥ 50 individual values.
    case warmUp(samples: Int)

    /// Checks the baseline's parameters.
    func validated() throws(ModelInputError) -> DetectorBaseline {
        switch self {
        case let .known(mean, sd):
            _ = try ModelInputError.check(mean, "baseline mean", unit: "signal unit",
                                          in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
            _ = try ModelInputError.check(sd, "baseline standard deviation", unit: "signal unit",
                                          in: Double.leastNormalMagnitude...Double.greatestFiniteMagnitude)
        case let .warmUp(n):
            _ = try ModelInputError.check(Double(n), "warm-up samples", unit: "samples", in: 2...Double(Int32.max))
        }
        return self
    }
}
