import TwinModels

/// The `technicians` section: the maintenance crew and when it works.
public struct TechniciansSpec: Sendable, Equatable {
    /// Crew size, 1…10,000.
    public var count: Int
    /// Working hours (time zero is a Monday at 00:00); nil means on duty around the clock.
    public var shift: ShiftCalendar?

    public init(count: Int, shift: ShiftCalendar?) {
        self.count = count
        self.shift = shift
    }
}
