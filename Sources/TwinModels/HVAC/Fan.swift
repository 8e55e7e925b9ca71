import Foundation

/// A recirculation fan inside the room; all of its power becomes heat in the air.
///
/// Power follows the fan affinity laws, P = P_rated·u³ for speed fraction u (ASHRAE
/// Handbook—HVAC Systems and Equipment ch. 21), floored at the idle draw of EC motors.
public struct Fan: Sendable, Equatable {
    /// Electric power at full speed, W (0…100 kW).
    public var ratedPower: Double
    public var availability = 1.0

    public init(ratedPower: Double) throws(ModelInputError) {
        self.ratedPower = try ModelInputError.check(ratedPower, "fan power", unit: "W", in: 0...100_000)
    }

    public func output(command u: Double) -> DeviceOutput {
        let speed = min(max(u, 0), 1) * availability
        let power = ratedPower * speed * speed * speed
        return DeviceOutput(sensibleHeat: power, electricPower: power)
    }
}
