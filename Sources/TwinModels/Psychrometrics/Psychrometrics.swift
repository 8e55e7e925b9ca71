/// Moist-air psychrometrics as pure functions.
///
/// Units throughout: temperature °C, pressures kPa, relative humidity **percent** (0–100),
/// humidity ratio kg water per kg dry air, vapour density kg m⁻³, enthalpy kJ per kg dry
/// air. Every function validates its inputs and throws `ModelInputError` (code, quantity,
/// value, unit, valid range) rather than returning NaN; for a state that is checked once
/// and then queried many times, use the validated value type `MoistAir`.
///
/// Sources: ASHRAE Handbook—Fundamentals (2017) ch. 1 (humidity ratio eq. 20, enthalpy
/// eq. 30, wet-bulb eqs. 33/35); FAO-56 (Allen et al. 1998) ch. 3 for VPD; the saturation
/// formulas in `SaturationFormula`.
public enum Psychrometrics {
    /// Ratio of the molar masses of water and dry air, M_w/M_da = 18.015268/28.966 (ASHRAE 2017 eq. 20).
    public static let molarMassRatio = 0.621945
    /// Standard atmospheric pressure, kPa.
    public static let standardPressure = 101.325
    /// Molar mass of water, kg mol⁻¹ (IAPWS).
    public static let waterMolarMass = 0.018015268
    /// Molar gas constant, J mol⁻¹ K⁻¹ (CODATA 2018, exact).
    public static let gasConstant = 8.314462618
    /// Barometric pressures accepted, kPa: any terrestrial site (Everest is ≈ 33 kPa)
    /// plus pressurised rooms.
    public static let validPressureRange: ClosedRange<Double> = 10...200
    /// Relative humidities accepted, %.
    public static let validRelativeHumidityRange: ClosedRange<Double> = 0...100

    // MARK: Relative humidity ↔ vapour pressure

    /// Actual vapour pressure from relative humidity: e = RH/100 · e°(T).
    ///
    /// - Parameters:
    ///   - relativeHumidity: RH, %, 0–100.
    ///   - temperature: air temperature, °C, within `formula.validTemperatureRange`.
    ///   - formula: the saturation formula (default `.hylandWexler`).
    /// - Returns: vapour pressure e, kPa.
    public static func vapourPressure(
        relativeHumidity: Double, temperature: Double, formula: SaturationFormula = .hylandWexler
    ) throws(ModelInputError) -> Double {
        let rh = try checkRelativeHumidity(relativeHumidity)
        return rh / 100 * (try formula.saturationVapourPressure(temperature: temperature))
    }

    /// Relative humidity from vapour pressure: RH = 100 · e / e°(T).
    ///
    /// - Parameters:
    ///   - vapourPressure: e, kPa, 0 ≤ e ≤ e°(T) (a relative excess of 1e-9 is
    ///     tolerated and clamped to 100 % so round trips at saturation do not fail).
    ///   - temperature: air temperature, °C.
    ///   - formula: the saturation formula.
    /// - Returns: RH, %.
    /// - Throws: `.inconsistent` if e is above saturation at T.
    public static func relativeHumidity(
        vapourPressure: Double, temperature: Double, formula: SaturationFormula = .hylandWexler
    ) throws(ModelInputError) -> Double {
        let es = try formula.saturationVapourPressure(temperature: temperature)
        let e = try ModelInputError.check(vapourPressure, "vapour pressure", unit: "kPa", in: 0...(es * (1 + 1e-9)))
        return min(100, 100 * e / es)
    }

    // MARK: Humidity ratio

    /// Humidity ratio (mixing ratio) W = 0.621945 · e / (P − e) (ASHRAE 2017 eq. 20).
    ///
    /// - Parameters:
    ///   - vapourPressure: e, kPa, 0 ≤ e < P.
    ///   - pressure: total (barometric) pressure P, kPa, within `validPressureRange`.
    /// - Returns: W, kg water per kg dry air.
    public static func humidityRatio(
        vapourPressure: Double, pressure: Double = standardPressure
    ) throws(ModelInputError) -> Double {
        let p = try checkPressure(pressure)
        let e = try ModelInputError.check(vapourPressure, "vapour pressure", unit: "kPa", in: 0...p)
        guard e < p else {
            throw ModelInputError(code: .inconsistent, quantity: "vapour pressure", value: e, unit: "kPa",
                                  validRange: 0...p, message: "vapour pressure \(e) kPa must be below the total pressure \(p) kPa")
        }
        return molarMassRatio * e / (p - e)
    }

    /// Vapour pressure from humidity ratio, e = P·W / (0.621945 + W) (inverse of ASHRAE eq. 20).
    ///
    /// - Parameters:
    ///   - humidityRatio: W, kg kg⁻¹ dry air, 0–10.
    ///   - pressure: total pressure P, kPa.
    /// - Returns: e, kPa.
    public static func vapourPressure(
        humidityRatio: Double, pressure: Double = standardPressure
    ) throws(ModelInputError) -> Double {
        let p = try checkPressure(pressure)
        let w = try ModelInputError.check(humidityRatio, "humidity ratio", unit: "kg/kg", in: 0...10)
        return p * w / (molarMassRatio + w)
    }

    /// Humidity ratio of saturated air at T and P.
    ///
    /// - Returns: W_s, kg kg⁻¹ dry air.
    /// - Throws: `.inconsistent` when e°(T) ≥ P (the air would boil).
    public static func saturationHumidityRatio(
        temperature: Double, pressure: Double = standardPressure, formula: SaturationFormula = .hylandWexler
    ) throws(ModelInputError) -> Double {
        try humidityRatio(vapourPressure: formula.saturationVapourPressure(temperature: temperature), pressure: pressure)
    }

    // MARK: Absolute humidity (vapour density)

    /// Vapour density (absolute humidity) from the ideal-gas law, ρ_v = e·M_w / (R·T).
    ///
    /// - Parameters:
    ///   - vapourPressure: e, kPa, 0–200.
    ///   - temperature: air temperature, °C, −100–200.
    /// - Returns: ρ_v, kg m⁻³ (about 0.0173 kg m⁻³ for saturated air at 20 °C).
    public static func vapourDensity(vapourPressure: Double, temperature: Double) throws(ModelInputError) -> Double {
        let e = try ModelInputError.check(vapourPressure, "vapour pressure", unit: "kPa", in: 0...200)
        let t = try ModelInputError.check(temperature, "air temperature", unit: "°C", in: -100...200)
        return e * 1000 * waterMolarMass / (gasConstant * (t + 273.15))
    }

    /// Vapour pressure from vapour density, e = ρ_v·R·T / M_w.
    ///
    /// - Parameters:
    ///   - vapourDensity: ρ_v, kg m⁻³, 0–1.
    ///   - temperature: air temperature, °C, −100–200.
    /// - Returns: e, kPa.
    public static func vapourPressure(vapourDensity: Double, temperature: Double) throws(ModelInputError) -> Double {
        let rho = try ModelInputError.check(vapourDensity, "vapour density", unit: "kg/m³", in: 0...1)
        let t = try ModelInputError.check(temperature, "air temperature", unit: "°C", in: -100...200)
        return rho * gasConstant * (t + 273.15) / waterMolarMass / 1000
    }

    // MARK: Vapour pressure deficit

    /// Air vapour pressure deficit, VPD = e°(T)·(1 − RH/100) (FAO-56 eq. 19 with one temperature).
    ///
    /// - Parameters:
    ///   - temperature: air temperature, °C.
    ///   - relativeHumidity: RH, %, 0–100.
    /// - Returns: VPD, kPa, ≥ 0.
    public static func vapourPressureDeficit(
        temperature: Double, relativeHumidity: Double, formula: SaturationFormula = .hylandWexler
    ) throws(ModelInputError) -> Double {
        let rh = try checkRelativeHumidity(relativeHumidity)
        return (try formula.saturationVapourPressure(temperature: temperature)) * (1 - rh / 100)
    }

    /// Leaf-to-air vapour pressure deficit, VPD_leaf = e°(T_leaf) − RH/100 · e°(T_air).
    ///
    /// Assumes the leaf's intercellular air is saturated at leaf temperature (the usual
    /// big-leaf assumption, e.g. Stanghellini 1987; docs/model-reference.md §Psychrometrics).
    ///
    /// - Parameters:
    ///   - leafTemperature: leaf (canopy) temperature, °C.
    ///   - airTemperature: air temperature, °C.
    ///   - relativeHumidity: RH of the air, %, 0–100.
    /// - Returns: VPD_leaf, kPa. Negative when the leaf is below the air's dew point
    ///   (condensation on the leaf); callers decide whether that is an alarm.
    public static func leafVapourPressureDeficit(
        leafTemperature: Double, airTemperature: Double, relativeHumidity: Double,
        formula: SaturationFormula = .hylandWexler
    ) throws(ModelInputError) -> Double {
        let e = try vapourPressure(relativeHumidity: relativeHumidity, temperature: airTemperature, formula: formula)
        return (try formula.saturationVapourPressure(temperature: leafTemperature)) - e
    }

    // MARK: Dew point

    /// Dew point: the temperature at which e°(T_d) = e, by inverting `formula`.
    ///
    /// - Parameters:
    ///   - vapourPressure: e, kPa, within e° over `formula.validTemperatureRange`.
    ///   - formula: the saturation formula (its inverse is exact for Magnus-type forms,
    ///     Newton-iterated for Hyland–Wexler, which yields a frost point below 0.01 °C).
    /// - Returns: T_d, °C.
    public static func dewPoint(
        vapourPressure: Double, formula: SaturationFormula = .hylandWexler
    ) throws(ModelInputError) -> Double {
        try formula.saturationTemperature(vapourPressure: vapourPressure)
    }

    /// Dew point from air temperature and relative humidity.
    ///
    /// - Parameters:
    ///   - temperature: air temperature, °C.
    ///   - relativeHumidity: RH, %, in (0, 100]; at 0 % the dew point does not exist.
    /// - Returns: T_d, °C; equals `temperature` at 100 %.
    public static func dewPoint(
        temperature: Double, relativeHumidity: Double, formula: SaturationFormula = .hylandWexler
    ) throws(ModelInputError) -> Double {
        let rh = try checkRelativeHumidity(relativeHumidity)
        guard rh > 0 else {
            throw ModelInputError(code: .outOfRange, quantity: "relative humidity", value: rh, unit: "%",
                                  validRange: validRelativeHumidityRange,
                                  message: "relative humidity must be above 0 % for a dew point to exist")
        }
        if rh == 100 { return try ModelInputError.check(temperature, "air temperature", unit: "°C", in: formula.validTemperatureRange) }
        return try dewPoint(vapourPressure: vapourPressure(relativeHumidity: rh, temperature: temperature, formula: formula),
                            formula: formula)
    }

    // MARK: Enthalpy

    /// Specific enthalpy of moist air, h = 1.006·T + W·(2501 + 1.86·T) (ASHRAE 2017 eq. 30).
    ///
    /// Reference state: dry air and liquid water at 0 °C.
    ///
    /// - Parameters:
    ///   - temperature: air temperature, °C, −100–200.
    ///   - humidityRatio: W, kg kg⁻¹ dry air, 0–10.
    /// - Returns: h, kJ per kg dry air.
    public static func enthalpy(temperature: Double, humidityRatio: Double) throws(ModelInputError) -> Double {
        let t = try ModelInputError.check(temperature, "air temperature", unit: "°C", in: -100...200)
        let w = try ModelInputError.check(humidityRatio, "humidity ratio", unit: "kg/kg", in: 0...10)
        return 1.006 * t + w * (2501 + 1.86 * t)
    }

    // MARK: Validation helpers

    static func checkRelativeHumidity(_ rh: Double) throws(ModelInputError) -> Double {
        try ModelInputError.check(rh, "relative humidity", unit: "%", in: validRelativeHumidityRange)
    }

    static func checkPressure(_ p: Double) throws(ModelInputError) -> Double {
        try ModelInputError.check(p, "barometric pressure", unit: "kPa", in: validPressureRange)
    }
}
