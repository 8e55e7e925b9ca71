/// The product documents' digital-twin scenarios for a machine, as operating conditions plus
/// an initial condition.
///
/// - `normal`: 0.7 × rated load, full cooling.
/// - `heavy_load`: 1.5 × rated load, full cooling (overheats the winding and stresses it
///   electrically).
/// - `overheated`: 0.7 × rated load with the cooling factor at 0.2.
/// - `worn_bearings`: 0.7 × rated load on bearings that have already used 60 % of their
///   individual life (at the fault-onset point, vibration on the zone B/C boundary) and wear
///   twice as fast (contaminated grease, a_ISO = 0.5). The 0.6 and the factor 2 are modelling
///   choices for "accelerated wear", not published values.
public enum MachineScenarioPreset: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case normal
    case heavyLoad = "heavy_load"
    case overheated
    case wornBearings = "worn_bearings"

    /// The scenario's operating conditions at ambient temperature `ambientTemperature` (°C,
    /// −40…60).
    ///
    /// - Throws: `ModelInputError` for an ambient temperature out of range.
    public func conditions(ambientTemperature: Double = 25) throws(ModelInputError) -> OperatingConditions {
        switch self {
        case .normal:
            try OperatingConditions(load: 0.7, ambientTemperature: ambientTemperature)
        case .heavyLoad:
            try OperatingConditions(load: 1.5, ambientTemperature: ambientTemperature)
        case .overheated:
            try OperatingConditions(load: 0.7, ambientTemperature: ambientTemperature, coolingFactor: 0.2)
        case .wornBearings:
            try OperatingConditions(load: 0.7, ambientTemperature: ambientTemperature, bearingWearMultiplier: 2)
        }
    }

    /// Fraction of the bearings' individual life already consumed when the scenario starts.
    public var initialBearingWear: Double {
        self == .wornBearings ? 0.6 : 0
    }
}
