/// What one climate device does to its room over a step, and what it costs.
///
/// Signs are from the room air's point of view: positive heat and water go into the air.
/// The facility sums device outputs into ``RoomInputs`` and the electric power into its
/// energy ledger.
public struct DeviceOutput: Sendable, Equatable {
    /// Sensible heat into the room air, W (negative for cooling).
    public var sensibleHeat = 0.0
    /// Water vapour into the room air, kg s⁻¹ (negative for removal).
    public var water = 0.0
    /// CO₂ into the room air, kg s⁻¹.
    public var co2 = 0.0
    /// Outdoor air supplied (and exhausted), m³ s⁻¹.
    public var outdoorAirFlow = 0.0
    /// Electric power drawn, W.
    public var electricPower = 0.0

    public init(sensibleHeat: Double = 0, water: Double = 0, co2: Double = 0, outdoorAirFlow: Double = 0,
                electricPower: Double = 0) {
        self.sensibleHeat = sensibleHeat
        self.water = water
        self.co2 = co2
        self.outdoorAirFlow = outdoorAirFlow
        self.electricPower = electricPower
    }

    /// Latent heat carried by the water term, W (positive when vapour is added).
    public var latentHeat: Double { water * AirProperties.latentHeat }
}
