import TwinModels

/// The `technicians` section: the maintenance crew, when it works and what it costs.
public struct TechniciansSpec: Sendable, Equatable {
    /// Default wage of a technician, currency (USD) per paid shift hour: the median hourly
    /// wage of US industrial machinery mechanics, machinery maintenance workers and millwrights
    /// (SOC 49-9041, 49-9043, 49-9044) in May 2020, $26.40, from the U.S. Bureau of Labor
    /// Statistics' Occupational Outlook Handbook (Occupational Employment and Wage Statistics
    /// survey). Wage only: benefits and overheads are not in it.
    public static let defaultCostPerHour = 26.40
    /// Overtime premium as a multiple of the shift rate: one and a half times the regular
    /// rate, the minimum the US Fair Labor Standards Act (29 U.S.C. § 207) sets for overtime.
    public static let overtimeMultiplier = 1.5

    /// Crew size, 1…10,000.
    public var count: Int
    /// Working hours (time zero is a Monday at 00:00); nil means on duty around the clock.
    public var shift: ShiftCalendar?
    /// Pay of one technician per shift hour, busy or not, currency per hour, 0…10,000.
    public var costPerHour: Double
    /// Pay of one hour of overtime (a job finished after the shift ended), currency per hour,
    /// 0…10,000; default 1.5 × `costPerHour`.
    public var overtimeCostPerHour: Double

    public init(count: Int, shift: ShiftCalendar?, costPerHour: Double = Self.defaultCostPerHour,
                overtimeCostPerHour: Double? = nil) {
        self.count = count
        self.shift = shift
        self.costPerHour = costPerHour
        self.overtimeCostPerHour = overtimeCostPerHour ?? Self.overtimeMultiplier * costPerHour
    }
}
