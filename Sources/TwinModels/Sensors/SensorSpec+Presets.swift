extension SensorSpec {
    /// Days in a Julian year, for converting per-year datasheet drift figures.
    static let daysPerYear = 365.25

    /// Air temperature, °C: SHT31/SHT35-class digital sensor in an aspirated shield.
    ///
    /// Noise SD 0.1 °C (half of the ±0.2 °C accuracy), drift 0.03 °C per year (datasheet
    /// long-term figure) plus a random walk of 0.002 °C per √day, resolution 0.01 °C, span
    /// −40…125 °C, one sample a minute; drift is labelled as a fault beyond 0.5 °C.
    /// Dropouts: p = 2e-4 per sample (one gap every ≈ 3.5 days at one sample a minute),
    /// 5 samples mean (≈ 0.1 % of samples lost); stuck: once a year, 6 h mean.
    public static let airTemperature = SensorSpec(
        quantity: "air temperature", unit: "°C",
        noiseSD: 0.1, driftPerDay: 0.03 / daysPerYear, driftRandomWalkSDPerDay: 0.002,
        resolution: 0.01, samplingPeriodSeconds: 60, validRange: -40...125,
        dropoutProbability: 2e-4, meanDropoutLength: 5,
        stuckRatePerDay: 1 / daysPerYear, meanStuckHours: 6, driftFaultThreshold: 0.5)

    /// Relative humidity, %: SHT31-class capacitive polymer sensor.
    ///
    /// Noise SD 1 % RH (half of ±2 % RH), drift 0.5 % RH per year (twice the datasheet's
    /// < 0.25 % RH per year, for a humid, VOC-laden room) plus a random walk of 0.02 % RH per
    /// √day, resolution 0.01 % RH, span
    /// 0…100 %, one sample a minute; drift labelled beyond 3 % RH. Faults as for
    /// `airTemperature`.
    public static let relativeHumidity = SensorSpec(
        quantity: "relative humidity", unit: "%",
        noiseSD: 1.0, driftPerDay: 0.5 / daysPerYear, driftRandomWalkSDPerDay: 0.02,
        resolution: 0.01, samplingPeriodSeconds: 60, validRange: 0...100,
        dropoutProbability: 2e-4, meanDropoutLength: 5,
        stuckRatePerDay: 1 / daysPerYear, meanStuckHours: 6, driftFaultThreshold: 3)

    /// CO₂ mole fraction, ppm: NDIR sensor with ±(30 ppm + 3 % of reading) accuracy.
    ///
    /// Noise SD 15 ppm + 1.5 % of reading, drift 20 ppm per year plus a random walk of 1 ppm
    /// per √day (NDIR sources age and automatic baseline correction is off in rooms that are
    /// never at ambient), resolution 1 ppm, span 0…10 000 ppm, one sample a minute; drift
    /// labelled beyond 100 ppm. Faults as for `airTemperature`.
    public static let co2 = SensorSpec(
        quantity: "CO2", unit: "ppm",
        noiseSD: 15, relativeNoiseSD: 0.015, driftPerDay: 20 / daysPerYear, driftRandomWalkSDPerDay: 1,
        resolution: 1, samplingPeriodSeconds: 60, validRange: 0...10_000,
        dropoutProbability: 2e-4, meanDropoutLength: 5,
        stuckRatePerDay: 1 / daysPerYear, meanStuckHours: 6, driftFaultThreshold: 100)

    /// Photosynthetic photon flux density, µmol m⁻² s⁻¹: silicon-cell quantum sensor.
    ///
    /// Noise SD 1 µmol m⁻² s⁻¹ + 2.5 % of reading (half of the ±5 % calibration uncertainty),
    /// no drift modelled in absolute units (quantum-sensor drift is a few % of reading per
    /// year; set `driftPerDay` for a room's working PPFD if it matters), resolution
    /// 0.1 µmol m⁻² s⁻¹, span 0…4000, one sample a minute. Faults as for `airTemperature`.
    public static let ppfd = SensorSpec(
        quantity: "PPFD", unit: "µmol m⁻² s⁻¹",
        noiseSD: 1, relativeNoiseSD: 0.025,
        resolution: 0.1, samplingPeriodSeconds: 60, validRange: 0...4000,
        dropoutProbability: 2e-4, meanDropoutLength: 5,
        stuckRatePerDay: 1 / daysPerYear, meanStuckHours: 6)

    /// A perfect channel: returns the true value on every read, never fails.
    public static let ideal = SensorSpec(quantity: "value", unit: "")

    /// A perfect channel for a named quantity and unit.
    public static func ideal(quantity: String, unit: String) -> SensorSpec {
        SensorSpec(quantity: quantity, unit: unit)
    }
}
