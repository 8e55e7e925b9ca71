/// A motorised outdoor-air damper with its supply fan (and a matching exhaust).
///
/// Brings u × the rated flow of outdoor air in (the room model mixes it at outdoor
/// temperature, humidity and CO₂); the fan draws P_rated·u³ (affinity laws), and its heat
/// enters with the air. Used for free cooling and to purge humidity or excess CO₂.
public struct OutdoorAirDamper: Sendable, Equatable {
    /// Airflow at fully open, m³ s⁻¹ (0…100).
    public var ratedFlow: Double
    /// Supply-fan power at full flow, W (default 0.5 W per L s⁻¹ — ASHRAE 90.1 fan-power allowance range).
    public var fanPower: Double
    public var availability = 1.0

    public init(ratedFlow: Double) throws(ModelInputError) {
        self.ratedFlow = try ModelInputError.check(ratedFlow, "outdoor-air flow", unit: "m³/s", in: 0...100)
        fanPower = ratedFlow * 500
    }

    public func output(command u: Double) -> DeviceOutput {
        let open = min(max(u, 0), 1) * availability
        let power = fanPower * open * open * open
        return DeviceOutput(sensibleHeat: power, outdoorAirFlow: open * ratedFlow, electricPower: power)
    }
}
