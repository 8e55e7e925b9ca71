import CGSL

/// Quantiles of Student's t distribution, from GSL (`gsl_cdf_tdist_Pinv`).
///
/// Every interval and screening constant of the experiment statistics comes from here, so
/// the whole summary uses one implementation of the t quantile (GSL's, accurate to about
/// 1e-12 for the degrees of freedom simulations see; t₀.₉₇₅,₉ = 2.262157…).
public enum StudentT {
    /// GSL calls `abort()` on a domain error by default; the callers check their arguments
    /// and GSL's NaN is the better answer for anything left over.
    private static let errorHandlerOff: Void = { _ = gsl_set_error_handler_off() }()

    /// The p-quantile of t with `degreesOfFreedom` (> 0; need not be an integer, as Welch's
    /// approximation gives fractional ones). NaN outside the domain.
    public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        guard p > 0, p < 1, degreesOfFreedom > 0 else { return .nan }
        _ = errorHandlerOff
        return gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
    }

    /// The two-sided critical value t₁₋₍₁₋level₎/₂ for a confidence `level` in (0, 1).
    public static func twoSided(level: Double, degreesOfFreedom: Double) -> Double {
        quantile(1 - (1 - level) / 2, degreesOfFreedom: degreesOfFreedom)
    }
}
