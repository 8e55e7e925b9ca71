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

    @Test("a night shift runs past midnight and belongs to the day it starts; weekends off")
    func nightShift() throws {
        let night = try ShiftCalendar(startHour: 22, hours: 10, days: Set(0...4))
        #expect(night.isWorking(atHours: 23))          // Monday 23:00
        #expect(night.isWorking(atHours: 24 + 7))      // Tuesday 07:00, Monday's shift
        #expect(!night.isWorking(atHours: 24 + 9))
        #expect(!night.isWorking(atHours: 5 * 24 + 23)) // Saturday 23:00
        #expect(night.isWorking(atHours: 5 * 24 + 7))   // Saturday 07:00 ends Friday's shift
        #expect(night.nextChange(afterHours: 12) == 22)
        #expect(night.nextChange(afterHours: 4 * 24 + 23) == 5 * 24 + 8)
        #expect(night.nextChange(afterHours: 5 * 24 + 9) == 7 * 24 + 22)   // next Monday night
        #expect(night.workingHours(from: 0, to: 168) == 50)
    }

    @Test("abutting 24-hour shifts are one stretch; a calendar that always works never changes")
    func abuttingShifts() throws {
        let weekdaysAllDay = try ShiftCalendar(startHour: 0, hours: 24, days: Set(0...4))
        #expect(weekdaysAllDay.nextChange(afterHours: 5) == 5 * 24)       // Saturday 00:00
        #expect(weekdaysAllDay.nextChange(afterHours: 5 * 24 + 1) == 7 * 24)
        #expect(ShiftCalendar.always.nextChange(afterHours: 5) == .infinity)
        #expect(ShiftCalendar.always.isAlwaysWorking && !weekdaysAllDay.isAlwaysWorking)
    }

    @Test("an end before the start or no working days throws")
    func errors() {
        #expect(throws: ModelInputError.self) { try ShiftCalendar(startHour: 22, endHour: 6, days: [0]) }
        #expect(throws: ModelInputError.self) { try ShiftCalendar(startHour: 6, endHour: 22, days: []) }
        #expect(throws: ModelInputError.self) { try ShiftCalendar(startHour: 6, hours: 0, days: [0]) }
        #expect(throws: ModelInputError.self) { try ShiftCalendar(startHour: 6, hours: 25, days: [0]) }
    }
}
