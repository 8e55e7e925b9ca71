import Foundation

/// Working hours of a crew or a staffed station: the same daily shift on chosen days of the week.
///
/// Time is simulation hours from time zero, which is 00:00 on `startWeekday` (0 = Monday …
/// 6 = Sunday). A shift belongs to the day it starts on and may run past midnight (a night
/// shift from 22:00 for 10 h on Monday ends Tuesday 08:00); with `startHour` 0 and 24-hour
/// shifts on all seven days the crew works around the clock. Used by the processing plant's
/// trimming and packaging and by the fleet's maintenance crew.
/// Inputs: hours ≥ 0. Outputs: hours.
public struct ShiftCalendar: Sendable, Equatable {
    /// Shift start, hour of day 0…24.
    public var startHour: Double
    /// Shift end, hour of the starting day, after `startHour`, at most `startHour` + 24
    /// (above 24 when the shift runs past midnight).
    public var endHour: Double
    /// Working days (the day a shift starts on), 0 = Monday … 6 = Sunday.
    public var days: Set<Int>
    /// Weekday of simulation day 0.
    public var startWeekday: Int

    /// Shift length, hours.
    public var hours: Double { endHour - startHour }

    /// A shift of `hours` from `startHour`, possibly past midnight.
    public init(startHour: Double, hours: Double, days: Set<Int>, startWeekday: Int = 0) throws(ModelInputError) {
        self.startHour = try ModelInputError.check(startHour, "shift start", unit: "h", in: 0...24)
        self.endHour = startHour + (try ModelInputError.check(hours, "shift length", unit: "h", in: 0...24))
        guard hours > 0 else {
            throw ModelInputError(code: .outOfRange, quantity: "shift length", value: hours, unit: "h",
                                  message: "a shift must last longer than 0 h")
        }
        guard !days.isEmpty, days.allSatisfy({ (0...6).contains($0) }) else {
            throw ModelInputError(code: .outOfRange, quantity: "working days", value: Double(days.count), unit: "days",
                                  message: "working days must be a non-empty set of weekdays 0 (Monday) … 6 (Sunday)")
        }
        self.days = days
        self.startWeekday = try Int(ModelInputError.check(Double(startWeekday), "start weekday", unit: "", in: 0...6))
    }

    /// A shift from `startHour` to `endHour` of the same day.
    public init(startHour: Double, endHour: Double, days: Set<Int>, startWeekday: Int = 0) throws(ModelInputError) {
        _ = try ModelInputError.check(endHour, "shift end", unit: "h", in: startHour...24)
        guard endHour > startHour else {
            throw ModelInputError(code: .inconsistent, quantity: "shift end", value: endHour, unit: "h",
                                  message: "shift end \(endHour) h must be after shift start \(startHour) h")
        }
        try self.init(startHour: startHour, hours: endHour - startHour, days: days, startWeekday: startWeekday)
        self.endHour = endHour  // exactly as given, not start + (end − start)
    }

    /// A calendar that always works.
    public static let always = try! ShiftCalendar(startHour: 0, hours: 24, days: Set(0...6))

    /// Whether the calendar works every hour of every day.
    public var isAlwaysWorking: Bool { hours >= 24 && days.count == 7 }

    private func isWorkingDay(_ day: Int) -> Bool { days.contains(((day + startWeekday) % 7 + 7) % 7) }

    /// The shift that starts on `day`, hours from time zero.
    private func window(onDay day: Int) -> (start: Double, end: Double) {
        let midnight = Double(day) * 24
        return (midnight + startHour, midnight + endHour)
    }

    /// Whether the crew or station works at `hours`.
    public func isWorking(atHours hours: Double) -> Bool {
        let day = Int((hours / 24).rounded(.down))
        // A shift that runs past midnight started the day before.
        for d in [day - 1, day] where isWorkingDay(d) {
            let w = window(onDay: d)
            if hours >= w.start && hours < w.end { return true }
        }
        return false
    }

    /// The shift that contains `hours` (from `hours` on) or else the next one.
    ///
    /// Returns (start of the working interval, end of it) that contains or follows `hours`.
    public func workingInterval(atOrAfter hours: Double) -> (start: Double, end: Double) {
        var day = Int((hours / 24).rounded(.down)) - 1
        // A working day always comes within a week.
        for _ in 0...9 {
            if isWorkingDay(day) {
                let w = window(onDay: day)
                if hours < w.end { return (max(w.start, hours), w.end) }
            }
            day += 1
        }
        return (hours, hours)
    }

    /// The first time after `hours` at which working turns into not working or back;
    /// `.infinity` if it never does. Shifts that abut (24-hour shifts on consecutive days)
    /// count as one stretch.
    public func nextChange(afterHours hours: Double) -> Double {
        if isAlwaysWorking { return .infinity }
        guard isWorking(atHours: hours) else { return workingInterval(atOrAfter: hours).start }
        var end = workingInterval(atOrAfter: hours).end
        while isWorking(atHours: end) { end = workingInterval(atOrAfter: end).end }
        return end
    }

    /// Working hours in [from, to).
    public func workingHours(from: Double, to: Double) -> Double {
        var total = 0.0, t = from
        while t < to {
            let window = workingInterval(atOrAfter: t)
            if window.start >= to { break }
            total += min(window.end, to) - window.start
            t = window.end
        }
        return total
    }
}
