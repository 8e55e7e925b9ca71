import Testing
import TwinModels

@Suite("Simulation calendar")
struct SimulationCalendarTests {
    @Test("weekdays of known dates")
    func weekdays() throws {
        #expect(try SimulationCalendar(year: 2024, month: 1, day: 1).startWeekday == 1)  // Monday
        #expect(try SimulationCalendar(year: 2018, month: 1, day: 1).startWeekday == 1)  // Monday
        #expect(try SimulationCalendar(year: 2000, month: 2, day: 29).startWeekday == 2)  // Tuesday
        #expect(try SimulationCalendar(year: 2026, month: 11, day: 22).startWeekday == 7)  // Sunday
        #expect(try SimulationCalendar(year: 2021, dayOfYear: 270).startWeekday == 1)  // 27 Sep 2021, Monday
    }

    @Test("fields at simulation hours, across month, year and leap-day boundaries")
    func fields() throws {
        let cal = try SimulationCalendar(year: 2023, month: 12, day: 30)  // Saturday
        var m = cal.moment(atHours: 0)
        #expect(m.year == 2023 && m.month == 12 && m.day == 30 && m.dayOfYear == 364 && m.weekday == 6 && m.isWeekend)
        m = cal.moment(atHours: 2 * 24 + 13.5)
        #expect(m.year == 2024 && m.month == 1 && m.day == 1 && m.weekday == 1 && m.hourOfDay == 13.5 && !m.isWeekend)
        // 2024 is a leap year: 29 Feb exists and 1 March is day 61.
        let feb29 = Double(2 + 31 + 28) * 24
        m = cal.moment(atHours: feb29)
        #expect(m.month == 2 && m.day == 29 && m.dayOfYear == 60)
        m = cal.moment(atHours: feb29 + 24)
        #expect(m.month == 3 && m.day == 1 && m.dayOfYear == 61)
        // Into 2025 (366 days of 2024 later).
        m = cal.moment(atHours: Double(2 + 366) * 24)
        #expect(m.year == 2025 && m.dayOfYear == 1 && m.weekday == 3)  // 1 Jan 2025 was a Wednesday
        #expect(cal.month(atHours: Double(2 + 366 + 31) * 24) == 2)
        #expect(cal.monthKey(atHours: 0) == 2023 * 12 + 11)
    }

    @Test("invalid dates throw")
    func invalid() {
        #expect(throws: ModelInputError.self) { try SimulationCalendar(year: 2023, month: 2, day: 29) }
        #expect(throws: ModelInputError.self) { try SimulationCalendar(year: 2023, dayOfYear: 366) }
        #expect(throws: ModelInputError.self) { try SimulationCalendar(year: 2023, month: 13, day: 1) }
    }
}
