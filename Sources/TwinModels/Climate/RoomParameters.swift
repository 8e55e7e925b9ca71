/// The fixed physical description of one grow room for ``RoomClimate``.
///
/// Defaults describe an insulated indoor room inside a building (sandwich-panel walls,
/// concrete floor); every value can be overridden from a scenario's `rooms[]` entry or a
/// calibration set. Units are in the property names' docs; valid ranges are checked by
/// ``validate()``.
public struct RoomParameters: Sendable, Equatable {
    /// Floor area, m² (1…100,000).
    public var floorArea: Double
    /// Clear height, m (1.5…30); volume = floorArea × height.
    public var height: Double
    /// Canopy (growing) area, m² (0…floorArea × 8 tiers for vertical farms).
    public var canopyArea: Double
    /// Multiplier on the air's heat capacity for furniture, racks, pots and soil in contact
    /// with the air (1…20; 3 is a common lumped value for furnished rooms — ASHRAE RP-1117
    /// reports 2–10 for "internal thermal mass" in zone models).
    public var airCapacityMultiplier = 3.0
    /// Envelope conductance to the outdoors, W K⁻¹: Σ U·A of walls and roof
    /// (insulated panel U ≈ 0.3 W m⁻² K⁻¹; default 0.3 × (floor + 4·√floor·height)).
    public var envelopeConductance: Double
    /// Infiltration (leakage) air changes per hour, h⁻¹ (0…5; sealed grow rooms 0.05–0.3).
    public var infiltrationACH = 0.1
    /// Heat capacity of the building mass (floor slab, walls), J K⁻¹ (default 80 kJ m⁻² K⁻¹ of
    /// floor: the first ≈ 4 cm of a concrete slab, the depth reached in a day; ISO 13786).
    public var massCapacity: Double
    /// Convective exchange between air and the mass surfaces, W K⁻¹ (default 3 W m⁻² K⁻¹ over
    /// 2.5 × the floor area; ISO 6946 interior surface coefficients are 2.5–5). Vapour
    /// condenses on these surfaces when they are below the air's dew point.
    public var massConductance: Double
    /// Heat capacity of leaves, J K⁻¹ per m² of leaf (Vanthoor 2011 Table 8.1: 1200).
    public var leafHeatCapacity = 1200.0
    /// Leaf area index below which the canopy node behaves as bare trays (keeps the
    /// canopy node finite in an empty room), m² m⁻².
    public var minimumLeafAreaIndex = 0.05
    /// Long-wave exchange between a closed canopy and the room surfaces, W m⁻² K⁻¹ of canopy
    /// (linearised Stefan–Boltzmann 4εσT³ with ε ≈ 0.9 at 25 °C ≈ 5.7), scaled by the canopy's
    /// far-infrared cover 1 − exp(−k_FIR·LAI).
    public var canopyRadiativeCoefficient = 5.7
    /// Extinction coefficients of the canopy for PAR, NIR and far-infrared
    /// (Vanthoor 2011 Table 8.1: 0.7, 0.27, 0.94); the rest reaches the floor (mass).
    public var extinctionPAR = 0.7
    public var extinctionNIR = 0.27
    public var extinctionFIR = 0.94
    /// Barometric pressure, Pa.
    public var pressure = AirProperties.standardPressure
    /// The canopy's transpiration model.
    public var transpiration = CanopyTranspiration()

    /// A room with the defaults above scaled to its size.
    public init(floorArea: Double, height: Double, canopyArea: Double) {
        self.floorArea = floorArea
        self.height = height
        self.canopyArea = canopyArea
        let perimeterWall = 4 * floorArea.squareRoot() * height
        envelopeConductance = 0.3 * (floorArea + perimeterWall)
        massCapacity = 80e3 * floorArea
        massConductance = 3 * 2.5 * floorArea
    }

    /// Air volume, m³.
    public var volume: Double { floorArea * height }
    /// Heat capacity of the air node, J K⁻¹.
    public var airCapacity: Double { AirProperties.volumetricHeatCapacity * volume * airCapacityMultiplier }

    /// Checks every value against its valid range.
    public func validate() throws(ModelInputError) {
        _ = try ModelInputError.check(floorArea, "floor area", unit: "m²", in: 1...100_000)
        _ = try ModelInputError.check(height, "room height", unit: "m", in: 1.5...30)
        _ = try ModelInputError.check(canopyArea, "canopy area", unit: "m²", in: 0...(floorArea * 8))
        _ = try ModelInputError.check(airCapacityMultiplier, "air capacity multiplier", unit: "", in: 1...20)
        _ = try ModelInputError.check(envelopeConductance, "envelope conductance", unit: "W/K", in: 0...1e7)
        _ = try ModelInputError.check(infiltrationACH, "infiltration", unit: "1/h", in: 0...5)
        _ = try ModelInputError.check(massCapacity, "mass heat capacity", unit: "J/K", in: 1...1e12)
        _ = try ModelInputError.check(massConductance, "mass conductance", unit: "W/K", in: 0...1e8)
        _ = try ModelInputError.check(pressure, "barometric pressure", unit: "Pa", in: 30_000...120_000)
    }
}
