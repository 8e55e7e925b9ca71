/// Outdoor conditions at one instant.
///
/// Units and ranges (as produced by `WeatherSeries` and `SyntheticWeather`):
/// - `temperature`: dry-bulb air temperature, °C, −90–70.
/// - `relativeHumidity`: %, 0–100.
/// - `globalRadiation`: global horizontal irradiance, W m⁻², ≥ 0.
/// - `co2`: CO₂ mole fraction, ppm, ≥ 0.
/// - `windSpeed`: m s⁻¹, ≥ 0.
public struct WeatherSample: Sendable, Hashable, Codable {
    /// Dry-bulb air temperature, °C.
    public var temperature: Double
    /// Relative humidity, %.
    public var relativeHumidity: Double
    /// Global horizontal irradiance, W m⁻².
    public var globalRadiation: Double
    /// CO₂ mole fraction, ppm.
    public var co2: Double
    /// Wind speed, m s⁻¹.
    public var windSpeed: Double

    /// Creates a sample; the values are taken as given (sources validate their data once, at load).
    public init(temperature: Double, relativeHumidity: Double, globalRadiation: Double,
                co2: Double = 420, windSpeed: Double = 0) {
        self.temperature = temperature
        self.relativeHumidity = relativeHumidity
        self.globalRadiation = globalRadiation
        self.co2 = co2
        self.windSpeed = windSpeed
    }
}
