import Foundation

/// Dimensionless environmental modifiers (0…1, or around 1 for CO₂) that scale a crop's
/// light-use efficiency; pure functions, cheap enough for every simulated minute.
///
/// The forms follow docs/model-reference.md §Cannabis: the cardinal-temperature beta function of
/// Yan & Hunt (1999), the light-limited CO₂ factor of Goudriaan et al. (1985) as used by
/// Van Henten (1994), and a piecewise-linear leaf-VPD ramp. None of them validate their
/// arguments: callers pass values already checked (``CanopyConditions`` does), and the
/// functions are total on finite inputs (they return 0 rather than NaN at the edges).
public enum GrowthModifiers {
    /// Yan & Hunt (1999) cardinal-temperature response, 1 at the optimum and 0 outside (T_min, T_max).
    ///
    /// f(T) = ((T_max − T)/(T_max − T_opt)) · ((T − T_min)/(T_opt − T_min))^((T_opt − T_min)/(T_max − T_opt)).
    /// Yan, W. & Hunt, L.A. (1999), *An equation for modelling the temperature response of
    /// plants using only the cardinal temperatures*, Annals of Botany 84:607–614.
    ///
    /// - Parameters:
    ///   - temperature: T, °C.
    ///   - minimum: T_min, °C, below `optimum`.
    ///   - optimum: T_opt, °C.
    ///   - maximum: T_max, °C, above `optimum`.
    /// - Returns: f_T, dimensionless, in [0, 1].
    @inlinable
    public static func cardinalTemperature(_ temperature: Double, minimum: Double, optimum: Double,
                                           maximum: Double) -> Double {
        guard temperature > minimum, temperature < maximum else { return 0 }
        let exponent = (optimum - minimum) / (maximum - optimum)
        let rising = (temperature - minimum) / (optimum - minimum)
        let falling = (maximum - temperature) / (maximum - optimum)
        return falling * pow(rising, exponent)
    }

    /// Light-limited CO₂ factor normalised to 1 at a reference concentration.
    ///
    /// f = [(C − Γ)/(C + 2Γ)] / [(C_ref − Γ)/(C_ref + 2Γ)], the CO₂ dependence of the initial
    /// light-use efficiency (Goudriaan et al. 1985; the ε of Van Henten 1994). It rises
    /// towards (C_ref + 2Γ)/(C_ref − Γ) at very high CO₂ (1.333 for C_ref = 400, Γ = 40) and is 0
    /// at or below the compensation point. Gives 1.185 for 1000 against 400 ppm with Γ = 40.
    ///
    /// - Parameters:
    ///   - co2: C, ppm.
    ///   - compensationPoint: Γ, ppm, ≥ 0.
    ///   - reference: C_ref, ppm, above Γ: the concentration at which the efficiency it scales was measured.
    /// - Returns: f_CO2, dimensionless, ≥ 0.
    @inlinable
    public static func lightLimitedCO2(_ co2: Double, compensationPoint: Double, reference: Double) -> Double {
        guard co2 > compensationPoint else { return 0 }
        let atReference = (reference - compensationPoint) / (reference + 2 * compensationPoint)
        return (co2 - compensationPoint) / (co2 + 2 * compensationPoint) / atReference
    }

    /// Piecewise-linear leaf-VPD penalty: 1 inside [lower, upper], falling linearly outside, floored at 0.
    ///
    /// Low VPD limits transpiration-driven calcium transport and invites disease; high VPD
    /// closes stomata. Neither effect has a published cannabis response curve, so the ramp
    /// slopes are assumptions to calibrate (docs/model-reference.md §Cannabis).
    ///
    /// - Parameters:
    ///   - vpd: leaf-to-air vapour pressure deficit, kPa (negative values, a leaf below the
    ///     dew point, are treated as 0).
    ///   - lower: lower edge of the no-penalty band, kPa.
    ///   - upper: upper edge of the no-penalty band, kPa, ≥ `lower`.
    ///   - lowSlope: penalty per kPa below `lower`, kPa⁻¹, ≥ 0.
    ///   - highSlope: penalty per kPa above `upper`, kPa⁻¹, ≥ 0.
    /// - Returns: f_VPD, dimensionless, in [0, 1].
    @inlinable
    public static func vpdRamp(_ vpd: Double, lower: Double, upper: Double, lowSlope: Double,
                               highSlope: Double) -> Double {
        let d = max(vpd, 0)
        if d < lower { return max(0, 1 - lowSlope * (lower - d)) }
        if d > upper { return max(0, 1 - highSlope * (d - upper)) }
        return 1
    }
}
