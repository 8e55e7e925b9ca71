/// The labels a dataset needs for one machine at one instant: which fault is developing,
/// since when, how far each damage has progressed and how long is left.
public struct MachineGroundTruth: Sendable, Equatable, Hashable, Codable {
    /// The mode that has consumed the largest fraction of its individual life (ties go to the
    /// first in `FailureMode.allCases`).
    public var dominantMode: FailureMode
    /// The developing fault: the failed mode after a failure, otherwise the mode with the
    /// largest life fraction among those past onset; nil for a healthy machine.
    public var activeFault: FailureMode?
    /// Onset time of `activeFault`, model time in s.
    public var faultOnsetSeconds: Double?
    /// Fraction of the bearings' individual life consumed, 0…1 (the wear fraction).
    public var bearingWear: Double
    /// Fraction of the insulation's individual life consumed, 0…1.
    public var insulationLifeConsumed: Double
    /// Fraction of the individual electrical-stress life consumed, 0…1.
    public var electricalStress: Double
    /// Remaining useful life under the conditions given, running hours (0 after a failure).
    public var remainingUsefulLifeHours: Double
    /// The failure, if the machine has failed and not been repaired.
    public var failure: MachineFailure?
}
