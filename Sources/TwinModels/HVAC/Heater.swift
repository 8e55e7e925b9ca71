/// A space heater: electric resistance (COP 1) or an air-source heat pump (COP > 1).
///
/// Q = u·Q_rated into the air; P_el = Q/COP. Parameters: rated output W (0…5 MW), COP
/// (1 for resistance; 2–4.5 for heat pumps, EN 14511). Availability scales the capacity.
public struct Heater: Sendable, Equatable {
    public var ratedOutput: Double
    public var coefficientOfPerformance: Double
    public var availability = 1.0

    public init(ratedOutput: Double, coefficientOfPerformance: Double = 1) throws(ModelInputError) {
        self.ratedOutput = try ModelInputError.check(ratedOutput, "heating capacity", unit: "W", in: 0...5e6)
        self.coefficientOfPerformance = try ModelInputError.check(
            coefficientOfPerformance, "heating COP", unit: "", in: 1...8)
    }

    public func output(command u: Double) -> DeviceOutput {
        let heat = min(max(u, 0), 1) * availability * ratedOutput
        return DeviceOutput(sensibleHeat: heat, electricPower: heat / coefficientOfPerformance)
    }
}
