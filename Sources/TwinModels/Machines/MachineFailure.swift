/// A failure that happened: which mode reached its threshold, and when.
public struct MachineFailure: Sendable, Equatable, Hashable, Codable {
    /// The mode whose cumulative hazard reached its threshold first.
    public var mode: FailureMode
    /// Model time of the failure, s (interpolated inside the `advance` span, not rounded to
    /// the step).
    public var timeSeconds: Double

    public init(mode: FailureMode, timeSeconds: Double) {
        self.mode = mode
        self.timeSeconds = timeSeconds
    }
}
