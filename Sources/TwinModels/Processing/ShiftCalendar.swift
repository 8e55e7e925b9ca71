import Foundation

/// Working hours of staffed stations: the same daily shift window on chosen days of the week.
///
/// Time is simulation hours from time zero, which is 00:00 on `startWeekday` (0 = Monday …
/// 6 = Sunday). A window may not cross midnight (split it in two days' hours instead); with
/// `startHour` 0 and `endHour` 24 on all seven days the station works around the clock.
/// Inputs: hours ≥ 0. Outputs: hours.
public struct ShiftCalendar: Sendable, Equatable {
    /// Shift start, hour of day 0…24.
    public var startHour: Double
    /// Shift end, hour of day, > startHour, ≤ 24.
    public var endHour: Double
    /// Working days, 0 = Monday … 6 = Sunday.
    public var days: Set<Int>
    /// Weekday of simulation day 0.
    public var startWeekday: Int

    public init(startHour: Double, endHour: Double, days: Set<Int>, startWeekday: Int = 0) throws(ModelInputError) {
        self.startHour = try ModelInputError.check(startHour, "shift start", unit: "h", in: 0...24)
        self.endHour = try ModelInputError.check(endHour, "shift end", unit: "h", in: startHour...24)
        guard endHour > startHour else {
            throw ModelInputError(code: .inconsistent, quantity: "shift end", value: endHour, unit: "h",
                                  message: "shift end \(endHour) h must be after shift start \(startHour) h")
        }
        guard !days.isEmpty, days.allSatisfy({ (0...6).contains($0) }) else {
            throw ModelInputError(code: .outOfRange, quantity: "working days", value: Double(days.count), unit: "days",
                                  message: "working days must be a non-empty set of weekdays 0 (Monday) … 6 (Sunday)")
        }
        self.days = days
        self.startWeekday = try Int(ModelInputError.check(Double(startWeekday), "start weekday", unit: "", in: 0...6))
    }

    /// A calendar that always works.
    public static let always = try! ShiftCalendar(startHour: 0, endHour: 24, days: Set(0...6))

    private func isWorkingDay(_ day: Int) -> Bool { days.contains((day + startWeekday) % 7) }

    /// Whether the station works at `hours`.
    public func isWorking(atHours hours: Double) -> Bool {
        let day = Int((hours / 24).rounded(.down))
        let hourOfDay = hours - Double(day) * 24
        return isWorkingDay(day) && hourOfDay >= startHour && hourOfDay < endHour
    }

    /// The current shift's end when working at `hours`, else the next shift's start.
    ///
    /// Returns (start of the working interval, end of it) that contains or follows `hours`.
    public func workingInterval(atOrAfter hours: Double) -> (start: Double, end: Double) {
        var day = Int((hours / 24).rounded(.down))
        // A working day always comes within a week.
        for _ in 0...8 {
            if isWorkingDay(day) {
                let start = Double(day) * 24 + startHour, end = Double(day) * 24 + endHour
                if hours < end { return (max(start, hours), end) }
            }
            day += 1
        }
        return (hours, hours)
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
