/// Remaining useful life under fixed operating conditions and the mode that will end it.
public struct RemainingLife: Sendable, Equatable, Hashable, Codable {
    /// Running hours until the first failure threshold is reached, h (≥ 0; `.infinity` if no
    /// damage accrues under the conditions).
    public var hours: Double
    /// The mode that fails first; nil when `hours` is infinite.
    public var mode: FailureMode?

    public init(hours: Double, mode: FailureMode?) {
        self.hours = hours
        self.mode = mode
    }
}
