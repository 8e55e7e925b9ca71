/// Reads weather files into columns, reporting the exact line of any problem.
///
/// **CSV format.** Optional comment lines starting with `#` and blank lines are skipped. The
/// first other line is a header of comma-separated column names, in any order:
///
/// | column | unit | required |
/// |---|---|---|
/// | `hour` | h, file time of the row, strictly increasing | yes |
/// | `temperature_c` | °C | yes |
/// | `relative_humidity_pct` | %, 0–100 | yes |
/// | `global_radiation_w_m2` | W m⁻², global horizontal | yes |
/// | `co2_ppm` | ppm | no (420) |
/// | `wind_m_s` | m s⁻¹ | no (0) |
///
/// Any other column name is an error, so a misspelt optional column never silently becomes
/// its default. Every data line has exactly as many fields as the header.
///
/// **EPW format** (EnergyPlus weather, ASHRAE/DOE). Lines 1–8 are the header and are skipped.
/// Each data line has at least 22 comma-separated fields; the fields used, by 1-based EPW
/// field number, are 2 month, 3 day, 4 hour (1–24, hour ending), 7 dry-bulb °C,
/// 9 relative humidity %, 14 global horizontal radiation Wh m⁻² over the preceding hour
/// (= mean W m⁻² for hourly data), 22 wind speed m s⁻¹. The row time is
/// (day of year − 1)·24 + hour on a non-leap calendar, so radiation, an hourly mean, is stamped
/// at the end of its hour (a known half-hour lag of the linear interpolation). EPW missing-value
/// codes (99.9 °C, 999 %, 9999 Wh m⁻², 999 m s⁻¹) are rejected as out of range; relative
/// humidity up to 110 % (allowed by the EPW spec) is clamped to 100 %.
enum WeatherFileParser {
    /// Parsed columns before validation by `WeatherSeries.init`.
    struct Table {
        var hours: [Double] = []
        var temperature: [Double] = []
        var relativeHumidity: [Double] = []
        var globalRadiation: [Double] = []
        var co2: [Double] = []
        var windSpeed: [Double] = []

        mutating func append(_ v: (Double, Double, Double, Double, Double, Double)) {
            hours.append(v.0); temperature.append(v.1); relativeHumidity.append(v.2)
            globalRadiation.append(v.3); co2.append(v.4); windSpeed.append(v.5)
        }
    }

    static let csvColumns = ["hour", "temperature_c", "relative_humidity_pct", "global_radiation_w_m2",
                             "co2_ppm", "wind_m_s"]
    static let requiredCSVColumns = 4

    /// Splits text into lines with their 1-based numbers, dropping trailing carriage returns.
    static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var out: [(Int, Substring)] = []
        var n = 0
        // "\r\n" is one Character in Swift, so both line endings are matched explicitly.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            n += 1
            out.append((n, raw.hasSuffix("\r") ? raw.dropLast() : raw))
        }
        return out
    }

    static func fields(_ line: Substring) -> [Substring] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { field in
            var f = field[...]
            while let c = f.first, c == " " || c == "\t" { f = f.dropFirst() }
            while let c = f.last, c == " " || c == "\t" { f = f.dropLast() }
            return f
        }
    }

    static func parseNumber(_ field: Substring, _ column: String, line: Int) throws(WeatherError) -> Double {
        guard let v = Double(field), v.isFinite else {
            throw WeatherError(code: .notNumeric, line: line, message: "\(column): '\(field)' is not a number")
        }
        return v
    }

    static func checkMonotonic(_ hours: [Double], _ t: Double, line: Int) throws(WeatherError) {
        if let last = hours.last, !(t > last) {
            throw WeatherError(code: .nonMonotonicTime, line: line, message: "time \(t) h is not after the previous row's \(last) h")
        }
    }

    static func inRange(_ v: Double, _ column: String, _ range: ClosedRange<Double>, line: Int) throws(WeatherError) -> Double {
        guard range.contains(v) else {
            throw WeatherError(code: .outOfRange, line: line,
                               message: "\(column) = \(v) is outside [\(range.lowerBound), \(range.upperBound)]")
        }
        return v
    }

    /// Parses the CSV format documented on the type.
    static func parseCSV(_ text: String) throws(WeatherError) -> Table {
        var columnIndex: [Int?] = Array(repeating: nil, count: csvColumns.count)
        var headerWidth = 0
        var table = Table()
        for (lineNumber, line) in lines(text) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let f = fields(line)
            if headerWidth == 0 {
                for (k, name) in f.enumerated() {
                    guard let c = csvColumns.firstIndex(where: { $0 == name.lowercased() }) else {
                        throw WeatherError(code: .unknownColumn, line: lineNumber,
                                           message: "unknown column '\(name)'; expected \(csvColumns.joined(separator: ", "))")
                    }
                    guard columnIndex[c] == nil else {
                        throw WeatherError(code: .duplicateColumn, line: lineNumber, message: "column '\(name)' appears twice")
                    }
                    columnIndex[c] = k
                }
                for c in 0..<requiredCSVColumns where columnIndex[c] == nil {
                    throw WeatherError(code: .missingColumn, line: lineNumber, message: "required column '\(csvColumns[c])' is missing")
                }
                headerWidth = f.count
                continue
            }
            guard f.count == headerWidth else {
                throw WeatherError(code: .wrongFieldCount, line: lineNumber,
                                   message: "\(f.count) fields, the header has \(headerWidth)")
            }
            func value(_ c: Int, default d: Double) throws(WeatherError) -> Double {
                guard let k = columnIndex[c] else { return d }
                return try parseNumber(f[k], csvColumns[c], line: lineNumber)
            }
            let t = try value(0, default: 0)
            try checkMonotonic(table.hours, t, line: lineNumber)
            table.append((t,
                          try inRange(try value(1, default: 0), csvColumns[1], -90...70, line: lineNumber),
                          try inRange(try value(2, default: 0), csvColumns[2], 0...100, line: lineNumber),
                          try inRange(try value(3, default: 0), csvColumns[3], 0...2000, line: lineNumber),
                          try inRange(try value(4, default: 420), csvColumns[4], 0...1e5, line: lineNumber),
                          try inRange(try value(5, default: 0), csvColumns[5], 0...100, line: lineNumber)))
        }
        guard headerWidth > 0 else { throw WeatherError(code: .empty, line: 0, message: "the CSV file has no header line") }
        guard table.hours.count >= 2 else {
            throw WeatherError(code: .tooFewRows, line: 0, message: "the CSV file has \(table.hours.count) data rows, at least 2 are needed")
        }
        return table
    }

    /// Cumulative days before each month of a non-leap year.
    static let daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// Parses the EPW format documented on the type.
    static func parseEPW(_ text: String) throws(WeatherError) -> Table {
        var table = Table()
        for (lineNumber, line) in lines(text) where lineNumber > 8 {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let f = fields(line)
            guard f.count >= 22 else {
                throw WeatherError(code: .wrongFieldCount, line: lineNumber, message: "\(f.count) fields, an EPW data line has at least 22")
            }
            // 1-based EPW field k is f[k - 1].
            let month = Int(try inRange(try parseNumber(f[1], "month (field 2)", line: lineNumber), "month (field 2)", 1...12, line: lineNumber))
            let day = try parseNumber(f[2], "day (field 3)", line: lineNumber)
            guard day >= 1, Int(day) <= daysInMonth[month - 1], day == day.rounded() else {
                throw WeatherError(code: .outOfRange, line: lineNumber,
                                   message: "day (field 3) = \(day) is not a day of month \(month) of a non-leap year")
            }
            let hour = try inRange(try parseNumber(f[3], "hour (field 4)", line: lineNumber), "hour (field 4)", 1...24, line: lineNumber)
            let t = Double((daysBeforeMonth[month - 1] + Int(day) - 1) * 24) + hour
            try checkMonotonic(table.hours, t, line: lineNumber)
            let dryBulb = try inRange(try parseNumber(f[6], "dry-bulb temperature (field 7)", line: lineNumber),
                                      "dry-bulb temperature (field 7)", -70...70, line: lineNumber)
            let rh = try inRange(try parseNumber(f[8], "relative humidity (field 9)", line: lineNumber),
                                 "relative humidity (field 9)", 0...110, line: lineNumber)
            let ghr = try inRange(try parseNumber(f[13], "global horizontal radiation (field 14)", line: lineNumber),
                                  "global horizontal radiation (field 14)", 0...2000, line: lineNumber)
            let wind = try inRange(try parseNumber(f[21], "wind speed (field 22)", line: lineNumber),
                                   "wind speed (field 22)", 0...40, line: lineNumber)
            table.append((t, dryBulb, min(rh, 100), ghr, 420, wind))
        }
        guard table.hours.count >= 2 else {
            throw WeatherError(code: .tooFewRows, line: 0, message: "the EPW file has \(table.hours.count) data rows, at least 2 are needed")
        }
        return table
    }
}
