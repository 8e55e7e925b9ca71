import TwinModels

/// A per-machine time-series channel and how to read it from the machine model.
enum MachineChannel: String, CaseIterable {
    case power, temperature
    case hotSpotTemperature = "hot_spot_temperature"
    case vibration
    case vibrationZone = "vibration_zone"
    case runtime, health, status, rul
    case bearingWear = "bearing_wear"
    case insulationLifeConsumed = "insulation_life_consumed"
    case electricalStress = "electrical_stress"

    /// The unit stored in the dataset's `units` attribute.
    var unit: String {
        switch self {
        case .power: "kW"
        case .temperature, .hotSpotTemperature: "degC"
        case .vibration: "mm/s"
        case .vibrationZone, .status: "code"
        case .runtime, .rul: "h"
        case .health: "0-100"
        case .bearingWear, .insulationLifeConsumed, .electricalStress: "fraction"
        }
    }

    /// The channel's value now; `conditions` are the machine's nominal conditions (for the RUL).
    func value(of model: MachineModel, under conditions: OperatingConditions) -> Double {
        switch self {
        case .power: model.power
        case .temperature: model.housingTemperature
        case .hotSpotTemperature: model.state.hotSpotTemperature
        case .vibration: model.vibration
        case .vibrationZone:
            Double(VibrationZone.allCases.firstIndex(of: model.parameters.vibrationLimits.zone(forVelocity: model.vibration)) ?? 0)
        case .runtime: model.state.runtimeSeconds / 3600
        case .health: model.healthScore
        case .status: Double(MachineStatus.allCases.firstIndex(of: model.status) ?? 0)
        case .rul: model.remainingUsefulLife(under: conditions).hours
        case .bearingWear: model.bearingWear
        case .insulationLifeConsumed: model.insulationLifeConsumed
        case .electricalStress: model.electricalStress
        }
    }
}
