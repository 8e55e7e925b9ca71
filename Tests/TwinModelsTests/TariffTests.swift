import Testing
import TwinModels

@Suite("Tariffs: flat, time-of-use (Xcel RE-TOU), real-time")
struct TariffTests {
    // 2018 (BOPTEST's price year) starts on a Monday.
    static let calendar = try! SimulationCalendar(year: 2018, month: 1, day: 1)

    /// Simulation hour of a 2018 date and clock hour.
    static func hours(month: Int, day: Int, hour: Double) -> Double {
        let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        return Double(before[month - 1] + day - 1) * 24 + hour
    }

    @Test("Xcel RE-TOU prices by season, weekday and hour", arguments: [
        // month, day, hour, price; 2018-07-10 Tuesday, 2018-07-14 Saturday, 2018-01-10 Wednesday, 2018-01-13 Saturday
        (7, 10, 15.0, 0.13814), (7, 10, 14.0, 0.13814), (7, 10, 17.99, 0.13814), (7, 10, 18.0, 0.08420),
        (7, 10, 10.0, 0.08420), (7, 10, 20.5, 0.08420), (7, 10, 21.0, 0.04440), (7, 10, 3.0, 0.04440),
        (7, 10, 8.99, 0.04440), (7, 14, 15.0, 0.08420), (7, 14, 22.0, 0.04440),
        (1, 10, 15.0, 0.08880), (1, 10, 12.0, 0.05413), (1, 10, 1.0, 0.04440), (1, 13, 15.0, 0.05413),
        (6, 1, 15.0, 0.13814), (5, 31, 15.0, 0.08880), (9, 28, 15.0, 0.13814), (10, 1, 15.0, 0.08880),
    ])
    func reTOU(_ row: (Int, Int, Double, Double)) {
        let tariff = Tariff.timeOfUse(.xcelRETOU)
        #expect(tariff.price(atHours: Self.hours(month: row.0, day: row.1, hour: row.2), calendar: Self.calendar) == row.3,
                "\(row)")
    }

    @Test("flat and real-time prices")
    func flatAndRealTime() throws {
        let flat = try Tariff.flat(0.05461)
        #expect(flat.price(atHours: 1234.5, calendar: Self.calendar) == 0.05461)
        let rt = Tariff.realTime(try HourlyPriceSeries(prices: [0.10, 0.20, -0.01]))
        #expect(rt.price(atHours: 0.5, calendar: Self.calendar) == 0.10)
        #expect(rt.price(atHours: 1.0, calendar: Self.calendar) == 0.20)
        #expect(rt.price(atHours: 2.99, calendar: Self.calendar) == -0.01)
        #expect(rt.price(atHours: 3.0, calendar: Self.calendar) == 0.10)  // repeats
        let quarter = try HourlyPriceSeries(prices: [1, 2, 3, 4], stepHours: 0.25)
        #expect(quarter.price(atHours: 0.6) == 3)
        #expect(throws: ModelInputError.self) { try HourlyPriceSeries(prices: []) }
        #expect(throws: ModelInputError.self) { try Tariff.flat(.infinity) }
    }

    @Test("schedules must cover every month once and windows must not overlap")
    func validation() throws {
        let day = try TimeOfUseSchedule.DayPrices(otherwise: 0.1)
        #expect(throws: ModelInputError.self) {
            try TimeOfUseSchedule(seasons: [TimeOfUseSchedule.Season("a", months: 1, through: 6, weekday: day, weekend: day)])
        }
        #expect(throws: ModelInputError.self) {
            try TimeOfUseSchedule(seasons: [
                TimeOfUseSchedule.Season("a", months: 1, through: 6, weekday: day, weekend: day),
                TimeOfUseSchedule.Season("b", months: 6, through: 12, weekday: day, weekend: day),
            ])
        }
        #expect(throws: ModelInputError.self) {
            try TimeOfUseSchedule.DayPrices([TimeOfUseSchedule.Window(from: 8, to: 12, price: 1),
                                             TimeOfUseSchedule.Window(from: 11, to: 13, price: 2)], otherwise: 0)
        }
        #expect(throws: ModelInputError.self) { try TimeOfUseSchedule.Window(from: 5, to: 5, price: 1) }
        // A wrapping season (November–February) is accepted.
        let year = try TimeOfUseSchedule(seasons: [
            TimeOfUseSchedule.Season("winter", months: 11, through: 2, weekday: day, weekend: day),
            TimeOfUseSchedule.Season("rest", months: 3, through: 10, weekday: try .init(otherwise: 0.2), weekend: day),
        ])
        #expect(year.price(atHours: Self.hours(month: 12, day: 5, hour: 12), calendar: Self.calendar) == 0.1)
        #expect(year.price(atHours: Self.hours(month: 4, day: 4, hour: 12), calendar: Self.calendar) == 0.2)
    }
}
