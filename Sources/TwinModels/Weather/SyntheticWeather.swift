import Foundation
import SimKernel

/// Seeded synthetic outdoor weather: seasonal and daily cycles, clear-sky sun and random weather days.
///
/// - Temperature: T = T_mean − A_s·cos(2π(d − d_min)/365) + A_d·cos(2π(h − 15)/24) + a(t), with
///   the coldest day d_min = 20 (day of year) north of the equator and half a year later south
///   of it, the daily maximum at 15:00 solar time, and a(t) a day-to-day anomaly: an AR(1)
///   sequence (lag-one correlation 0.7, standard deviation `anomalyStandardDeviation`) drawn
///   per day, centred so that every 365-day block averages zero, and interpolated linearly
///   between day centres so temperature has no jumps.
/// - Global radiation: clear-sky R_so = 0.75·G_sc·d_r·sin β (FAO-56 eqs. 23, 24, 37; see
///   `SolarGeometry`), times the Ångström factor (a_s + b_s·n/N)/0.75 with a_s = 0.25,
///   b_s = 0.50 (FAO-56 eq. 35) and a seeded relative sunshine duration n/N per day.
/// - Relative humidity: `meanRelativeHumidity` − A_RH·cos(2π(h − 15)/24) − 1.5 %·K⁻¹·a(t),
///   clamped to 5–100 %: lowest in the warm afternoon.
/// - Wind: mean wind times a seeded log-normal day factor (σ = 0.3), interpolated like a(t).
/// - CO₂: constant, 420 ppm by default.
///
/// Clock: simulation hour 0 is midnight (local solar time) of day `startDayOfYear`; years are
/// 365 days. All random values are drawn once at `init` (`days` of them, repeating after that),
/// so `sample(atHours:)` is a pure, allocation-free function of t and the same seed gives the
/// same weather.
public struct SyntheticWeather: WeatherSource, Sendable, Hashable {
    /// Site latitude, degrees, −66–66 (north positive; polar days are not modelled).
    public let latitude: Double
    /// Annual mean air temperature, °C, −30–35.
    public let annualMeanTemperature: Double
    /// Seasonal amplitude (half the summer–winter difference of monthly means), K, 0–30.
    public let seasonalAmplitude: Double
    /// Daily amplitude (half the day–night difference), K, 0–15.
    public let dailyAmplitude: Double
    /// Day of year at simulation hour 0, 1–365.
    public let startDayOfYear: Int
    /// Mean relative humidity, %, 10–100.
    public let meanRelativeHumidity: Double
    /// Daily relative-humidity amplitude, %, 0–40.
    public let dailyRelativeHumidityAmplitude: Double
    /// Standard deviation of the day-to-day temperature anomaly, K, 0–10.
    public let anomalyStandardDeviation: Double
    /// Mean wind speed, m s⁻¹, 0–30.
    public let meanWindSpeed: Double
    /// Ambient CO₂, ppm, 300–1000.
    public let co2: Double

    private let anomaly: [Double]
    private let sunshine: [Double]
    private let windFactor: [Double]

    /// Creates a generator and draws its day values.
    ///
    /// - Parameters: see the properties; `stream` supplies every random number
    ///   (take it from `RandomStreams` by a stable name such as `"weather"`), and `days`
    ///   (1–36 600, default ten years) is how many distinct days are drawn before repeating.
    public init(latitude: Double, annualMeanTemperature: Double, seasonalAmplitude: Double,
                dailyAmplitude: Double, startDayOfYear: Int = 1, meanRelativeHumidity: Double = 70,
                dailyRelativeHumidityAmplitude: Double = 15, anomalyStandardDeviation: Double = 2,
                meanWindSpeed: Double = 3, co2: Double = 420, stream: RandomStream, days: Int = 3650)
        throws(ModelInputError) {
        self.latitude = try ModelInputError.check(latitude, "latitude", unit: "°", in: -66...66)
        self.annualMeanTemperature = try ModelInputError.check(annualMeanTemperature, "annual mean temperature",
                                                               unit: "°C", in: -30...35)
        self.seasonalAmplitude = try ModelInputError.check(seasonalAmplitude, "seasonal amplitude", unit: "K", in: 0...30)
        self.dailyAmplitude = try ModelInputError.check(dailyAmplitude, "daily amplitude", unit: "K", in: 0...15)
        self.startDayOfYear = Int(try ModelInputError.check(Double(startDayOfYear), "start day of year", unit: "d", in: 1...365))
        self.meanRelativeHumidity = try ModelInputError.check(meanRelativeHumidity, "mean relative humidity", unit: "%", in: 10...100)
        self.dailyRelativeHumidityAmplitude = try ModelInputError.check(dailyRelativeHumidityAmplitude,
                                                                        "daily relative humidity amplitude", unit: "%", in: 0...40)
        self.anomalyStandardDeviation = try ModelInputError.check(anomalyStandardDeviation, "temperature anomaly deviation",
                                                                  unit: "K", in: 0...10)
        self.meanWindSpeed = try ModelInputError.check(meanWindSpeed, "mean wind speed", unit: "m/s", in: 0...30)
        self.co2 = try ModelInputError.check(co2, "ambient CO2", unit: "ppm", in: 300...1000)
        let n = Int(try ModelInputError.check(Double(days), "synthetic weather days", unit: "d", in: 1...36_600))

        var rng = stream
        var normal = StandardNormal()
        var a = [Double](repeating: 0, count: n)
        var s = [Double](repeating: 0, count: n)
        var w = [Double](repeating: 0, count: n)
        let phi = 0.7, sunPhi = 0.5
        var prevA = normal.next(&rng), prevS = normal.next(&rng)
        for k in 0..<n {
            prevA = phi * prevA + (1 - phi * phi).squareRoot() * normal.next(&rng)
            prevS = sunPhi * prevS + (1 - sunPhi * sunPhi).squareRoot() * normal.next(&rng)
            a[k] = anomalyStandardDeviation * prevA
            // Logistic of a latent normal: mostly partly cloudy days, some clear, some overcast.
            s[k] = 1 / (1 + exp(-(0.3 + 1.5 * prevS)))
            w[k] = exp(0.3 * normal.next(&rng) - 0.045)
        }
        // Centre every 365-day block so the anomaly does not shift the annual mean.
        var start = 0
        while start < n {
            let end = min(n, start + 365)
            var sum = 0.0
            for k in start..<end { sum += a[k] }
            let mean = sum / Double(end - start)
            for k in start..<end { a[k] -= mean }
            start = end
        }
        anomaly = a
        sunshine = s
        windFactor = w
    }

    /// Convenience: a generator seeded directly (stream `RandomStream(seed:)`).
    public init(latitude: Double, annualMeanTemperature: Double, seasonalAmplitude: Double,
                dailyAmplitude: Double, startDayOfYear: Int = 1, seed: UInt64) throws(ModelInputError) {
        try self.init(latitude: latitude, annualMeanTemperature: annualMeanTemperature,
                      seasonalAmplitude: seasonalAmplitude, dailyAmplitude: dailyAmplitude,
                      startDayOfYear: startDayOfYear, stream: RandomStream(seed: seed))
    }

    /// Value of a per-day series at time t, interpolated between day centres, wrapping at the end.
    @inline(__always)
    private func interpolated(_ values: [Double], atHours t: Double) -> Double {
        let n = values.count
        let x = t / 24 - 0.5
        let k = x.rounded(.down)
        let frac = x - k
        var i = Int(k) % n
        if i < 0 { i += n }
        let j = i + 1 == n ? 0 : i + 1
        return values[i] + frac * (values[j] - values[i])
    }

    public func sample(atHours t: Double) -> WeatherSample {
        let dayIndex = (t / 24).rounded(.down)
        let hourOfDay = t - 24 * dayIndex
        let yearDay = (Double(startDayOfYear - 1) + t / 24).truncatingRemainder(dividingBy: 365)
        let coldestDay = latitude >= 0 ? 20.0 : 202.5
        let daily = cos(2 * Double.pi * (hourOfDay - 15) / 24)
        let a = interpolated(anomaly, atHours: t)
        let temperature = annualMeanTemperature
            - seasonalAmplitude * cos(2 * Double.pi * (yearDay - coldestDay) / 365)
            + dailyAmplitude * daily + a
        let rh = min(100, max(5, meanRelativeHumidity - dailyRelativeHumidityAmplitude * daily - 1.5 * a))

        let j = (yearDay.rounded(.down)) + 1
        let clearSky = SolarGeometry.clearSkyFraction(elevation: 0)
            * SolarGeometry.extraterrestrialIrradiance(latitude: latitude, dayOfYear: j, solarHour: hourOfDay)
        var d = Int(dayIndex) % sunshine.count
        if d < 0 { d += sunshine.count }
        let radiation = clearSky * (0.25 + 0.5 * sunshine[d]) / 0.75
        return WeatherSample(temperature: temperature, relativeHumidity: rh, globalRadiation: radiation,
                             co2: co2, windSpeed: meanWindSpeed * interpolated(windFactor, atHours: t))
    }

    /// Relative sunshine duration n/N drawn for day k of the run (0-based), 0–1.
    public func sunshineFraction(day k: Int) -> Double {
        var d = k % sunshine.count
        if d < 0 { d += sunshine.count }
        return sunshine[d]
    }
}

/// Standard normal variates by the Box–Muller transform, caching the second of each pair.
private struct StandardNormal {
    var spare: Double?

    mutating func next(_ rng: inout RandomStream) -> Double {
        if let z = spare {
            spare = nil
            return z
        }
        let u1 = rng.uniformOpen(), u2 = rng.uniform()
        let r = (-2 * log(u1)).squareRoot()
        spare = r * sin(2 * Double.pi * u2)
        return r * cos(2 * Double.pi * u2)
    }
}
