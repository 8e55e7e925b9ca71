import Testing
@testable import TwinModels

/// Shift calendars: working windows, the next window, working hours between two times.
@Suite("Shift calendar")
struct ShiftCalendarTests {
    /// 06:00–22:00, Monday to Friday, day 0 a Monday.
    let weekdays = try! ShiftCalendar(startHour: 6, endHour: 22, days: Set(0...4))

    @Test("working at 10:00 Monday, not at 23:00 nor on Saturday")
    func isWorking() {
        #expect(weekdays.isWorking(atHours: 10))
        #expect(!weekdays.isWorking(atHours: 23))
        #expect(!weekdays.isWorking(atHours: 5 * 24 + 10))
        #expect(weekdays.isWorking(atHours: 7 * 24 + 6))
    }

    @Test("the next window after Friday night is Monday 06:00")
    func nextWindow() {
        let window = weekdays.workingInterval(atOrAfter: 4 * 24 + 23)
        #expect(window.start == 7 * 24 + 6 && window.end == 7 * 24 + 22)
        let current = weekdays.workingInterval(atOrAfter: 30)
        #expect(current.start == 30 && current.end == 46)
    }

    @Test("a week holds 5 × 16 working hours; start weekday shifts the week")
    func workingHours() throws {
        #expect(weekdays.workingHours(from: 0, to: 168) == 80)
        let fromSaturday = try ShiftCalendar(startHour: 6, endHour: 22, days: Set(0...4), startWeekday: 5)
        #expect(!fromSaturday.isWorking(atHours: 10))
        #expect(fromSaturday.isWorking(atHours: 2 * 24 + 10))
        #expect(ShiftCalendar.always.workingHours(from: 3, to: 50) == 47)
    }

    @Test("an end before the start or no working days throws")
    func errors() {
        #expect(throws: ModelInputError.self) { try ShiftCalendar(startHour: 22, endHour: 6, days: [0]) }
        #expect(throws: ModelInputError.self) { try ShiftCalendar(startHour: 6, endHour: 22, days: []) }
    }
}
