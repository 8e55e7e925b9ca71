/// The weather of one day at a station, as FAO-56 needs it for a reference evapotranspiration.
///
/// The same record serves 10-day or monthly means (FAO-56 Example 17): use the period's mean
/// extremes, the J of its middle day and, for months, the soil heat flux of FAO-56 eq. 43/44
/// (`FAO56.monthlySoilHeatFlux(currentMonth:previousMonth:)`).
///
/// Values are checked when `ReferenceEvapotranspiration.daily(_:)` uses them, not here, so a
/// record can be built field by field from a file.
public struct DailyWeatherSummary: Sendable, Hashable {
    /// Station latitude φ, degrees, −90…90, north positive.
    public var latitude: Double
    /// Station elevation z, m above sea level, −500…9000.
    public var elevation: Double
    /// Day of the year J, 1–366.
    public var dayOfYear: Int
    /// Daily maximum air temperature T_max at 2 m, °C, −40…50.
    public var maximumTemperature: Double
    /// Daily minimum air temperature T_min at 2 m, °C, −40…T_max.
    public var minimumTemperature: Double
    /// Air humidity, by whichever observation is available.
    public var humidity: HumidityObservation
    /// Mean wind speed u_z at `windHeight`, m s⁻¹, 0…60.
    public var windSpeed: Double
    /// Anemometer height z, m, 0.5…100 (2 m needs no conversion; FAO-56 eq. 47 otherwise).
    public var windHeight: Double
    /// Solar radiation, measured or from sunshine hours.
    public var radiation: RadiationObservation
    /// Soil heat flux G, MJ m⁻² d⁻¹, −20…20 (0 for a single day, FAO-56 eq. 42).
    public var soilHeatFlux: Double

    /// Creates a day's record; see the properties for units and ranges.
    public init(latitude: Double, elevation: Double, dayOfYear: Int,
                maximumTemperature: Double, minimumTemperature: Double,
                humidity: HumidityObservation, windSpeed: Double, windHeight: Double = 2,
                radiation: RadiationObservation, soilHeatFlux: Double = 0) {
        self.latitude = latitude
        self.elevation = elevation
        self.dayOfYear = dayOfYear
        self.maximumTemperature = maximumTemperature
        self.minimumTemperature = minimumTemperature
        self.humidity = humidity
        self.windSpeed = windSpeed
        self.windHeight = windHeight
        self.radiation = radiation
        self.soilHeatFlux = soilHeatFlux
    }
}
