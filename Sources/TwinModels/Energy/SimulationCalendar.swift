/// Maps simulation hours to calendar fields (year, month, day, weekday, hour of day) without Foundation dates.
///
/// Simulation hour 0 is local midnight at the start of `startDayOfYear` of `startYear`; the
/// proleptic Gregorian calendar applies (leap years every 4, not every 100, every 400) and
/// there is no daylight-saving shift, so every day has 24 h. Weekdays are ISO numbers,
/// 1 = Monday … 7 = Sunday, derived from the date so they cannot contradict it.
///
/// Every query is pure arithmetic plus a short loop over the years elapsed, so tariffs can
/// call it every simulated minute.
public struct SimulationCalendar: Sendable, Hashable {
    /// Calendar fields of one instant.
    public struct Moment: Sendable, Hashable {
        /// Gregorian year.
        public var year: Int
        /// Month, 1–12.
        public var month: Int
        /// Day of month, 1–31.
        public var day: Int
        /// Day of year, 1–366.
        public var dayOfYear: Int
        /// ISO weekday, 1 = Monday … 7 = Sunday.
        public var weekday: Int
        /// Hour of day, h, [0, 24).
        public var hourOfDay: Double

        /// Whether the day is Saturday or Sunday.
        public var isWeekend: Bool { weekday >= 6 }
    }

    /// Year of simulation hour 0.
    public let startYear: Int
    /// Day of year of simulation hour 0, 1–366.
    public let startDayOfYear: Int
    /// ISO weekday of simulation hour 0, 1 = Monday … 7 = Sunday.
    public let startWeekday: Int

    /// A calendar whose hour 0 is midnight at the start of a day of year.
    ///
    /// - Parameters:
    ///   - year: 1–9999.
    ///   - dayOfYear: 1–365 (366 in leap years).
    public init(year: Int, dayOfYear: Int = 1) throws(ModelInputError) {
        _ = try ModelInputError.check(Double(year), "start year", unit: "a", in: 1...9999)
        let length = Self.daysInYear(year)
        _ = try ModelInputError.check(Double(dayOfYear), "start day of year", unit: "d", in: 1...Double(length))
        startYear = year
        startDayOfYear = dayOfYear
        startWeekday = Self.weekday(year: year, dayOfYear: dayOfYear)
    }

    /// A calendar whose hour 0 is midnight at the start of a date.
    ///
    /// - Parameters: `year` 1–9999, `month` 1–12, `day` 1–31 (checked against the month).
    public init(year: Int, month: Int, day: Int) throws(ModelInputError) {
        _ = try ModelInputError.check(Double(month), "start month", unit: "month", in: 1...12)
        let leap = Self.isLeapYear(year) && month > 2 ? 1 : 0
        let days = Self.daysInMonth[month - 1] + (Self.isLeapYear(year) && month == 2 ? 1 : 0)
        _ = try ModelInputError.check(Double(day), "start day of month", unit: "d", in: 1...Double(days))
        try self.init(year: year, dayOfYear: Self.daysBeforeMonth[month - 1] + leap + day)
    }

    static let daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// Whether a Gregorian year has 366 days.
    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 365 or 366.
    @inlinable
    public static func daysInYear(_ year: Int) -> Int { isLeapYear(year) ? 366 : 365 }

    /// ISO weekday (1 = Monday) of a date, counting days from Monday 1 January of year 1.
    public static func weekday(year: Int, dayOfYear: Int) -> Int {
        let y = year - 1
        let days = 365 * y + y / 4 - y / 100 + y / 400 + dayOfYear - 1
        return days % 7 + 1
    }

    /// Whole days since hour 0 (negative before it).
    @inlinable
    public func dayIndex(atHours t: Double) -> Int { Int((t / 24).rounded(.down)) }

    /// Hour of day at simulation time t, h, [0, 24).
    @inlinable
    public func hourOfDay(atHours t: Double) -> Double {
        let h = t.truncatingRemainder(dividingBy: 24)
        return h < 0 ? h + 24 : h
    }

    /// ISO weekday at simulation time t, 1 = Monday … 7 = Sunday.
    @inlinable
    public func weekday(atHours t: Double) -> Int {
        var w = (startWeekday - 1 + dayIndex(atHours: t)) % 7
        if w < 0 { w += 7 }
        return w + 1
    }

    /// Whether simulation time t falls on a Saturday or Sunday.
    @inlinable
    public func isWeekend(atHours t: Double) -> Bool { weekday(atHours: t) >= 6 }

    /// Year and day of year (1-based) at simulation time t.
    public func yearAndDayOfYear(atHours t: Double) -> (year: Int, dayOfYear: Int) {
        var year = startYear
        var d = startDayOfYear - 1 + dayIndex(atHours: t)
        while d >= Self.daysInYear(year) {
            d -= Self.daysInYear(year)
            year += 1
        }
        while d < 0 {
            year -= 1
            d += Self.daysInYear(year)
        }
        return (year, d + 1)
    }

    /// Month (1–12) and day of month of a day of year.
    public static func monthAndDay(year: Int, dayOfYear: Int) -> (month: Int, day: Int) {
        let leap = isLeapYear(year)
        var month = 12
        while month > 1 {
            let before = daysBeforeMonth[month - 1] + (leap && month > 2 ? 1 : 0)
            if dayOfYear > before { return (month, dayOfYear - before) }
            month -= 1
        }
        return (1, dayOfYear)
    }

    /// Month, 1–12, at simulation time t.
    public func month(atHours t: Double) -> Int {
        let (y, d) = yearAndDayOfYear(atHours: t)
        return Self.monthAndDay(year: y, dayOfYear: d).month
    }

    /// All calendar fields at simulation time t.
    public func moment(atHours t: Double) -> Moment {
        let (y, d) = yearAndDayOfYear(atHours: t)
        let (m, day) = Self.monthAndDay(year: y, dayOfYear: d)
        return Moment(year: y, month: m, day: day, dayOfYear: d, weekday: weekday(atHours: t),
                      hourOfDay: hourOfDay(atHours: t))
    }

    /// A number identifying the billing month of simulation time t: year·12 + month − 1.
    public func monthKey(atHours t: Double) -> Int {
        let (y, d) = yearAndDayOfYear(atHours: t)
        return y * 12 + Self.monthAndDay(year: y, dayOfYear: d).month - 1
    }
}
