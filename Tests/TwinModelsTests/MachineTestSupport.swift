import SimKernel
import TwinModels

/// Helpers shared by the machine tests.
enum MachineTestSupport {
    /// A fresh machine of `kind` with thresholds drawn from seed `seed`.
    static func machine(_ kind: MachineKind = .pump, seed: UInt64, initialBearingWear: Double = 0,
                        parameters: MachineParameters? = nil) throws -> MachineModel {
        var stream = RandomStream(seed: seed)
        return try MachineModel(
            parameters: parameters ?? .preset(for: kind), thresholds: .draw(from: &stream),
            initialBearingWear: initialBearingWear)
    }

    /// Running hours to failure of a fresh machine under constant `conditions`, from the
    /// model's own deterministic RUL (no stepping).
    static func hoursToFailure(_ machine: MachineModel, _ conditions: OperatingConditions) -> Double {
        machine.remainingUsefulLife(under: conditions).hours
    }

    /// Mean of `values`.
    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
}
