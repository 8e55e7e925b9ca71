import Foundation

/// First-order (Lewis / Newton) thin-layer drying of hanging flower toward the equilibrium
/// moisture of the drying room.
///
///     dX/dt = −k·(X − X_e),   X(t + Δt) = X_e + (X − X_e)·e^(−k·Δt)   (conditions constant over Δt)
///
/// (Lewis 1921, "The rate of drying of solid materials", *J. Ind. Eng. Chem.* 13:427; the
/// thin-layer form reviewed by Erbay & Icier 2010, *Crit. Rev. Food Sci. Nutr.* 50:441.)
/// The rate constant follows Arrhenius in temperature and falls linearly with the air's
/// drying potential (1 − a_w), the dependence reported for herbs in thin-layer studies
/// (e.g. Doymaz 2006 for mint; Erbay & Icier 2010 §3):
///
///     k = k_ref · exp(E_a/R · (1/T_ref − 1/T)) · (1 − φ)/(1 − φ_ref)
///
/// Parameters (**assumptions**, calibrated to industry practice that whole plants or
/// branches hung at 60 °F / 60 % RH reach 10–12 % moisture in 7–14 days):
/// - k_ref = 0.022 h⁻¹ at T_ref = 15.6 °C, φ_ref = 0.60 — from 78 % w.b. the excess over
///   X_e falls by e⁻⁵·³ in 10 days;
/// - E_a = 40 kJ/mol, within the 20–60 kJ/mol reported for leafy herbs (Erbay & Icier 2010).
///
/// Inputs: temperature −10…60 °C, relative humidity 1…99 %, moisture 0…20 kg/kg dry basis,
/// step 0…1000 h. Output: dry-basis moisture after the step, kg/kg; it always moves
/// monotonically toward X_e and never passes it.
public struct DryingKinetics: Sendable, Equatable {
    public var isotherm: MoistureIsotherm
    /// k_ref, 1/h at the reference conditions.
    public var referenceRate: Double
    /// E_a, J/mol.
    public var activationEnergy: Double
    /// T_ref, °C.
    public var referenceTemperature: Double
    /// φ_ref, % RH.
    public var referenceHumidity: Double

    public init(isotherm: MoistureIsotherm = MoistureIsotherm(), referenceRate: Double = 0.022,
                activationEnergy: Double = 40_000, referenceTemperature: Double = 15.6, referenceHumidity: Double = 60) {
        self.isotherm = isotherm
        self.referenceRate = referenceRate
        self.activationEnergy = activationEnergy
        self.referenceTemperature = referenceTemperature
        self.referenceHumidity = referenceHumidity
    }

    /// Universal gas constant, J/(mol·K).
    static let gasConstant = 8.314_462_618

    /// Drying rate constant k, 1/h.
    public func rateConstant(temperature: Double, relativeHumidity: Double) throws(ModelInputError) -> Double {
        let t = try ModelInputError.check(temperature, "drying air temperature", unit: "°C", in: -10...60)
        let rh = try ModelInputError.check(relativeHumidity, "drying air relative humidity", unit: "%", in: 1...99)
        let arrhenius = exp(activationEnergy / Self.gasConstant * (1 / (referenceTemperature + 273.15) - 1 / (t + 273.15)))
        return referenceRate * arrhenius * (1 - rh / 100) / (1 - referenceHumidity / 100)
    }

    /// Moisture after `hours` at constant conditions, kg/kg dry basis.
    public func step(moisture: Double, temperature: Double, relativeHumidity: Double,
                     hours: Double) throws(ModelInputError) -> Double {
        let x = try ModelInputError.check(moisture, "flower moisture (dry basis)", unit: "kg/kg", in: 0...20)
        let dt = try ModelInputError.check(hours, "drying step", unit: "h", in: 0...1000)
        let equilibrium = try isotherm.equilibriumMoisture(temperature: temperature, relativeHumidity: relativeHumidity)
        let rate = try rateConstant(temperature: temperature, relativeHumidity: relativeHumidity)
        return equilibrium + (x - equilibrium) * exp(-rate * dt)
    }
}
