/// A stand-alone refrigerant dehumidifier placed in the room.
///
/// It removes water at its nameplate rate (L per day at the AHAM DH-1 rating point, 26.7 °C
/// and 60 % RH) scaled linearly with the air's vapour density above saturation at its coil
/// (≈ 5 °C), and draws rated power = rate / efficiency (L kWh⁻¹). Everything it takes in comes
/// back as sensible heat: its electricity plus the latent heat of the water it condenses,
/// P_el + λ·ṁ_w (docs/model-reference.md §HVAC). That is why in-room dehumidifiers dominate a
/// sealed flower room's cooling load.
///
/// Parameters: rated removal L day⁻¹ (1…10,000; commercial grow units 70–700), efficiency
/// L kWh⁻¹ (0.5…6; DOE 2019 minimum 1.5–2.8, typical commercial 1.5–3.5).
/// The linear removal curve is a simplification of manufacturers' capacity tables
/// (removal roughly proportional to the dew-point excess over the coil temperature).
public struct Dehumidifier: Sendable, Equatable {
    public var ratedRemoval: Double
    public var efficiency: Double
    public var coilTemperature = 5.0
    public var availability = 1.0

    public init(ratedRemoval litresPerDay: Double, efficiency litresPerKWh: Double = 2.5) throws(ModelInputError) {
        ratedRemoval = try ModelInputError.check(litresPerDay, "dehumidifier removal", unit: "L/day", in: 1...10_000)
        efficiency = try ModelInputError.check(litresPerKWh, "dehumidifier efficiency", unit: "L/kWh", in: 0.5...6)
    }

    /// Electric power at full command, W.
    public var ratedPower: Double { ratedRemoval / 24 / efficiency * 1000 }

    public func output(command u: Double, air: AirState) -> DeviceOutput {
        let u = min(max(u, 0), 1) * availability
        guard u > 0 else { return DeviceOutput() }
        let floor = AirProperties.vapourDensity(pressure: AirProperties.saturationPressure(celsius: coilTemperature),
                                                celsius: air.temperature)
        let ratingTemperature = 26.7
        let rating = AirProperties.vapourDensity(
            pressure: 0.6 * AirProperties.saturationPressure(celsius: ratingTemperature), celsius: ratingTemperature)
        let scale = max(0, (air.vapourDensity - floor) / (rating - floor))
        let water = u * ratedRemoval / 86_400 * scale          // 1 L of water = 1 kg
        let power = u * ratedPower
        return DeviceOutput(sensibleHeat: power + water * AirProperties.latentHeat, water: -water, electricPower: power)
    }
}
