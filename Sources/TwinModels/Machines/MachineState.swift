/// The dynamic state of one machine: temperature, accumulated damages, clocks, status and the
/// individual failure thresholds.
///
/// Damages are Palmgren–Miner sums in units of a reference life, so they do not depend on the
/// random thresholds and can be compared across machines; the fractions of the *individual*
/// life (`MachineModel.bearingWear` etc.) divide them by the damage at failure.
public struct MachineState: Sendable, Equatable, Hashable, Codable {
    /// Model time, s (starts at the caller's simulation time and advances with `advance`).
    public var clockSeconds: Double
    /// Accumulated running time, s.
    public var runtimeSeconds = 0.0
    /// Winding hot-spot temperature, °C.
    public var hotSpotTemperature: Double
    /// Bearing damage Σ Δt/L10(load), in units of the ISO 281 basic rating life (≥ 0).
    public var bearingDamage = 0.0
    /// Insulation ageing Σ Δt·2^((T − T_class)/10)/L_ref, in reference lives (≥ 0).
    public var insulationAgeing = 0.0
    /// Electrical stress Σ Δt·((L − 1)/0.5)^n / L_e for L > 1, in electrical reference lives (≥ 0).
    public var electricalDamage = 0.0
    /// Operating status, set by the caller.
    public var status: MachineStatus
    /// This machine's failure thresholds E = −ln U per mode.
    public var thresholds: FailureThresholds
    /// Ground-truth fault onset times.
    public var onsets = FaultOnsets()
    /// The failure, once one happened (cleared by repairing that mode).
    public var failure: MachineFailure?

    public init(clockSeconds: Double, hotSpotTemperature: Double, status: MachineStatus, thresholds: FailureThresholds) {
        self.clockSeconds = clockSeconds
        self.hotSpotTemperature = hotSpotTemperature
        self.status = status
        self.thresholds = thresholds
    }

    /// The damage of `mode` in its reference-life units.
    public subscript(damage mode: FailureMode) -> Double {
        get {
            switch mode {
            case .bearing: bearingDamage
            case .insulation: insulationAgeing
            case .electrical: electricalDamage
            }
        }
        set {
            switch mode {
            case .bearing: bearingDamage = newValue
            case .insulation: insulationAgeing = newValue
            case .electrical: electricalDamage = newValue
            }
        }
    }
}
