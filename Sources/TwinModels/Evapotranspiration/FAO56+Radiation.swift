import Foundation

/// Daily radiation terms of FAO-56 (Allen et al. 1998) ch. 3, eqs. 21–40.
///
/// Radiation in MJ m⁻² d⁻¹. Sun geometry (eqs. 21–25) is `SolarGeometry`'s; this extension
/// validates the inputs and adds the surface balance.
extension FAO56 {
    /// Latitudes accepted, degrees north positive.
    public static let validLatitudeRange: ClosedRange<Double> = -90...90
    /// Days of the year accepted, J.
    public static let validDayOfYearRange: ClosedRange<Int> = 1...366

    /// Daily extraterrestrial radiation R_a (FAO-56 eq. 21 with G_sc = 0.0820 MJ m⁻² min⁻¹).
    ///
    /// - Parameters:
    ///   - latitude: φ, degrees, −90…90, north positive.
    ///   - dayOfYear: J, 1–366 (for a month, the J of its middle day; FAO-56 Annex 2 Table 2.5).
    /// - Returns: R_a, MJ m⁻² d⁻¹ (41.09 at 50°48′N on 6 July; 0 in polar night).
    public static func extraterrestrialRadiation(latitude: Double, dayOfYear: Int) throws(ModelInputError) -> Double {
        let (phi, j) = try checkSite(latitude, dayOfYear)
        return SolarGeometry.dailyExtraterrestrialRadiation(latitude: phi, dayOfYear: j)
    }

    /// Daylight hours N = 24·ω_s/π (FAO-56 eq. 34, ω_s from eq. 25).
    ///
    /// - Parameters: as `extraterrestrialRadiation(latitude:dayOfYear:)`.
    /// - Returns: N, h, 0–24 (16.1 at 50°48′N on 6 July).
    public static func daylightHours(latitude: Double, dayOfYear: Int) throws(ModelInputError) -> Double {
        let (phi, j) = try checkSite(latitude, dayOfYear)
        return 24 / Double.pi * SolarGeometry.sunsetHourAngle(latitude: phi, dayOfYear: j)
    }

    /// Solar (global shortwave) radiation from sunshine duration, Ångström:
    /// R_s = (a_s + b_s·n/N)·R_a (FAO-56 eq. 35).
    ///
    /// - Parameters:
    ///   - sunshineHours: n, bright-sunshine hours, h, 0…N.
    ///   - daylightHours: N, h, 0–24.
    ///   - extraterrestrialRadiation: R_a, MJ m⁻² d⁻¹, 0–50.
    ///   - intercept: a_s (default 0.25, FAO-56's uncalibrated value), 0–1.
    ///   - slope: b_s (default 0.50), 0–1, with a_s + b_s ≤ 1.
    /// - Returns: R_s, MJ m⁻² d⁻¹ (22.07 for FAO-56 Example 18).
    /// - Throws: `.inconsistent` if n > N or a_s + b_s > 1.
    public static func solarRadiation(
        sunshineHours: Double, daylightHours: Double, extraterrestrialRadiation: Double,
        intercept: Double = angstromIntercept, slope: Double = angstromSlope
    ) throws(ModelInputError) -> Double {
        let bigN = try ModelInputError.check(daylightHours, "daylight hours", unit: "h", in: 0...24)
        let n = try ModelInputError.check(sunshineHours, "sunshine hours", unit: "h", in: 0...24)
        guard n <= bigN else {
            throw ModelInputError(code: .inconsistent, quantity: "sunshine hours", value: n, unit: "h",
                                  validRange: 0...bigN,
                                  message: "sunshine hours \(n) h exceed the day length \(bigN) h")
        }
        let ra = try ModelInputError.check(extraterrestrialRadiation, "extraterrestrial radiation",
                                           unit: "MJ m⁻² d⁻¹", in: 0...50)
        let (a, b) = try checkAngstrom(intercept, slope)
        // In polar night N = 0 and R_a = 0, so the ratio's value does not matter.
        let ratio = bigN > 0 ? n / bigN : 0
        return (a + b * ratio) * ra
    }

    /// Clear-sky solar radiation R_so = (0.75 + 2·10⁻⁵·z)·R_a (FAO-56 eq. 37).
    ///
    /// - Parameters:
    ///   - extraterrestrialRadiation: R_a, MJ m⁻² d⁻¹, 0–50.
    ///   - elevation: z, m, within `validElevationRange`.
    /// - Returns: R_so, MJ m⁻² d⁻¹.
    public static func clearSkyRadiation(extraterrestrialRadiation: Double,
                                         elevation: Double) throws(ModelInputError) -> Double {
        let ra = try ModelInputError.check(extraterrestrialRadiation, "extraterrestrial radiation",
                                           unit: "MJ m⁻² d⁻¹", in: 0...50)
        let z = try ModelInputError.check(elevation, "elevation", unit: "m", in: validElevationRange)
        return SolarGeometry.clearSkyFraction(elevation: z) * ra
    }

    /// Net shortwave radiation R_ns = (1 − α)·R_s (FAO-56 eq. 38).
    ///
    /// - Parameters:
    ///   - solarRadiation: R_s, MJ m⁻² d⁻¹, 0–50.
    ///   - albedo: α, 0–1 (0.23 for the grass reference).
    /// - Returns: R_ns, MJ m⁻² d⁻¹.
    public static func netShortwaveRadiation(solarRadiation: Double,
                                             albedo: Double = referenceAlbedo) throws(ModelInputError) -> Double {
        let rs = try ModelInputError.check(solarRadiation, "solar radiation", unit: "MJ m⁻² d⁻¹", in: 0...50)
        let a = try ModelInputError.check(albedo, "albedo", unit: "1", in: 0...1)
        return (1 - a) * rs
    }

    /// Net outgoing longwave radiation (FAO-56 eq. 39):
    /// R_nl = σ·(T_max,K⁴ + T_min,K⁴)/2 · (0.34 − 0.14·√e_a) · (1.35·R_s/R_so − 0.35).
    ///
    /// Temperatures are converted with K = °C + 273.16, as in FAO-56; R_s/R_so is capped at 1.
    /// - Parameters:
    ///   - maximumTemperature: T_max, °C; `minimumTemperature`: T_min, °C ≤ T_max.
    ///   - actualVapourPressure: e_a, kPa, 0–10.
    ///   - solarRadiation: R_s, MJ m⁻² d⁻¹, 0–50.
    ///   - clearSkyRadiation: R_so, MJ m⁻² d⁻¹, > 0 and ≤ 50.
    /// - Returns: R_nl, MJ m⁻² d⁻¹, positive for a net loss (3.71 for FAO-56 Example 18).
    /// - Throws: `.inconsistent` if R_so = 0 (polar night, where the cloudiness factor is undefined).
    public static func netLongwaveRadiation(
        maximumTemperature: Double, minimumTemperature: Double, actualVapourPressure: Double,
        solarRadiation: Double, clearSkyRadiation: Double
    ) throws(ModelInputError) -> Double {
        let (hi, lo) = try checkExtremes(maximumTemperature, minimumTemperature)
        let ea = try ModelInputError.check(actualVapourPressure, "actual vapour pressure", unit: "kPa", in: 0...10)
        let rs = try ModelInputError.check(solarRadiation, "solar radiation", unit: "MJ m⁻² d⁻¹", in: 0...50)
        let rso = try ModelInputError.check(clearSkyRadiation, "clear-sky radiation", unit: "MJ m⁻² d⁻¹", in: 0...50)
        guard rso > 0 else {
            throw ModelInputError(code: .inconsistent, quantity: "clear-sky radiation", value: rso, unit: "MJ m⁻² d⁻¹",
                                  message: "clear-sky radiation is 0 (polar night): FAO-56 eq. 39's R_s/R_so is undefined")
        }
        let tMaxK = hi + 273.16
        let tMinK = lo + 273.16
        let emission = stefanBoltzmann * (tMaxK * tMaxK * tMaxK * tMaxK + tMinK * tMinK * tMinK * tMinK) / 2
        let humidity = 0.34 - 0.14 * ea.squareRoot()
        let cloudiness = 1.35 * min(1, rs / rso) - 0.35
        return emission * humidity * cloudiness
    }

    /// Net radiation R_n = R_ns − R_nl (FAO-56 eq. 40).
    ///
    /// - Parameters:
    ///   - netShortwaveRadiation: R_ns, MJ m⁻² d⁻¹, 0–50.
    ///   - netLongwaveRadiation: R_nl, MJ m⁻² d⁻¹, −20…20.
    /// - Returns: R_n, MJ m⁻² d⁻¹ (13.28 for FAO-56 Example 18).
    public static func netRadiation(netShortwaveRadiation: Double,
                                    netLongwaveRadiation: Double) throws(ModelInputError) -> Double {
        let rns = try ModelInputError.check(netShortwaveRadiation, "net shortwave radiation", unit: "MJ m⁻² d⁻¹",
                                            in: 0...50)
        let rnl = try ModelInputError.check(netLongwaveRadiation, "net longwave radiation", unit: "MJ m⁻² d⁻¹",
                                            in: -20...20)
        return rns - rnl
    }

    // MARK: Shared checks

    static func checkSite(_ latitude: Double, _ dayOfYear: Int) throws(ModelInputError) -> (Double, Double) {
        let phi = try ModelInputError.check(latitude, "latitude", unit: "°", in: validLatitudeRange)
        guard validDayOfYearRange.contains(dayOfYear) else {
            throw ModelInputError(code: .outOfRange, quantity: "day of year", value: Double(dayOfYear), unit: "d",
                                  validRange: 1...366)
        }
        return (phi, Double(dayOfYear))
    }

    static func checkAngstrom(_ intercept: Double, _ slope: Double) throws(ModelInputError) -> (Double, Double) {
        let a = try ModelInputError.check(intercept, "Ångström intercept a_s", unit: "1", in: 0...1)
        let b = try ModelInputError.check(slope, "Ångström slope b_s", unit: "1", in: 0...1)
        guard a + b <= 1 else {
            throw ModelInputError(code: .inconsistent, quantity: "Ångström slope b_s", value: b, unit: "1",
                                  validRange: 0...(1 - a),
                                  message: "a_s + b_s = \(a + b) exceeds 1: clear days would receive more than R_a")
        }
        return (a, b)
    }
}
