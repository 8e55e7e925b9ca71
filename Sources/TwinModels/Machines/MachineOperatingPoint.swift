import Foundation

/// The quantities that are constant while the operating conditions are: losses, the
/// temperature the winding settles at, its time constant and the damage rates. Cached by
/// `MachineModel` so a step under unchanged conditions costs no `pow`.
struct MachineOperatingPoint: Sendable, Equatable, Hashable {
    var running: Bool
    /// Shaft output, kW.
    var shaftPower: Double
    /// Motor losses (without bearing wear friction), kW.
    var losses: Double
    /// Steady-state hot-spot temperature, °C.
    var steadyTemperature: Double
    /// Effective thermal time constant, s.
    var timeConstant: Double
    /// Bearing damage rate, L10 lives per s.
    var bearingRate: Double
    /// Electrical damage rate, electrical reference lives per s.
    var electricalRate: Double
    /// Insulation ageing rate at the steady temperature, reference lives per s.
    var steadyAgeingRate: Double
    /// 1/(insulation reference life in s).
    var ageingRateScale: Double
    /// Insulation class temperature, °C.
    var classLimit: Double

    init(parameters p: MachineParameters, conditions c: OperatingConditions, running: Bool) {
        self.running = running
        let ambient = c.ambientTemperature
        ageingRateScale = 1 / (p.insulationReferenceLifeHours * 3600)
        classLimit = p.insulationClass.hotSpotLimit
        if running {
            let load = c.load
            shaftPower = load * p.ratedPower
            losses = p.losses(atLoad: load)
            let cooling = p.naturalCoolingFraction + (1 - p.naturalCoolingFraction) * c.coolingFactor
            steadyTemperature = ambient + p.thermalResistance * losses / cooling
            timeConstant = p.thermalTimeConstant / cooling
            // ISO 281: L10 scales with (C/P)^p and P with the shaft load, so the Miner
            // increment per second is ℓ^p / L10_rated, ℓ the bearing load fraction.
            let bearingLoad = max(load, p.bearingMinimumLoadFraction)
            bearingRate = c.bearingWearMultiplier * pow(bearingLoad, p.bearingType.lifeExponent) / (p.l10Hours * 3600)
            let overload = max(0, load - 1) / 0.5
            electricalRate = overload > 0
                ? pow(overload, p.electricalStressExponent) / (p.electricalReferenceLifeHours * 3600) : 0
        } else {
            // A stopped TEFC machine loses its shaft-driven fan: natural cooling only.
            shaftPower = 0
            losses = 0
            steadyTemperature = ambient
            timeConstant = p.thermalTimeConstant / p.naturalCoolingFraction
            bearingRate = 0
            electricalRate = 0
        }
        steadyAgeingRate = 0
        steadyAgeingRate = ageingRate(at: steadyTemperature)
    }

    /// Insulation ageing rate at hot-spot temperature `temperature`, reference lives per s.
    @inline(__always)
    func ageingRate(at temperature: Double) -> Double {
        exp2((temperature - classLimit) * 0.1) * ageingRateScale
    }

    func ageingPath(from temperature: Double) -> InsulationAgeingPath {
        InsulationAgeingPath(
            start: temperature, steady: steadyTemperature, timeConstant: timeConstant,
            classLimit: classLimit, rateScale: ageingRateScale, steadyRate: steadyAgeingRate)
    }
}
