import Foundation

/// Curing in sealed jars or bins that are "burped" (opened briefly) a few times a day: the
/// flower slowly equilibrates with the curing room through the air exchanged at each burp.
///
/// Between burps a sealed jar's headspace comes to the flower's own water activity and no
/// moisture leaves; each burp replaces the headspace with room air. Averaged over a day the
/// flower therefore relaxes first-order toward the room's equilibrium moisture X_e with a rate
/// proportional to the burping frequency:
///
///     dX/dt = −k_b · n_burp · (X − X_e(T_room, RH_room))
///
/// Parameter (**assumption**, growers' practice of 2–4 weeks' cure with daily burping
/// moving flower by about one point of moisture): k_b = 0.004 h⁻¹ per burp/day, so one burp
/// a day removes ≈ 1 − e^(−0.004·336) ≈ 74 % of the excess over 14 days.
/// The jar's headspace water activity — what mould sees — is the flower's a_w from the
/// isotherm (ASTM D8197-18 asks for 0.55–0.65).
///
/// Inputs: moisture 0…20 kg/kg dry basis; room 0…40 °C, 1…99 % RH; burps 0…24 per day;
/// step 0…1000 h. Output: moisture after the step, kg/kg dry basis.
public struct CuringModel: Sendable, Equatable {
    public var isotherm: MoistureIsotherm
    /// k_b, 1/h per burp/day (assumption).
    public var ratePerBurp: Double
    /// Burps per day.
    public var burpsPerDay: Double

    public init(isotherm: MoistureIsotherm = MoistureIsotherm(), ratePerBurp: Double = 0.004, burpsPerDay: Double = 1) {
        self.isotherm = isotherm
        self.ratePerBurp = ratePerBurp
        self.burpsPerDay = burpsPerDay
    }

    /// Moisture after `hours` of curing at constant room conditions, kg/kg dry basis.
    public func step(moisture: Double, temperature: Double, relativeHumidity: Double,
                     hours: Double) throws(ModelInputError) -> Double {
        let x = try ModelInputError.check(moisture, "flower moisture (dry basis)", unit: "kg/kg", in: 0...20)
        let dt = try ModelInputError.check(hours, "curing step", unit: "h", in: 0...1000)
        let burps = try ModelInputError.check(burpsPerDay, "burps", unit: "per day", in: 0...24)
        let equilibrium = try isotherm.equilibriumMoisture(temperature: temperature, relativeHumidity: relativeHumidity)
        return equilibrium + (x - equilibrium) * exp(-ratePerBurp * burps * dt)
    }

    /// Water activity of the jar headspace (equal to the flower's), 0…1.
    public func headspaceWaterActivity(moisture: Double, temperature: Double) throws(ModelInputError) -> Double {
        try isotherm.waterActivity(moisture: moisture, temperature: temperature)
    }
}
