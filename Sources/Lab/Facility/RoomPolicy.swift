/// Adjustments an optimizer, agent or RL policy applies on top of a room's baseline schedule
/// and setpoints; the default changes nothing.
///
/// The baseline controller still closes the loops: a policy moves its targets, it does not
/// drive the devices directly, so capacities, the interlock and the sensors keep applying.
/// Climate compliance is always scored against the stage's own band, not the policy's, so a
/// policy cannot improve its score by moving its setpoints.
public struct RoomPolicy: Sendable, Equatable {
    /// Hour of day the lights switch on (0 ≤ h < 24); nil keeps the scenario's.
    public var lightsOnHour: Double?
    /// Added to the stage's day (lights-on) air-temperature setpoint, °C (−5 … 5).
    public var temperatureOffset: Double
    /// Added to the stage's night (lights-off) setpoint, °C (−5 … 5).
    public var nightTemperatureOffset: Double
    /// CO₂ setpoint while lit, ppm (300 … 2000); nil keeps the stage's.
    public var co2Target: Double?
    /// Whether the lights may be on at all this period (a curtailment).
    public var lightsAllowed: Bool
    /// Fraction of the target PPFD the lamps deliver (0 … 1): a decision agent dims them.
    public var lightFraction: Double = 1
    /// Added to the stage's day and night VPD targets, kPa (0 … 1): more dehumidification.
    public var vpdOffset: Double = 0
    /// Least outdoor-air damper command, fraction (0 … 1): forced ventilation.
    public var minimumOutdoorAir: Double = 0

    public init(lightsOnHour: Double? = nil, temperatureOffset: Double = 0, nightTemperatureOffset: Double = 0,
                co2Target: Double? = nil, lightsAllowed: Bool = true) {
        self.lightsOnHour = lightsOnHour
        self.temperatureOffset = temperatureOffset
        self.nightTemperatureOffset = nightTemperatureOffset
        self.co2Target = co2Target
        self.lightsAllowed = lightsAllowed
    }

    /// The same policy with every value forced into its valid range.
    public var clamped: RoomPolicy {
        var p = self
        p.lightsOnHour = lightsOnHour.map { ($0.truncatingRemainder(dividingBy: 24) + 24).truncatingRemainder(dividingBy: 24) }
        p.temperatureOffset = min(max(temperatureOffset, -5), 5)
        p.nightTemperatureOffset = min(max(nightTemperatureOffset, -5), 5)
        p.co2Target = co2Target.map { min(max($0, 300), 2000) }
        p.lightFraction = min(max(lightFraction, 0), 1)
        p.vpdOffset = min(max(vpdOffset, 0), 1)
        p.minimumOutdoorAir = min(max(minimumOutdoorAir, 0), 1)
        return p
    }
}
