import Foundation

/// Loss of THC potency of stored or drying flower: first-order degradation of THC (to CBN by
/// oxidation), faster at higher temperature.
///
///     dP/dt = −k(T)·P,   k(T) = k_20 · exp(E_a/R · (1/293.15 − 1/(T + 273.15)))
///
/// k_20 = 2.1·10⁻⁵ h⁻¹ reproduces the ≈ 17 % loss of THC after one year at room temperature
/// in the dark reported by Ross & ElSohly (1997), *Bulletin on Narcotics* 49:139. The
/// activation energy E_a = 85 kJ/mol is an **assumption** in the range published for
/// cannabinoid degradation kinetics (Peschel 2016, *Planta Medica Letters* 3:e1–e3, storage
/// study; Wang et al. 2016, *Cannabis Cannabinoid Res.* 1:262, decarboxylation 80–100 kJ/mol).
///
/// Inputs: potency 0…40 % THC; temperature −20…80 °C; step 0…10⁵ h. Output: potency after the step, %.
public struct PotencyDecay: Sendable, Equatable {
    /// k_20, 1/h.
    public var rateAt20C: Double
    /// E_a, J/mol.
    public var activationEnergy: Double

    public init(rateAt20C: Double = 2.1e-5, activationEnergy: Double = 85_000) {
        self.rateAt20C = rateAt20C
        self.activationEnergy = activationEnergy
    }

    /// k at `temperature`, 1/h.
    public func rate(temperature: Double) throws(ModelInputError) -> Double {
        let t = try ModelInputError.check(temperature, "storage temperature", unit: "°C", in: -20...80)
        return rateAt20C * exp(activationEnergy / DryingKinetics.gasConstant * (1 / 293.15 - 1 / (t + 273.15)))
    }

    /// Potency after `hours` at `temperature`, % THC.
    public func step(potency: Double, temperature: Double, hours: Double) throws(ModelInputError) -> Double {
        let p = try ModelInputError.check(potency, "THC potency", unit: "%", in: 0...40)
        let dt = try ModelInputError.check(hours, "storage step", unit: "h", in: 0...100_000)
        return p * exp(-(try rate(temperature: temperature)) * dt)
    }
}
