/// A validated moist-air state: temperature, relative humidity and pressure, with the
/// derived psychrometric quantities computed once.
///
/// Construction validates every input (throws `ModelInputError`), so the stored
/// properties are always physically consistent; use it where a state is checked once
/// and read many times (a room's climate at one tick). Units as in `Psychrometrics`.
public struct MoistAir: Sendable, Equatable {
    /// Dry-bulb air temperature, °C.
    public let temperature: Double
    /// Relative humidity, %, 0–100.
    public let relativeHumidity: Double
    /// Barometric pressure, kPa.
    public let pressure: Double
    /// The saturation formula every derived quantity uses.
    public let formula: SaturationFormula

    /// Saturation vapour pressure e°(T), kPa.
    public let saturationVapourPressure: Double
    /// Actual vapour pressure e, kPa.
    public let vapourPressure: Double
    /// Humidity ratio W, kg water per kg dry air.
    public let humidityRatio: Double
    /// Vapour density (absolute humidity) ρ_v, kg m⁻³.
    public let vapourDensity: Double
    /// Air vapour pressure deficit e° − e, kPa.
    public let vapourPressureDeficit: Double
    /// Specific enthalpy, kJ per kg dry air (ASHRAE 2017 eq. 30).
    public let enthalpy: Double

    /// Validates the inputs and computes the derived quantities.
    ///
    /// - Parameters:
    ///   - temperature: air temperature, °C, within `formula.validTemperatureRange`.
    ///   - relativeHumidity: RH, %, 0–100.
    ///   - pressure: barometric pressure, kPa, within `Psychrometrics.validPressureRange`.
    ///   - formula: saturation formula, default Hyland–Wexler (ASHRAE).
    /// - Throws: `ModelInputError` naming the first invalid input.
    public init(
        temperature: Double,
        relativeHumidity: Double,
        pressure: Double = Psychrometrics.standardPressure,
        formula: SaturationFormula = .hylandWexler
    ) throws(ModelInputError) {
        self.temperature = temperature
        self.relativeHumidity = relativeHumidity
        self.pressure = pressure
        self.formula = formula
        saturationVapourPressure = try formula.saturationVapourPressure(temperature: temperature)
        vapourPressure = try Psychrometrics.vapourPressure(
            relativeHumidity: relativeHumidity, temperature: temperature, formula: formula)
        humidityRatio = try Psychrometrics.humidityRatio(vapourPressure: vapourPressure, pressure: pressure)
        vapourDensity = try Psychrometrics.vapourDensity(vapourPressure: vapourPressure, temperature: temperature)
        vapourPressureDeficit = saturationVapourPressure - vapourPressure
        enthalpy = try Psychrometrics.enthalpy(temperature: temperature, humidityRatio: humidityRatio)
    }

    /// Dew point, °C (throws at 0 % RH or when it falls below the formula's range).
    public func dewPoint() throws(ModelInputError) -> Double {
        try Psychrometrics.dewPoint(temperature: temperature, relativeHumidity: relativeHumidity, formula: formula)
    }

    /// Wet-bulb temperature, °C, by the chosen method.
    public func wetBulbTemperature(method: WetBulbMethod = .psychrometric) throws(ModelInputError) -> Double {
        try Psychrometrics.wetBulbTemperature(
            temperature: temperature, relativeHumidity: relativeHumidity, pressure: pressure,
            method: method, formula: formula)
    }

    /// Leaf-to-air VPD for a leaf at `leafTemperature` (°C), kPa; negative means condensation.
    public func leafVapourPressureDeficit(leafTemperature: Double) throws(ModelInputError) -> Double {
        (try formula.saturationVapourPressure(temperature: leafTemperature)) - vapourPressure
    }
}
