/// The room air a device draws in, as the facility hands it to equipment models each step.
public struct AirState: Sendable, Equatable {
    /// Dry-bulb temperature, °C.
    public var temperature: Double
    /// Water vapour density, kg m⁻³.
    public var vapourDensity: Double
    /// Barometric pressure, Pa.
    public var pressure: Double

    public init(temperature: Double, vapourDensity: Double, pressure: Double = AirProperties.standardPressure) {
        self.temperature = temperature
        self.vapourDensity = vapourDensity
        self.pressure = pressure
    }

    /// Vapour partial pressure, Pa.
    public var vapourPressure: Double { AirProperties.vapourPressure(density: vapourDensity, celsius: temperature) }
    /// Relative humidity, % (may exceed 100 slightly in supersaturated trial states).
    public var relativeHumidity: Double { 100 * vapourPressure / AirProperties.saturationPressure(celsius: temperature) }
    /// Humidity ratio, kg kg⁻¹ dry air.
    public var humidityRatio: Double { AirProperties.humidityRatio(vapourPressure: vapourPressure, pressure: pressure) }
}
