/// Actuator commands for one room, each a fraction 0…1 of that device's capacity.
///
/// The room model turns fractions into physical flows (W of heating or cooling, kg s⁻¹ of
/// water removed or added, kg s⁻¹ of CO₂, m³ s⁻¹ of outdoor air) with the installed capacities,
/// so one controller serves rooms of any size.
public struct ClimateCommand: Sendable, Equatable, Hashable {
    /// Cooling coil, fraction of rated sensible + latent capacity, 0…1.
    public var cooling: Double
    /// Heater, fraction of rated heat output, 0…1.
    public var heating: Double
    /// Dehumidifier, fraction of rated water removal, 0…1.
    public var dehumidification: Double
    /// Humidifier, fraction of rated water addition, 0…1.
    public var humidification: Double
    /// CO₂ injection valve, fraction of rated mass flow, 0…1.
    public var co2Injection: Double
    /// Outdoor-air damper, fraction of rated ventilation flow, 0…1.
    public var outdoorAir: Double

    /// A command; omitted devices are off.
    public init(
        cooling: Double = 0, heating: Double = 0, dehumidification: Double = 0,
        humidification: Double = 0, co2Injection: Double = 0, outdoorAir: Double = 0
    ) {
        self.cooling = cooling
        self.heating = heating
        self.dehumidification = dehumidification
        self.humidification = humidification
        self.co2Injection = co2Injection
        self.outdoorAir = outdoorAir
    }

    /// Every device off.
    public static let off = ClimateCommand()
}
