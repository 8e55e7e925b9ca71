/// What a machine's instruments and controller report at one instant (true values; sensor
/// noise is added by `Sensor`).
public struct MachineSignals: Sendable, Equatable, Hashable, Codable {
    /// Electric power drawn, kW (0 when stopped).
    public var power: Double
    /// Frame (housing) surface temperature, °C: the product's "temperature" signal, the one
    /// the 75/85 °C alerts apply to.
    public var temperature: Double
    /// Winding hot-spot temperature, °C (drives insulation ageing; not normally measured).
    public var hotSpotTemperature: Double
    /// Broadband RMS vibration velocity on the bearing housing, mm/s (0 when stopped).
    public var vibration: Double
    /// ISO 10816 zone of `vibration` under the asset's limits.
    public var vibrationZone: VibrationZone
    /// Accumulated running time, h.
    public var runtimeHours: Double
    /// Health score, 0 (failed) … 100 (new); see `MachineModel.healthScore`.
    public var healthScore: Double
    /// Status set by the caller.
    public var status: MachineStatus
    /// Whether the machine was running over the last span.
    public var running: Bool
}
