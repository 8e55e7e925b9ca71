/// Everything that drives a room's climate over one control step, held constant across it
/// (zero-order hold, as in a sampled control system).
///
/// Heat flows are W into the room air unless stated; water and CO₂ flows are kg s⁻¹ into
/// the air (negative for removal). The facility sums its devices' outputs into these fields.
public struct RoomInputs: Sendable, Equatable {
    /// Outdoor (or surrounding-building) air temperature, °C.
    public var outdoorTemperature = 15.0
    /// Outdoor vapour density, kg m⁻³.
    public var outdoorVapourDensity = 0.008
    /// Outdoor CO₂ density, kg m⁻³ (420 ppm at 15 °C ≈ 7.8e-4).
    public var outdoorCO2Density = 7.8e-4
    /// Lamp electric power emitted as PAR, W (whole room).
    public var lampPAR = 0.0
    /// Lamp electric power emitted as near-infrared, W.
    public var lampNIR = 0.0
    /// Lamp power released by convection to the air, W.
    public var lampConvective = 0.0
    /// Lamp power emitted as long-wave (thermal) radiation, W.
    public var lampLongwave = 0.0
    /// Sensible heat into the air from HVAC and equipment (heaters, dehumidifier rejection,
    /// fans, pumps) minus coil sensible cooling, W.
    public var sensibleHeat = 0.0
    /// Water vapour into the air from humidifiers minus coil and dehumidifier removal, kg s⁻¹.
    public var water = 0.0
    /// CO₂ injected, kg s⁻¹ (≥ 0).
    public var co2Injection = 0.0
    /// Mechanical outdoor-air supply (and matching exhaust), m³ s⁻¹ (≥ 0).
    public var outdoorAirFlow = 0.0
    /// Net CO₂ uptake by the crop, kg m⁻² s⁻¹ of canopy (negative when respiration dominates),
    /// as the crop model computed it at the room CO₂ of the step's start, ``cropUptakeCO2``.
    public var cropCO2Uptake = 0.0
    /// The room CO₂ (ppm) at which ``cropCO2Uptake`` was computed; within the step, uptake follows
    /// the light-limited CO₂ response (C − Γ)/(C + 2Γ) from there, so a room whose dosing
    /// stops is drawn down towards the compensation point Γ, never below it.
    public var cropUptakeCO2 = 400.0
    /// CO₂ compensation point Γ of the crop, ppm (≈ 40 at 20 °C; Van Henten 1994 c_Γ).
    public var cropCompensationPoint = 40.0
    /// Leaf area index of the crop, m² m⁻².
    public var leafAreaIndex = 0.0
    /// Root-zone water-stress coefficient Ks, 0…1 (FAO-56 eq. 84): transpiration is Ks times
    /// the unstressed rate (stomata close as the substrate dries; FAO-56 eq. 80). 1 = well watered.
    public var waterStress = 1.0

    public init() {}

    /// Total lamp electric power, W: every watt ends up as heat in the room.
    public var lampPower: Double { lampPAR + lampNIR + lampConvective + lampLongwave }
}
