/// Piecewise-constant energy prices by season (month ranges), weekday/weekend and hour of day.
///
/// Each season covers a month range (which may wrap past December, e.g. October–May) and has
/// one price table for weekdays and one for weekends. A table is a list of hour windows with
/// prices plus the price outside every window. The seasons must cover every month exactly once;
/// windows inside a table must not overlap. Holidays are not modelled (treated as their weekday).
///
/// Prices are in currency units per kWh (the currency is the scenario's choice).
public struct TimeOfUseSchedule: Sendable, Hashable {
    /// One priced hour window of a day, [startHour, endHour), h, 0 ≤ start < end ≤ 24.
    public struct Window: Sendable, Hashable {
        public let startHour: Double
        public let endHour: Double
        public let price: Double

        /// Creates a window; a window across midnight is written as two windows.
        public init(from startHour: Double, to endHour: Double, price: Double) throws(ModelInputError) {
            self.startHour = try ModelInputError.check(startHour, "TOU window start", unit: "h", in: 0...24)
            self.endHour = try ModelInputError.check(endHour, "TOU window end", unit: "h", in: startHour...24)
            guard endHour > startHour else {
                throw ModelInputError(code: .inconsistent, quantity: "TOU window end", value: endHour, unit: "h",
                                      message: "TOU window \(startHour)–\(endHour) h is empty")
            }
            self.price = try ModelInputError.check(price, "energy price", unit: "currency/kWh", in: -10...100)
        }
    }

    /// The prices of one kind of day: windows, and the price at all other hours.
    public struct DayPrices: Sendable, Hashable {
        public let windows: [Window]
        public let otherwise: Double

        /// Creates a day table, rejecting overlapping windows.
        public init(_ windows: [Window] = [], otherwise: Double) throws(ModelInputError) {
            let sorted = windows.sorted { $0.startHour < $1.startHour }
            for i in sorted.indices.dropFirst() where sorted[i].startHour < sorted[i - 1].endHour {
                throw ModelInputError(code: .inconsistent, quantity: "TOU window start", value: sorted[i].startHour,
                                      unit: "h", message: "TOU windows \(sorted[i - 1].startHour)–\(sorted[i - 1].endHour) h "
                                          + "and \(sorted[i].startHour)–\(sorted[i].endHour) h overlap")
            }
            self.windows = sorted
            self.otherwise = try ModelInputError.check(otherwise, "energy price", unit: "currency/kWh", in: -10...100)
        }

        /// Price at an hour of day, currency/kWh.
        @inlinable
        public func price(hourOfDay h: Double) -> Double {
            for w in windows where h >= w.startHour && h < w.endHour { return w.price }
            return otherwise
        }
    }

    /// A season: a month range (wrapping allowed) with weekday and weekend prices.
    public struct Season: Sendable, Hashable {
        public let name: String
        public let firstMonth: Int
        public let lastMonth: Int
        public let weekday: DayPrices
        public let weekend: DayPrices

        /// Creates a season covering `firstMonth` through `lastMonth` (1–12; wraps if first > last).
        public init(_ name: String, months firstMonth: Int, through lastMonth: Int,
                    weekday: DayPrices, weekend: DayPrices) throws(ModelInputError) {
            _ = try ModelInputError.check(Double(firstMonth), "season first month", unit: "month", in: 1...12)
            _ = try ModelInputError.check(Double(lastMonth), "season last month", unit: "month", in: 1...12)
            self.name = name
            self.firstMonth = firstMonth
            self.lastMonth = lastMonth
            self.weekday = weekday
            self.weekend = weekend
        }

        /// Whether the season includes a month, 1–12.
        @inlinable
        public func contains(month m: Int) -> Bool {
            firstMonth <= lastMonth ? (m >= firstMonth && m <= lastMonth) : (m >= firstMonth || m <= lastMonth)
        }
    }

    /// The seasons, in the order given.
    public let seasons: [Season]
    /// Index into `seasons` for each month (0 = January), filled at init.
    private let seasonOfMonth: [Int]

    /// Creates a schedule; every month must belong to exactly one season.
    public init(seasons: [Season]) throws(ModelInputError) {
        var map = [Int](repeating: -1, count: 12)
        for (k, s) in seasons.enumerated() {
            for m in 1...12 where s.contains(month: m) {
                guard map[m - 1] < 0 else {
                    throw ModelInputError(code: .inconsistent, quantity: "TOU season month", value: Double(m), unit: "month",
                                          message: "month \(m) is in both TOU seasons '\(seasons[map[m - 1]].name)' and '\(s.name)'")
                }
                map[m - 1] = k
            }
        }
        if let missing = map.firstIndex(of: -1) {
            throw ModelInputError(code: .inconsistent, quantity: "TOU season month", value: Double(missing + 1), unit: "month",
                                  message: "month \(missing + 1) is in no TOU season")
        }
        self.seasons = seasons
        seasonOfMonth = map
    }

    /// Price at simulation time t, currency/kWh.
    public func price(atHours t: Double, calendar: SimulationCalendar) -> Double {
        let season = seasons[seasonOfMonth[calendar.month(atHours: t) - 1]]
        let day = calendar.isWeekend(atHours: t) ? season.weekend : season.weekday
        return day.price(hourOfDay: calendar.hourOfDay(atHours: t))
    }

    /// Xcel Energy Schedule RE-TOU (Denver), as used by BOPTEST's `bestest_air` "dynamic" price, $/kWh.
    ///
    /// Summer (June–September) on/mid/off-peak 0.13814/0.08420/0.04440, winter (October–May)
    /// 0.08880/0.05413/0.04440. On-peak weekdays 14–18 h; mid-peak weekdays 9–14 h and 18–21 h,
    /// weekends 9–21 h; off-peak 21–9 h every day (BOPTEST `testcases/bestest_air/doc`).
    public static var xcelRETOU: TimeOfUseSchedule {
        func season(_ name: String, _ first: Int, _ last: Int, on: Double, mid: Double, off: Double) -> Season {
            // The literals are valid, so these initialisers cannot throw.
            try! Season(name, months: first, through: last,
                        weekday: DayPrices([Window(from: 9, to: 14, price: mid), Window(from: 14, to: 18, price: on),
                                            Window(from: 18, to: 21, price: mid)], otherwise: off),
                        weekend: DayPrices([Window(from: 9, to: 21, price: mid)], otherwise: off))
        }
        return try! TimeOfUseSchedule(seasons: [
            season("summer", 6, 9, on: 0.13814, mid: 0.08420, off: 0.04440),
            season("winter", 10, 5, on: 0.08880, mid: 0.05413, off: 0.04440),
        ])
    }
}
