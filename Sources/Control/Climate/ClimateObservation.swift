/// What the baseline climate controller sees of a room at one control step.
///
/// Each measurement is optional: nil means the sensor delivered nothing this step (a dropout),
/// and the controller must cope without it. Values are what the sensors report, errors and all.
public struct ClimateObservation: Sendable, Equatable, Hashable {
    /// Measured air temperature, °C; nil on dropout.
    public var airTemperature: Double?
    /// Measured relative humidity, % (0–100); nil on dropout.
    public var relativeHumidity: Double?
    /// Measured CO₂ mole fraction, ppm; nil on dropout.
    public var co2: Double?
    /// Whether the grow lights are on (the photoperiod's day); known from the lighting
    /// schedule, not a sensor.
    public var lightsOn: Bool

    /// An observation; omitted measurements are missing.
    public init(airTemperature: Double? = nil, relativeHumidity: Double? = nil, co2: Double? = nil, lightsOn: Bool) {
        self.airTemperature = airTemperature
        self.relativeHumidity = relativeHumidity
        self.co2 = co2
        self.lightsOn = lightsOn
    }
}
