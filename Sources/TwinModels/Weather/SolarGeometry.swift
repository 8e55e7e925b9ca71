import Foundation

/// Sun position and extraterrestrial radiation on a horizontal surface (FAO-56, Allen et al. 1998, ch. 3).
///
/// Equations: inverse relative Earth–Sun distance d_r (eq. 23), solar declination δ (eq. 24),
/// sunset hour angle ω_s (eq. 25), daily extraterrestrial radiation R_a (eq. 21) and clear-sky
/// radiation R_so = (0.75 + 2·10⁻⁵·z)·R_a (eq. 37). The instantaneous form uses the hour angle
/// ω = π/12·(t − 12) with t the local solar time, h, which integrated over a day gives eq. 21.
///
/// Inputs: latitude, degrees, −90–90 (north positive); day of year J, 1–366; solar time, h.
public enum SolarGeometry {
    /// Solar constant G_sc, W m⁻² (FAO-56: 0.0820 MJ m⁻² min⁻¹).
    public static let solarConstant = 0.0820e6 / 60

    /// Inverse relative Earth–Sun distance d_r = 1 + 0.033·cos(2πJ/365) (FAO-56 eq. 23).
    @inlinable
    public static func inverseRelativeDistance(dayOfYear j: Double) -> Double {
        1 + 0.033 * cos(2 * Double.pi * j / 365)
    }

    /// Solar declination δ = 0.409·sin(2πJ/365 − 1.39), rad (FAO-56 eq. 24).
    @inlinable
    public static func declination(dayOfYear j: Double) -> Double {
        0.409 * sin(2 * Double.pi * j / 365 - 1.39)
    }

    /// Sine of the solar elevation; ≤ 0 when the sun is below the horizon.
    ///
    /// - Parameters:
    ///   - latitude: degrees, north positive.
    ///   - dayOfYear: J, 1–366.
    ///   - solarHour: local solar time, h (12 = solar noon).
    @inlinable
    public static func sineOfElevation(latitude: Double, dayOfYear: Double, solarHour: Double) -> Double {
        let phi = latitude * Double.pi / 180
        let delta = declination(dayOfYear: dayOfYear)
        let omega = Double.pi / 12 * (solarHour - 12)
        return sin(phi) * sin(delta) + cos(phi) * cos(delta) * cos(omega)
    }

    /// Extraterrestrial irradiance on a horizontal surface, W m⁻², 0 at night.
    @inlinable
    public static func extraterrestrialIrradiance(latitude: Double, dayOfYear: Double, solarHour: Double) -> Double {
        solarConstant * inverseRelativeDistance(dayOfYear: dayOfYear)
            * max(0, sineOfElevation(latitude: latitude, dayOfYear: dayOfYear, solarHour: solarHour))
    }

    /// Sunset hour angle ω_s = arccos(−tan φ · tan δ), rad (FAO-56 eq. 25).
    ///
    /// The argument is clamped to [−1, 1] so that polar night gives 0 and midnight sun gives π
    /// instead of NaN; daylight hours are N = 24·ω_s/π (FAO-56 eq. 34).
    ///
    /// - Parameters:
    ///   - latitude: degrees, north positive.
    ///   - dayOfYear: J, 1–366.
    @inlinable
    public static func sunsetHourAngle(latitude: Double, dayOfYear: Double) -> Double {
        let phi = latitude * Double.pi / 180
        let delta = declination(dayOfYear: dayOfYear)
        return acos(min(1, max(-1, -tan(phi) * tan(delta))))
    }

    /// Daily extraterrestrial radiation R_a, MJ m⁻² d⁻¹ (FAO-56 eq. 21 with ω_s of eq. 25).
    public static func dailyExtraterrestrialRadiation(latitude: Double, dayOfYear: Double) -> Double {
        let phi = latitude * Double.pi / 180
        let delta = declination(dayOfYear: dayOfYear)
        let omegaS = sunsetHourAngle(latitude: latitude, dayOfYear: dayOfYear)
        return 24 * 60 / Double.pi * 0.0820 * inverseRelativeDistance(dayOfYear: dayOfYear)
            * (omegaS * sin(phi) * sin(delta) + cos(phi) * cos(delta) * sin(omegaS))
    }

    /// Clear-sky fraction of extraterrestrial radiation, 0.75 + 2·10⁻⁵·z (FAO-56 eq. 37).
    ///
    /// - Parameter elevation: site elevation z, m.
    @inlinable
    public static func clearSkyFraction(elevation: Double) -> Double {
        0.75 + 2e-5 * elevation
    }
}
