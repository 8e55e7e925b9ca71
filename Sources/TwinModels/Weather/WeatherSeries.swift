/// Recorded weather: rows at increasing times, linearly interpolated and repeated periodically.
///
/// Use it to drive a run from measured or typical-year data. Past the last row the series
/// wraps around to the first (interpolating across the seam), so a one-year file drives a
/// multi-year run; `periodHours` is the length of one repetition.
///
/// Time axis: "file time" is the `hour` column of a CSV file or, for EPW, hours since
/// 1 January 00:00 of a non-leap year. `sample(atHours: t)` reads file time `t + offsetHours`,
/// so a run that starts on day 270 of a typical year sets `offsetHours = 269 · 24`.
///
/// Loading: `init(csv:)` and `init(epw:)` (formats documented there, in `WeatherFileParser`).
public struct WeatherSeries: WeatherSource, Sendable, Hashable {
    /// File times of the rows, h, strictly increasing.
    public let hours: [Double]
    /// Air temperature of each row, °C.
    public let temperature: [Double]
    /// Relative humidity of each row, %.
    public let relativeHumidity: [Double]
    /// Global horizontal irradiance of each row, W m⁻².
    public let globalRadiation: [Double]
    /// CO₂ of each row, ppm.
    public let co2: [Double]
    /// Wind speed of each row, m s⁻¹.
    public let windSpeed: [Double]
    /// Length of one repetition, h; the value at `hours[0] + periodHours` equals the first row's.
    public let periodHours: Double
    /// File time read at simulation hour 0, h.
    public var offsetHours: Double
    /// The spacing of the rows if it is uniform (within 1e-9 h), used for O(1) look-up.
    private let uniformStep: Double?

    /// Creates a series from columns of equal length, checking them.
    ///
    /// - Parameters:
    ///   - hours: file times, h, strictly increasing, at least two.
    ///   - temperature: °C, −90–70.
    ///   - relativeHumidity: %, 0–100.
    ///   - globalRadiation: W m⁻², 0–2000.
    ///   - co2: ppm, 0–1e5; a single element is repeated for every row.
    ///   - windSpeed: m s⁻¹, 0–100; a single element is repeated for every row.
    ///   - periodHours: repetition length, h, greater than the span of `hours`; by default the
    ///     span plus the last row spacing (8760 for hourly rows of a year).
    ///   - offsetHours: file time at simulation hour 0, h.
    /// - Throws: `WeatherError` (line 0) naming the first bad row index.
    public init(hours: [Double], temperature: [Double], relativeHumidity: [Double], globalRadiation: [Double],
                co2: [Double] = [420], windSpeed: [Double] = [0], periodHours: Double? = nil,
                offsetHours: Double = 0) throws(WeatherError) {
        let n = hours.count
        guard n >= 2 else {
            throw WeatherError(code: .tooFewRows, line: 0, message: "weather needs at least two rows, got \(n)")
        }
        func expand(_ column: [Double], _ name: String) throws(WeatherError) -> [Double] {
            if column.count == n { return column }
            if column.count == 1 { return Array(repeating: column[0], count: n) }
            throw WeatherError(code: .wrongFieldCount, line: 0,
                               message: "column \(name) has \(column.count) values for \(n) rows")
        }
        let columns = (try expand(temperature, "temperature"), try expand(relativeHumidity, "relative humidity"),
                       try expand(globalRadiation, "global radiation"), try expand(co2, "co2"),
                       try expand(windSpeed, "wind speed"))
        for i in 0..<n {
            guard hours[i].isFinite else {
                throw WeatherError(code: .notNumeric, line: 0, message: "row \(i + 1): time \(hours[i]) is not finite")
            }
            if i > 0, !(hours[i] > hours[i - 1]) {
                throw WeatherError(code: .nonMonotonicTime, line: 0,
                                   message: "row \(i + 1): time \(hours[i]) h is not after \(hours[i - 1]) h")
            }
            try Self.checkRange(columns.0[i], "temperature", "°C", -90...70, row: i)
            try Self.checkRange(columns.1[i], "relative humidity", "%", 0...100, row: i)
            try Self.checkRange(columns.2[i], "global radiation", "W/m²", 0...2000, row: i)
            try Self.checkRange(columns.3[i], "co2", "ppm", 0...1e5, row: i)
            try Self.checkRange(columns.4[i], "wind speed", "m/s", 0...100, row: i)
        }
        let span = hours[n - 1] - hours[0]
        let period = periodHours ?? (span + hours[n - 1] - hours[n - 2])
        guard period.isFinite, period > span else {
            throw WeatherError(code: .outOfRange, line: 0,
                               message: "period \(period) h must exceed the span of the rows, \(span) h")
        }
        guard offsetHours.isFinite else {
            throw WeatherError(code: .notNumeric, line: 0, message: "offset \(offsetHours) h is not finite")
        }
        self.hours = hours
        (self.temperature, self.relativeHumidity, self.globalRadiation, self.co2, self.windSpeed) = columns
        self.periodHours = period
        self.offsetHours = offsetHours
        let step = hours[1] - hours[0]
        var uniform = true
        for i in 1..<n where abs(hours[i] - hours[i - 1] - step) > 1e-9 { uniform = false; break }
        uniformStep = uniform ? step : nil
    }

    private static func checkRange(_ value: Double, _ name: String, _ unit: String, _ range: ClosedRange<Double>,
                                   row: Int) throws(WeatherError) {
        guard value.isFinite, range.contains(value) else {
            throw WeatherError(code: .outOfRange, line: 0,
                               message: "row \(row + 1): \(name) \(value) \(unit) is outside [\(range.lowerBound), \(range.upperBound)]")
        }
    }

    /// Loads a CSV file's text (format in `WeatherFileParser.parseCSV`).
    public init(csv text: String, periodHours: Double? = nil, offsetHours: Double = 0) throws(WeatherError) {
        let t = try WeatherFileParser.parseCSV(text)
        try self.init(hours: t.hours, temperature: t.temperature, relativeHumidity: t.relativeHumidity,
                      globalRadiation: t.globalRadiation, co2: t.co2, windSpeed: t.windSpeed,
                      periodHours: periodHours, offsetHours: offsetHours)
    }

    /// Loads an EnergyPlus weather (EPW) file's text (format in `WeatherFileParser.parseEPW`).
    ///
    /// - Parameters:
    ///   - co2: ambient CO₂, ppm, which EPW files do not carry.
    ///   - offsetHours: file time at simulation hour 0, h since 1 January 00:00.
    public init(epw text: String, co2: Double = 420, offsetHours: Double = 0) throws(WeatherError) {
        let t = try WeatherFileParser.parseEPW(text)
        // EPW stamps are hour-ending (1…8760 for a year), so one year is 8760 h long.
        try self.init(hours: t.hours, temperature: t.temperature, relativeHumidity: t.relativeHumidity,
                      globalRadiation: t.globalRadiation, co2: [co2], windSpeed: t.windSpeed,
                      periodHours: nil, offsetHours: offsetHours)
    }

    /// Interpolated weather at simulation time t; O(1) for uniform rows, O(log n) otherwise.
    public func sample(atHours t: Double) -> WeatherSample {
        let n = hours.count
        let first = hours[0]
        var tau = (t + offsetHours - first).truncatingRemainder(dividingBy: periodHours)
        if tau < 0 { tau += periodHours }
        // tau is now time since the first row, in [0, period).
        var i: Int
        if let step = uniformStep {
            i = min(n - 1, Int(tau / step))
            if i < n - 1, hours[i + 1] - first <= tau { i += 1 }
            if hours[i] - first > tau { i -= 1 }
        } else {
            var lo = 0, hi = n - 1
            if hours[hi] - first <= tau {
                lo = hi
            } else {
                while hi - lo > 1 {
                    let mid = (lo + hi) >> 1
                    if hours[mid] - first <= tau { lo = mid } else { hi = mid }
                }
            }
            i = lo
        }
        let j = i + 1 < n ? i + 1 : 0
        let t0 = hours[i] - first
        let t1 = i + 1 < n ? hours[i + 1] - first : periodHours
        let w = (tau - t0) / (t1 - t0)
        @inline(__always) func lerp(_ c: [Double]) -> Double { c[i] + w * (c[j] - c[i]) }
        return WeatherSample(temperature: lerp(temperature), relativeHumidity: lerp(relativeHumidity),
                             globalRadiation: lerp(globalRadiation), co2: lerp(co2), windSpeed: lerp(windSpeed))
    }
}
