import SimKernel
import Testing
import TwinModels

@Suite("Synthetic weather and solar geometry")
struct SyntheticWeatherTests {
    static func amsterdam(seed: UInt64, start: Int = 1) throws -> SyntheticWeather {
        try SyntheticWeather(latitude: 52.3, annualMeanTemperature: 10.5, seasonalAmplitude: 7,
                             dailyAmplitude: 4, startDayOfYear: start, seed: seed)
    }

    @Test("FAO-56 Example 8: 20° S on 3 September, R_a = 32.2 MJ m⁻² d⁻¹")
    func faoExample8() {
        let j = 246.0
        #expect(abs(SolarGeometry.inverseRelativeDistance(dayOfYear: j) - 0.985) < 0.0005)
        #expect(abs(SolarGeometry.declination(dayOfYear: j) - 0.120) < 0.0005)
        #expect(abs(SolarGeometry.dailyExtraterrestrialRadiation(latitude: -20, dayOfYear: j) - 32.2) < 0.05)
        // Integrating the instantaneous irradiance over the day gives the daily value.
        var sum = 0.0
        for m in 0..<1440 {
            sum += SolarGeometry.extraterrestrialIrradiance(latitude: -20, dayOfYear: j, solarHour: (Double(m) + 0.5) / 60) * 60
        }
        #expect(abs(sum / 1e6 - SolarGeometry.dailyExtraterrestrialRadiation(latitude: -20, dayOfYear: j)) < 0.01)
    }

    @Test("same seed gives the same weather, another seed different weather")
    func determinism() throws {
        let a = try Self.amsterdam(seed: 42), b = try Self.amsterdam(seed: 42), c = try Self.amsterdam(seed: 43)
        var differs = false
        for h in stride(from: 0.0, to: 24 * 60, by: 7.3) {
            #expect(a.sample(atHours: h) == b.sample(atHours: h))
            if a.sample(atHours: h) != c.sample(atHours: h) { differs = true }
        }
        #expect(differs)
        // A stream from RandomStreams works the same way.
        let streams = RandomStreams(masterSeed: 7)
        let d = try SyntheticWeather(latitude: 40, annualMeanTemperature: 12, seasonalAmplitude: 10, dailyAmplitude: 6,
                                     stream: streams.stream("weather"))
        let e = try SyntheticWeather(latitude: 40, annualMeanTemperature: 12, seasonalAmplitude: 10, dailyAmplitude: 6,
                                     stream: RandomStreams(masterSeed: 7).stream("weather"))
        #expect(d == e)
    }

    @Test("annual mean within 0.5 °C, summer warmer than winter, north and south", arguments: [1 as UInt64, 2, 3, 99])
    func climatology(seed: UInt64) throws {
        let w = try Self.amsterdam(seed: seed)
        var sum = 0.0, july = 0.0, january = 0.0
        for h in 0..<8760 {
            let t = Double(h) + 0.5
            let s = w.sample(atHours: t)
            sum += s.temperature
            if h < 31 * 24 { january += s.temperature }
            if h >= 181 * 24 && h < 212 * 24 { july += s.temperature }
            #expect(s.relativeHumidity >= 5 && s.relativeHumidity <= 100)
            #expect(s.windSpeed >= 0 && s.co2 == 420)
        }
        #expect(abs(sum / 8760 - 10.5) < 0.5)
        #expect(july / (31 * 24) > january / (31 * 24) + 8)
        let south = try SyntheticWeather(latitude: -34, annualMeanTemperature: 17, seasonalAmplitude: 5,
                                         dailyAmplitude: 5, seed: seed)
        var sJan = 0.0, sJul = 0.0
        for h in 0..<(31 * 24) {
            sJan += south.sample(atHours: Double(h)).temperature
            sJul += south.sample(atHours: Double(181 * 24 + h)).temperature
        }
        #expect(sJan > sJul)
    }

    @Test("radiation is zero at night, positive at noon, larger in summer; RH lowest in the afternoon")
    func dailyCycle() throws {
        let w = try Self.amsterdam(seed: 5, start: 1)
        for day in [0, 100, 172, 300] {
            let base = Double(day) * 24
            #expect(w.sample(atHours: base + 0).globalRadiation == 0)
            #expect(w.sample(atHours: base + 2).globalRadiation == 0)
            #expect(w.sample(atHours: base + 23).globalRadiation == 0)
            #expect(w.sample(atHours: base + 12).globalRadiation > 0)
            #expect(w.sample(atHours: base + 15).relativeHumidity < w.sample(atHours: base + 3).relativeHumidity)
        }
        // Noon clear-sky envelope: June far above December at 52° N.
        var june = 0.0, december = 0.0
        for d in 0..<10 {
            june += w.sample(atHours: Double(165 + d) * 24 + 12).globalRadiation / (0.25 + 0.5 * w.sunshineFraction(day: 165 + d))
            december += w.sample(atHours: Double(350 + d) * 24 + 12).globalRadiation / (0.25 + 0.5 * w.sunshineFraction(day: 350 + d))
        }
        #expect(june > 3 * december)
        // Never above the clear-sky value.
        for h in stride(from: 0.0, to: 8760, by: 0.75) {
            let s = w.sample(atHours: h)
            let day = Int(h / 24)
            let clear = 0.75 * SolarGeometry.extraterrestrialIrradiance(latitude: 52.3, dayOfYear: Double(day % 365 + 1),
                                                                        solarHour: h - Double(day) * 24)
            #expect(s.globalRadiation <= clear + 1e-9)
        }
    }

    @Test("temperature is continuous across midnight")
    func continuity() throws {
        let w = try Self.amsterdam(seed: 11)
        for day in 1..<60 {
            let t = Double(day) * 24
            #expect(abs(w.sample(atHours: t - 1e-6).temperature - w.sample(atHours: t + 1e-6).temperature) < 1e-3)
        }
        #expect(throws: ModelInputError.self) {
            try SyntheticWeather(latitude: 80, annualMeanTemperature: 10, seasonalAmplitude: 5, dailyAmplitude: 5, seed: 1)
        }
    }
}
