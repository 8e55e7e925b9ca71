import Foundation

/// The equations of FAO Irrigation and Drainage Paper 56 (Allen, Pereira, Raes & Smith 1998),
/// chapters 2–4, as validated pure functions.
///
/// Each function is one numbered equation of the paper and keeps its units: temperature °C,
/// pressure kPa, radiation MJ m⁻² d⁻¹, wind m s⁻¹, evapotranspiration mm d⁻¹. Saturation vapour
/// pressure and its slope come from `SaturationFormula.tetens` (eqs. 11 and 13) and the sun's
/// geometry from `SolarGeometry` (eqs. 21–25), so there is one implementation of each.
/// `ReferenceEvapotranspiration` chains these into a day's ET₀; use the functions directly when
/// some intermediates are measured. Radiation is in `FAO56+Radiation.swift`, the resistances of
/// eqs. 4–5 in `FAO56+Resistances.swift`.
///
/// Invalid inputs throw `ModelInputError`; see each function for the accepted ranges.
public enum FAO56 {
    /// Latent heat of vaporisation λ, MJ kg⁻¹ (FAO-56 eq. 8 and Annex 3, at ≈ 20 °C; 1/λ = 0.408).
    public static let latentHeat = 2.45
    /// Specific heat of moist air at constant pressure c_p, MJ kg⁻¹ °C⁻¹ (FAO-56 eq. 8).
    public static let specificHeat = 1.013e-3
    /// Ratio of the molecular weights of water vapour and dry air ε (FAO-56 eq. 8).
    public static let molecularWeightRatio = 0.622
    /// Specific gas constant of dry air R, kJ kg⁻¹ K⁻¹ (FAO-56 Annex 3 eq. 3-5).
    public static let dryAirGasConstant = 0.287
    /// Stefan–Boltzmann constant σ, MJ K⁻⁴ m⁻² d⁻¹ (FAO-56 eq. 39).
    public static let stefanBoltzmann = 4.903e-9
    /// Albedo of the hypothetical grass reference crop (FAO-56 eq. 38).
    public static let referenceAlbedo = 0.23
    /// Ångström intercept a_s, the fraction of R_a reaching the ground on overcast days (FAO-56 eq. 35,
    /// recommended where no local calibration exists).
    public static let angstromIntercept = 0.25
    /// Ångström slope b_s; a_s + b_s is the clear-day fraction of R_a (FAO-56 eq. 35).
    public static let angstromSlope = 0.50

    /// Site elevations accepted, m (the Dead Sea shore to above Everest's summit).
    public static let validElevationRange: ClosedRange<Double> = -500...9000
    /// Air temperatures accepted, °C: the range of the Tetens fit used for e°(T).
    public static let validTemperatureRange = SaturationFormula.tetens.validTemperatureRange
    /// Wind speeds accepted, m s⁻¹.
    public static let validWindSpeedRange: ClosedRange<Double> = 0...60
    /// Anemometer heights accepted by eq. 47, m (it assumes a sensor above short grass).
    public static let validWindHeightRange: ClosedRange<Double> = 0.5...100

    // MARK: Atmosphere (FAO-56 ch. 3)

    /// Atmospheric pressure from elevation, P = 101.3·((293 − 0.0065 z)/293)^5.26 (FAO-56 eq. 7).
    ///
    /// A standard atmosphere at 20 °C; FAO-56 accepts it for ET₀ because P changes ET₀ little.
    /// - Parameter elevation: z, m above sea level, within `validElevationRange`.
    /// - Returns: P, kPa (100.1 at 100 m; FAO-56 Table 2.1).
    public static func atmosphericPressure(elevation: Double) throws(ModelInputError) -> Double {
        let z = try ModelInputError.check(elevation, "elevation", unit: "m", in: validElevationRange)
        return 101.3 * pow((293 - 0.0065 * z) / 293, 5.26)
    }

    /// Psychrometric constant γ = c_p·P/(ε·λ) = 0.665·10⁻³·P (FAO-56 eq. 8).
    ///
    /// - Parameter pressure: P, kPa, within `Psychrometrics.validPressureRange`.
    /// - Returns: γ, kPa °C⁻¹ (0.0666 at 100.1 kPa).
    public static func psychrometricConstant(pressure: Double) throws(ModelInputError) -> Double {
        let p = try ModelInputError.check(pressure, "atmospheric pressure", unit: "kPa",
                                          in: Psychrometrics.validPressureRange)
        return 0.665e-3 * p
    }

    /// Wind speed at 2 m from a reading at height z over short grass,
    /// u₂ = u_z·4.87/ln(67.8 z − 5.42) (FAO-56 eq. 47, logarithmic profile).
    ///
    /// - Parameters:
    ///   - windSpeed: u_z, m s⁻¹, within `validWindSpeedRange`.
    ///   - height: z, m above ground, within `validWindHeightRange`.
    /// - Returns: u₂, m s⁻¹ (10 km h⁻¹ at 10 m gives 2.078; at z = 2 m, u_z itself).
    public static func windSpeedAt2m(windSpeed: Double, height: Double) throws(ModelInputError) -> Double {
        let u = try ModelInputError.check(windSpeed, "wind speed", unit: "m s⁻¹", in: validWindSpeedRange)
        let z = try ModelInputError.check(height, "anemometer height", unit: "m", in: validWindHeightRange)
        // The fit gives 1.0002 at z = 2 m; a reading already at 2 m is u₂ by definition.
        if z == 2 { return u }
        return u * 4.87 / log(67.8 * z - 5.42)
    }

    // MARK: Humidity (FAO-56 ch. 3)

    /// Mean daily air temperature, (T_max + T_min)/2 (FAO-56 eq. 9), after checking both extremes.
    ///
    /// - Parameters:
    ///   - maximumTemperature: T_max, °C, within `validTemperatureRange`.
    ///   - minimumTemperature: T_min, °C, within `validTemperatureRange` and ≤ T_max.
    /// - Returns: T_mean, °C.
    /// - Throws: `.inconsistent` if T_min > T_max.
    public static func meanTemperature(maximumTemperature: Double,
                                       minimumTemperature: Double) throws(ModelInputError) -> Double {
        let (hi, lo) = try checkExtremes(maximumTemperature, minimumTemperature)
        return (hi + lo) / 2
    }

    /// Mean saturation vapour pressure, e_s = (e°(T_max) + e°(T_min))/2 (FAO-56 eq. 12).
    ///
    /// Averaging the extremes rather than taking e°(T_mean) follows FAO-56: e° is convex, so
    /// e°(T_mean) would underestimate the day's deficit.
    /// - Parameters: as `meanTemperature(maximumTemperature:minimumTemperature:)`.
    /// - Returns: e_s, kPa (1.997 for 21.5/12.3 °C).
    public static func meanSaturationVapourPressure(maximumTemperature: Double,
                                                    minimumTemperature: Double) throws(ModelInputError) -> Double {
        let (hi, lo) = try checkExtremes(maximumTemperature, minimumTemperature)
        let tetens = SaturationFormula.tetens
        return (try tetens.saturationVapourPressure(temperature: hi)
            + tetens.saturationVapourPressure(temperature: lo)) / 2
    }

    /// Actual vapour pressure from the dew point, e_a = e°(T_dew) (FAO-56 eq. 14).
    ///
    /// - Parameter dewPoint: T_dew, °C, within `validTemperatureRange`.
    /// - Returns: e_a, kPa (1.938 at 17.0 °C; FAO-56 Example 5).
    public static func actualVapourPressure(dewPoint: Double) throws(ModelInputError) -> Double {
        let t = try ModelInputError.check(dewPoint, "dew point", unit: "°C", in: validTemperatureRange)
        return try SaturationFormula.tetens.saturationVapourPressure(temperature: t)
    }

    /// Actual vapour pressure from the day's humidity extremes,
    /// e_a = [e°(T_min)·RH_max/100 + e°(T_max)·RH_min/100]/2 (FAO-56 eq. 17).
    ///
    /// RH_max occurs near dawn at T_min and RH_min in the afternoon at T_max, hence the pairing.
    /// - Parameters:
    ///   - maximumRelativeHumidity: RH_max, %, 0–100.
    ///   - minimumRelativeHumidity: RH_min, %, 0–RH_max.
    ///   - maximumTemperature: T_max, °C.
    ///   - minimumTemperature: T_min, °C, ≤ T_max.
    /// - Returns: e_a, kPa (1.409 for FAO-56 Example 18).
    /// - Throws: `.inconsistent` if RH_min > RH_max or T_min > T_max.
    public static func actualVapourPressure(
        maximumRelativeHumidity: Double, minimumRelativeHumidity: Double,
        maximumTemperature: Double, minimumTemperature: Double
    ) throws(ModelInputError) -> Double {
        let (hi, lo) = try checkExtremes(maximumTemperature, minimumTemperature)
        let rhMax = try ModelInputError.check(maximumRelativeHumidity, "maximum relative humidity", unit: "%",
                                              in: Psychrometrics.validRelativeHumidityRange)
        let rhMin = try ModelInputError.check(minimumRelativeHumidity, "minimum relative humidity", unit: "%",
                                              in: Psychrometrics.validRelativeHumidityRange)
        guard rhMin <= rhMax else {
            throw ModelInputError(code: .inconsistent, quantity: "minimum relative humidity", value: rhMin, unit: "%",
                                  validRange: 0...rhMax,
                                  message: "minimum relative humidity \(rhMin) % exceeds the maximum \(rhMax) %")
        }
        let tetens = SaturationFormula.tetens
        return (try tetens.saturationVapourPressure(temperature: lo) * rhMax / 100
            + tetens.saturationVapourPressure(temperature: hi) * rhMin / 100) / 2
    }

    /// Actual vapour pressure from the mean relative humidity, e_a = RH_mean/100 · e_s
    /// (FAO-56 eq. 19; less reliable than eqs. 14 and 17, for when only RH_mean is recorded).
    ///
    /// - Parameters:
    ///   - meanRelativeHumidity: RH_mean, %, 0–100.
    ///   - maximumTemperature: T_max, °C.
    ///   - minimumTemperature: T_min, °C, ≤ T_max.
    /// - Returns: e_a, kPa.
    public static func actualVapourPressure(
        meanRelativeHumidity: Double, maximumTemperature: Double, minimumTemperature: Double
    ) throws(ModelInputError) -> Double {
        let rh = try ModelInputError.check(meanRelativeHumidity, "mean relative humidity", unit: "%",
                                           in: Psychrometrics.validRelativeHumidityRange)
        return rh / 100 * (try meanSaturationVapourPressure(maximumTemperature: maximumTemperature,
                                                            minimumTemperature: minimumTemperature))
    }

    // MARK: Soil heat flux (FAO-56 ch. 3)

    /// Monthly soil heat flux from the mean air temperatures of the previous and current months,
    /// G = 0.14·(T_month,i − T_month,i−1) (FAO-56 eq. 44; use when next month's is unknown).
    ///
    /// For a single day FAO-56 takes G ≈ 0 (eq. 42), so no function is needed for that case.
    /// - Parameters:
    ///   - currentMonth: mean air temperature of month i, °C.
    ///   - previousMonth: mean air temperature of month i − 1, °C.
    /// - Returns: G, MJ m⁻² d⁻¹ (0.14 for Bangkok, March 29.2 → April 30.2 °C).
    public static func monthlySoilHeatFlux(currentMonth: Double, previousMonth: Double) throws(ModelInputError) -> Double {
        let now = try ModelInputError.check(currentMonth, "mean temperature of the month", unit: "°C",
                                            in: validTemperatureRange)
        let before = try ModelInputError.check(previousMonth, "mean temperature of the previous month", unit: "°C",
                                               in: validTemperatureRange)
        return 0.14 * (now - before)
    }

    // MARK: Reference evapotranspiration (FAO-56 eq. 6)

    /// FAO Penman–Monteith reference evapotranspiration of clipped grass (h = 0.12 m,
    /// r_s = 70 s m⁻¹, albedo 0.23; FAO-56 eq. 6):
    /// ET₀ = [0.408·Δ·(R_n − G) + γ·900/(T + 273)·u₂·(e_s − e_a)] / [Δ + γ·(1 + 0.34·u₂)].
    ///
    /// The constants fold λ = 2.45 MJ kg⁻¹, r_a = 208/u₂ and r_s = 70 s m⁻¹ into the general
    /// Penman–Monteith form (`PenmanMonteith`), rounded. A negative deficit (e_a > e_s, a dew
    /// point above the mean of the extremes' e°) is kept: it lowers ET₀ as the formula implies.
    /// - Parameters:
    ///   - netRadiation: R_n, MJ m⁻² d⁻¹, −20…60.
    ///   - soilHeatFlux: G, MJ m⁻² d⁻¹, −20…20 (0 for a day).
    ///   - meanTemperature: T, °C, within `validTemperatureRange`.
    ///   - windSpeed: u₂, m s⁻¹ at 2 m, within `validWindSpeedRange`.
    ///   - saturationVapourPressure: e_s, kPa, 0…20.
    ///   - actualVapourPressure: e_a, kPa, 0…20.
    ///   - slope: Δ, kPa °C⁻¹, 0…1.
    ///   - psychrometricConstant: γ, kPa °C⁻¹, 0.005…0.15.
    /// - Returns: ET₀, mm d⁻¹ (may be negative when R_n − G is strongly negative and the air is humid).
    public static func referenceEvapotranspiration(
        netRadiation: Double, soilHeatFlux: Double = 0, meanTemperature: Double, windSpeed: Double,
        saturationVapourPressure: Double, actualVapourPressure: Double,
        slope: Double, psychrometricConstant: Double
    ) throws(ModelInputError) -> Double {
        let rn = try ModelInputError.check(netRadiation, "net radiation", unit: "MJ m⁻² d⁻¹", in: -20...60)
        let g = try ModelInputError.check(soilHeatFlux, "soil heat flux", unit: "MJ m⁻² d⁻¹", in: -20...20)
        let t = try ModelInputError.check(meanTemperature, "mean air temperature", unit: "°C", in: validTemperatureRange)
        let u2 = try ModelInputError.check(windSpeed, "wind speed at 2 m", unit: "m s⁻¹", in: validWindSpeedRange)
        let es = try ModelInputError.check(saturationVapourPressure, "saturation vapour pressure", unit: "kPa", in: 0...20)
        let ea = try ModelInputError.check(actualVapourPressure, "actual vapour pressure", unit: "kPa", in: 0...20)
        let delta = try ModelInputError.check(slope, "slope of the saturation curve", unit: "kPa °C⁻¹", in: 0...1)
        let gamma = try ModelInputError.check(psychrometricConstant, "psychrometric constant", unit: "kPa °C⁻¹",
                                              in: 0.005...0.15)
        let numerator = 0.408 * delta * (rn - g) + gamma * 900 / (t + 273) * u2 * (es - ea)
        return numerator / (delta + gamma * (1 + 0.34 * u2))
    }

    // MARK: Shared checks

    /// Validates a (T_max, T_min) pair: both in range and T_min ≤ T_max.
    static func checkExtremes(_ maximum: Double, _ minimum: Double) throws(ModelInputError) -> (Double, Double) {
        let hi = try ModelInputError.check(maximum, "maximum air temperature", unit: "°C", in: validTemperatureRange)
        let lo = try ModelInputError.check(minimum, "minimum air temperature", unit: "°C", in: validTemperatureRange)
        guard lo <= hi else {
            throw ModelInputError(code: .inconsistent, quantity: "minimum air temperature", value: lo, unit: "°C",
                                  validRange: validTemperatureRange.lowerBound...hi,
                                  message: "minimum air temperature \(lo) °C exceeds the maximum \(hi) °C")
        }
        return (hi, lo)
    }
}
