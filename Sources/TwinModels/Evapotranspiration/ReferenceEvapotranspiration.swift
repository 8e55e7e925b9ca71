/// The FAO-56 Penman–Monteith reference evapotranspiration ET₀ of a day (or of a 10-day or
/// monthly mean day) from standard station weather.
///
/// ET₀ is the evapotranspiration of a hypothetical, well-watered clipped grass (h = 0.12 m,
/// r_s = 70 s m⁻¹, albedo 0.23). It is the outdoor evaporative demand; a crop's water use is
/// K_c·ET₀ outdoors, or `PenmanMonteith` with the canopy's own resistances in a grow room.
///
/// Procedure (Allen et al. 1998, FAO Irrigation and Drainage Paper 56, ch. 3, Box 11):
/// P (eq. 7) → γ (eq. 8); u₂ (eq. 47); T_mean (eq. 9) → Δ (eq. 13); e_s (eq. 12);
/// e_a (eqs. 14, 17 or 19); R_a (eq. 21), N (eq. 34); R_s (eq. 35 or measured); R_so (eq. 37);
/// R_ns (eq. 38); R_nl (eq. 39); R_n (eq. 40); ET₀ (eq. 6).
///
/// Input: `DailyWeatherSummary` (units and ranges documented there). Output:
/// `ReferenceEvapotranspirationResult`, ET₀ in mm d⁻¹ with every intermediate.
///
/// Check values: FAO-56 Example 18 (Brussels, 6 July) ET₀ = 3.9 mm d⁻¹; Example 17 (Bangkok,
/// April, monthly means) 5.72 mm d⁻¹ (Allen et al. 1998; docs/model-reference.md
/// §Evapotranspiration and the tests).
public struct ReferenceEvapotranspiration: Sendable, Hashable {
    /// Surface albedo α, 0–1 (0.23 for the grass reference; FAO-56 eq. 38).
    public var albedo: Double
    /// Ångström intercept a_s, 0–1 (0.25 uncalibrated; FAO-56 eq. 35).
    public var angstromIntercept: Double
    /// Ångström slope b_s, 0–1 with a_s + b_s ≤ 1 (0.50 uncalibrated; FAO-56 eq. 35).
    public var angstromSlope: Double

    /// Creates the model; the defaults are FAO-56's reference values.
    public init(albedo: Double = FAO56.referenceAlbedo,
                angstromIntercept: Double = FAO56.angstromIntercept,
                angstromSlope: Double = FAO56.angstromSlope) {
        self.albedo = albedo
        self.angstromIntercept = angstromIntercept
        self.angstromSlope = angstromSlope
    }

    /// ET₀ and its intermediates for one day.
    ///
    /// - Parameter day: the station's weather; see `DailyWeatherSummary` for units and ranges.
    /// - Returns: the result, ET₀ in mm d⁻¹.
    /// - Throws: `ModelInputError` for any value out of range (e.g. negative wind, RH > 100 %),
    ///   `.inconsistent` for contradictions (T_min > T_max, RH_min > RH_max, a dew point above
    ///   T_max, sunshine longer than the day, measured R_s above R_a, polar night).
    public func daily(_ day: DailyWeatherSummary) throws(ModelInputError) -> ReferenceEvapotranspirationResult {
        let tMean = try FAO56.meanTemperature(maximumTemperature: day.maximumTemperature,
                                              minimumTemperature: day.minimumTemperature)
        let pressure = try FAO56.atmosphericPressure(elevation: day.elevation)
        let gamma = try FAO56.psychrometricConstant(pressure: pressure)
        let u2 = try FAO56.windSpeedAt2m(windSpeed: day.windSpeed, height: day.windHeight)
        let delta = try SaturationFormula.tetens.slope(temperature: tMean)
        let es = try FAO56.meanSaturationVapourPressure(maximumTemperature: day.maximumTemperature,
                                                        minimumTemperature: day.minimumTemperature)
        let ea = try actualVapourPressure(day)

        let ra = try FAO56.extraterrestrialRadiation(latitude: day.latitude, dayOfYear: day.dayOfYear)
        let bigN = try FAO56.daylightHours(latitude: day.latitude, dayOfYear: day.dayOfYear)
        let rs: Double
        switch day.radiation {
        case .sunshineHours(let n):
            rs = try FAO56.solarRadiation(sunshineHours: n, daylightHours: bigN, extraterrestrialRadiation: ra,
                                          intercept: angstromIntercept, slope: angstromSlope)
        case .solarRadiation(let measured):
            let value = try ModelInputError.check(measured, "solar radiation", unit: "MJ m⁻² d⁻¹", in: 0...50)
            guard value <= ra else {
                throw ModelInputError(code: .inconsistent, quantity: "solar radiation", value: value,
                                      unit: "MJ m⁻² d⁻¹", validRange: 0...ra,
                                      message: "solar radiation \(value) MJ m⁻² d⁻¹ exceeds the extraterrestrial \(ra)")
            }
            rs = value
        }
        let rso = try FAO56.clearSkyRadiation(extraterrestrialRadiation: ra, elevation: day.elevation)
        let rns = try FAO56.netShortwaveRadiation(solarRadiation: rs, albedo: albedo)
        let rnl = try FAO56.netLongwaveRadiation(
            maximumTemperature: day.maximumTemperature, minimumTemperature: day.minimumTemperature,
            actualVapourPressure: ea, solarRadiation: rs, clearSkyRadiation: rso)
        let rn = try FAO56.netRadiation(netShortwaveRadiation: rns, netLongwaveRadiation: rnl)
        let et0 = try FAO56.referenceEvapotranspiration(
            netRadiation: rn, soilHeatFlux: day.soilHeatFlux, meanTemperature: tMean, windSpeed: u2,
            saturationVapourPressure: es, actualVapourPressure: ea, slope: delta, psychrometricConstant: gamma)

        return ReferenceEvapotranspirationResult(
            atmosphericPressure: pressure, psychrometricConstant: gamma, windSpeed2m: u2,
            meanTemperature: tMean, slope: delta, saturationVapourPressure: es, actualVapourPressure: ea,
            extraterrestrialRadiation: ra, daylightHours: bigN, solarRadiation: rs, clearSkyRadiation: rso,
            netShortwaveRadiation: rns, netLongwaveRadiation: rnl, netRadiation: rn,
            soilHeatFlux: day.soilHeatFlux, referenceEvapotranspiration: et0)
    }

    /// e_a from whichever humidity the station recorded, checked against T_max.
    private func actualVapourPressure(_ day: DailyWeatherSummary) throws(ModelInputError) -> Double {
        let tMax = day.maximumTemperature
        let tMin = day.minimumTemperature
        switch day.humidity {
        case .dewPoint(let dew):
            // The air cannot hold a dew point above its own temperature at any hour of the day.
            guard !(dew > tMax) else {
                throw ModelInputError(code: .inconsistent, quantity: "dew point", value: dew, unit: "°C",
                                      validRange: FAO56.validTemperatureRange.lowerBound...tMax,
                                      message: "dew point \(dew) °C exceeds the maximum air temperature \(tMax) °C")
            }
            return try FAO56.actualVapourPressure(dewPoint: dew)
        case .relativeHumidityExtremes(let maximum, let minimum):
            return try FAO56.actualVapourPressure(maximumRelativeHumidity: maximum, minimumRelativeHumidity: minimum,
                                                  maximumTemperature: tMax, minimumTemperature: tMin)
        case .meanRelativeHumidity(let mean):
            return try FAO56.actualVapourPressure(meanRelativeHumidity: mean,
                                                  maximumTemperature: tMax, minimumTemperature: tMin)
        case .vapourPressure(let ea):
            let ceiling = try SaturationFormula.tetens.saturationVapourPressure(temperature: tMax)
            return try ModelInputError.check(ea, "actual vapour pressure", unit: "kPa", in: 0...ceiling)
        }
    }
}
