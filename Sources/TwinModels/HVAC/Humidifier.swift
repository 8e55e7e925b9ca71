/// A humidifier: steam (isothermal) or ultrasonic/evaporative (adiabatic).
///
/// Steam: the electricity boils the water, so the vapour carries its energy in and the
/// air's sensible temperature is unchanged (P_el = λ·ṁ/η, the loss η heating the room).
/// Adiabatic: the room air supplies the latent heat, cooling it by λ·ṁ, for a small
/// electric draw (ultrasonic ≈ 0.03 kWh kg⁻¹). ASHRAE Handbook—HVAC Systems and Equipment ch. 22.
public struct Humidifier: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable { case steam, adiabatic }

    public var kind: Kind
    /// Rated output, kg h⁻¹ (0.1…1000).
    public var ratedOutput: Double
    public var availability = 1.0

    public init(kind: Kind, ratedOutput kilogramsPerHour: Double) throws(ModelInputError) {
        self.kind = kind
        ratedOutput = try ModelInputError.check(kilogramsPerHour, "humidifier output", unit: "kg/h", in: 0.1...1000)
    }

    public func output(command u: Double) -> DeviceOutput {
        let water = min(max(u, 0), 1) * availability * ratedOutput / 3600
        let latent = water * AirProperties.latentHeat
        switch kind {
        case .steam:
            let power = latent / 0.95
            return DeviceOutput(sensibleHeat: power - latent, water: water, electricPower: power)
        case .adiabatic:
            let power = water * 0.03 * 3.6e6
            return DeviceOutput(sensibleHeat: power - latent, water: water, electricPower: power)
        }
    }
}
