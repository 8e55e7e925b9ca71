/// A CO₂ dosing valve fed from a tank or burner line.
///
/// Delivers u × the rated flow (kg h⁻¹, 0…100; GreenLight's 4-ha greenhouse doses
/// ≈ 185 kg ha⁻¹ h⁻¹, a sealed 100 m² flower room ≈ 0.3–0.5 kg h⁻¹, docs/model-reference.md §CO₂),
/// limited by what the supply can give this step. The tank itself is a kernel `Container` owned by
/// the facility, which passes its remaining deliverable rate in.
public struct CO2Injector: Sendable, Equatable {
    public var ratedFlow: Double
    public var availability = 1.0

    public init(ratedFlow kilogramsPerHour: Double) throws(ModelInputError) {
        ratedFlow = try ModelInputError.check(kilogramsPerHour, "CO2 injection rate", unit: "kg/h", in: 0...100)
    }

    /// The dosing at command `u`, limited to `supplyLimit` kg s⁻¹ (the tank's content over the step).
    public func output(command u: Double, supplyLimit: Double = .infinity) -> DeviceOutput {
        let flow = min(min(max(u, 0), 1) * availability * ratedFlow / 3600, max(0, supplyLimit))
        return DeviceOutput(co2: flow)
    }
}
