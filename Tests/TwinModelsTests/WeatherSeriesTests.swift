import Testing
import TwinModels

@Suite("Weather series from CSV and EPW")
struct WeatherSeriesTests {
    static let csv = """
    # hourly test weather
    hour,temperature_c,relative_humidity_pct,global_radiation_w_m2,co2_ppm,wind_m_s
    0,10,80,0,410,2
    1,12,70,100,420,4
    2,16,60,300,430,6
    3,14,65,200,420,3

    """

    @Test("CSV values, linear interpolation and periodic wrap")
    func csvInterpolation() throws {
        let w = try WeatherSeries(csv: Self.csv)
        #expect(w.hours == [0, 1, 2, 3])
        #expect(w.periodHours == 4)
        let s = w.sample(atHours: 1.5)
        #expect(abs(s.temperature - 14) < 1e-12)
        #expect(abs(s.relativeHumidity - 65) < 1e-12)
        #expect(abs(s.globalRadiation - 200) < 1e-12)
        #expect(abs(s.co2 - 425) < 1e-12)
        #expect(abs(s.windSpeed - 5) < 1e-12)
        #expect(w.sample(atHours: 2) == WeatherSample(temperature: 16, relativeHumidity: 60, globalRadiation: 300, co2: 430, windSpeed: 6))
        // Between the last row (t = 3) and the first row repeated at t = 4.
        #expect(abs(w.sample(atHours: 3.5).temperature - 12) < 1e-12)
        // Periodic: 10 periods later gives the same values.
        for t in [0.0, 0.25, 1.5, 3.75] {
            #expect(abs(w.sample(atHours: t + 40).temperature - w.sample(atHours: t).temperature) < 1e-9)
        }
        // An offset shifts which file time hour 0 reads.
        var shifted = w
        shifted.offsetHours = 2
        #expect(shifted.sample(atHours: 0).temperature == 16)
    }

    @Test("CSV round trip: writing the rows back and reading them gives the same series")
    func roundTrip() throws {
        let w = try WeatherSeries(csv: Self.csv)
        var text = "wind_m_s,hour,global_radiation_w_m2,temperature_c,relative_humidity_pct,co2_ppm\r\n"
        for i in w.hours.indices {
            text += "\(w.windSpeed[i]),\(w.hours[i]),\(w.globalRadiation[i]),\(w.temperature[i]),\(w.relativeHumidity[i]),\(w.co2[i])\r\n"
        }
        let back = try WeatherSeries(csv: text)
        #expect(back == w)
    }

    @Test("optional CO₂ and wind columns default to 420 ppm and calm; irregular rows use binary search")
    func defaultsAndIrregular() throws {
        let w = try WeatherSeries(csv: "hour,temperature_c,relative_humidity_pct,global_radiation_w_m2\n0,5,90,0\n0.5,6,90,10\n2,9,80,40\n")
        #expect(w.co2 == [420, 420, 420] && w.windSpeed == [0, 0, 0])
        #expect(w.periodHours == 3.5)
        #expect(abs(w.sample(atHours: 1.25).temperature - 7.5) < 1e-12)
        #expect(abs(w.sample(atHours: 2.75).temperature - 7) < 1e-12)
        #expect(abs(w.sample(atHours: 3.5 * 100 + 0.25).temperature - 5.5) < 1e-9)
    }

    static let epwHeader = """
    LOCATION,Test,NA,XXX,TMY,000000,52.30,4.77,1.0,-2.0
    DESIGN CONDITIONS,0
    TYPICAL/EXTREME PERIODS,0
    GROUND TEMPERATURES,0
    HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0
    COMMENTS 1,tiny sample
    COMMENTS 2,
    DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31

    """

    /// An EPW data line; the fields used are 2–4 (date, hour), 7 (dry bulb), 9 (RH), 14 (GHR), 22 (wind).
    static func epwLine(month: Int, day: Int, hour: Int, dryBulb: Double, rh: Double, ghr: Double, wind: Double) -> String {
        var f = ["1999", "\(month)", "\(day)", "\(hour)", "60", "?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9",
                 "\(dryBulb)", "-1.0", "\(rh)", "101300", "0", "250", "300", "\(ghr)", "0", "0", "0", "0", "0", "0", "270", "\(wind)"]
        f += ["8", "8", "9999", "99999", "9", "999999999", "0", "0.0", "0", "88", "0.000", "0.0", "0.0"]
        return f.joined(separator: ",")
    }

    @Test("EPW: header skipped, 1-based fields 7/9/14/22 read, hour-ending stamps")
    func epw() throws {
        let text = Self.epwHeader + [
            Self.epwLine(month: 1, day: 1, hour: 1, dryBulb: 2.5, rh: 88, ghr: 0, wind: 4.1),
            Self.epwLine(month: 1, day: 1, hour: 2, dryBulb: 3.5, rh: 84, ghr: 120, wind: 5.1),
            Self.epwLine(month: 1, day: 1, hour: 3, dryBulb: 4.5, rh: 104, ghr: 240, wind: 6.1),
        ].joined(separator: "\n") + "\n"
        let w = try WeatherSeries(epw: text)
        #expect(w.hours == [1, 2, 3])
        #expect(w.temperature == [2.5, 3.5, 4.5])
        #expect(w.relativeHumidity == [88, 84, 100])  // 104 % is clamped
        #expect(w.globalRadiation == [0, 120, 240])
        #expect(w.windSpeed == [4.1, 5.1, 6.1])
        #expect(w.co2 == [420, 420, 420])
        let s = w.sample(atHours: 1.5)
        #expect(abs(s.temperature - 3.0) < 1e-12 && abs(s.globalRadiation - 60) < 1e-12)

        // A later day lands at (day of year − 1)·24 + hour: 1 March hour 5 → 59·24 + 5.
        let march = Self.epwHeader + Self.epwLine(month: 2, day: 28, hour: 24, dryBulb: 1, rh: 50, ghr: 0, wind: 1) + "\n"
            + Self.epwLine(month: 3, day: 1, hour: 5, dryBulb: 2, rh: 50, ghr: 0, wind: 1)
        #expect(try WeatherSeries(epw: march).hours == [59 * 24, 59 * 24 + 5])
    }

    @Test("errors name the line and the problem")
    func errors() {
        func failure(_ text: String) -> WeatherError? {
            do { _ = try WeatherSeries(csv: text); return nil } catch { return error }
        }
        let header = "hour,temperature_c,relative_humidity_pct,global_radiation_w_m2\n"
        var e = failure("hour,temperature_c,relative_humidity_pct\n0,1,2\n1,2,3\n")
        #expect(e?.code == .missingColumn && e?.line == 1 && e?.message.contains("global_radiation_w_m2") == true)
        e = failure("# c\nhour,temperature_c,relative_humidity_pct,global_radiation_w_m2,wind_ms\n")
        #expect(e?.code == .unknownColumn && e?.line == 2 && e?.message.contains("wind_ms") == true)
        e = failure("hour,hour,temperature_c\n")
        #expect(e?.code == .duplicateColumn && e?.line == 1)
        e = failure(header + "0,1,50,0\n1,x,50,0\n")
        #expect(e?.code == .notNumeric && e?.line == 3 && e?.message.contains("temperature_c") == true)
        e = failure(header + "0,1,50,0\n2,1,50,0\n1,1,50,0\n")
        #expect(e?.code == .nonMonotonicTime && e?.line == 4)
        e = failure(header + "0,1,50,0\n1,1,50\n")
        #expect(e?.code == .wrongFieldCount && e?.line == 3)
        e = failure(header + "0,1,50,0\n1,1,150,0\n")
        #expect(e?.code == .outOfRange && e?.line == 3)
        e = failure(header + "0,1,50,0\n")
        #expect(e?.code == .tooFewRows)
        e = failure("\n# nothing\n")
        #expect(e?.code == .empty)

        let badEPW = Self.epwHeader + Self.epwLine(month: 1, day: 1, hour: 1, dryBulb: 99.9, rh: 50, ghr: 0, wind: 1)
            + "\n" + Self.epwLine(month: 1, day: 1, hour: 2, dryBulb: 1, rh: 50, ghr: 0, wind: 1)
        do {
            _ = try WeatherSeries(epw: badEPW)
            Issue.record("missing-value code 99.9 °C must be rejected")
        } catch {
            #expect(error.code == .outOfRange && error.line == 9 && error.message.contains("field 7"))
        }
        do {
            _ = try WeatherSeries(epw: Self.epwHeader + "1999,2,29,1,60,x,1,1,50\n")
            Issue.record("short EPW line must be rejected")
        } catch {
            #expect(error.code == .wrongFieldCount && error.line == 9)
        }
        do {
            _ = try WeatherSeries(epw: Self.epwHeader + Self.epwLine(month: 2, day: 29, hour: 1, dryBulb: 1, rh: 50, ghr: 0, wind: 1))
            Issue.record("29 February is not in a non-leap year")
        } catch {
            #expect(error.code == .outOfRange && error.line == 9)
        }
    }
}
