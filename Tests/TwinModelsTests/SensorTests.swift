import Foundation
import SimKernel
import Testing
@testable import TwinModels

/// The sensor error model: reproducibility, noise, bias, drift, quantisation, clamping and
/// sample-and-hold. Fault episodes are in `SensorFaultTests`.
@Suite("Sensor")
struct SensorTests {
    /// A smooth, non-trivial true signal: a daily sine around 1000 (ppm-like).
    static func truth(_ t: Double) -> Double { 1000 + 200 * sin(2 * .pi * t / 86_400) }

    static func readings(_ spec: SensorSpec, seed: UInt64, count: Int, period: Double = 60) throws -> [SensorReading] {
        var sensor = try Sensor(spec: spec, stream: RandomStream(seed: seed))
        var out: [SensorReading] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let t = Double(i) * period
            out.append(try sensor.read(trueValue: truth(t), atSeconds: t))
        }
        return out
    }

    @Test("same seed gives identical readings; another seed gives different ones")
    func reproducible() throws {
        var spec = SensorSpec.co2
        spec.dropoutProbability = 0.01
        spec.stuckRatePerDay = 1
        let a = try Self.readings(spec, seed: 42, count: 20_000)
        let b = try Self.readings(spec, seed: 42, count: 20_000)
        let c = try Self.readings(spec, seed: 43, count: 20_000)
        #expect(a == b)
        #expect(a != c)
        let differing = zip(a, c).filter { $0.value != $1.value }.count
        #expect(differing > 15_000)
    }

    @Test("the draw pattern is fixed: adding fault processes does not change the noise draws")
    func commonRandomNumbers() throws {
        let quiet = SensorSpec(quantity: "x", unit: "1", noiseSD: 2, samplingPeriodSeconds: 60)
        var faulty = quiet
        faulty.dropoutProbability = 0.05
        faulty.meanDropoutLength = 3
        let a = try Self.readings(quiet, seed: 7, count: 5000)
        let b = try Self.readings(faulty, seed: 7, count: 5000)
        var compared = 0
        for (x, y) in zip(a, b) where y.status == .ok {
            #expect(x.value == y.value)
            compared += 1
        }
        #expect(compared > 4000 && compared < 5000)
    }

    @Test("noise SD measured over 100 000 reads is within 2 % of the spec, mean unbiased")
    func noiseStandardDeviation() throws {
        let spec = SensorSpec(quantity: "air temperature", unit: "°C", noiseSD: 0.35)
        var sensor = try Sensor(spec: spec, stream: RandomStream(seed: 2024))
        var tally = (n: 0.0, sum: 0.0, sumSq: 0.0)
        for i in 0..<100_000 {
            let truth = 24 + Double(i % 7)
            let value = try #require(try sensor.read(trueValue: truth, atSeconds: Double(i)).value)
            let e = value - truth
            tally = (tally.n + 1, tally.sum + e, tally.sumSq + e * e)
        }
        let mean = tally.sum / tally.n
        let sd = ((tally.sumSq - tally.n * mean * mean) / (tally.n - 1)).squareRoot()
        #expect(abs(sd / 0.35 - 1) < 0.02)
        #expect(abs(mean) < 4 * 0.35 / tally.n.squareRoot())
    }

    @Test("proportional noise: SD = noiseSD + relativeNoiseSD·|x|")
    func proportionalNoise() throws {
        let spec = SensorSpec(quantity: "CO2", unit: "ppm", noiseSD: 10, relativeNoiseSD: 0.02)
        var sensor = try Sensor(spec: spec, stream: RandomStream(seed: 5))
        var sumSq = 0.0
        let n = 50_000
        for i in 0..<n {
            let e = try #require(try sensor.read(trueValue: 1500, atSeconds: Double(i)).value) - 1500
            sumSq += e * e
        }
        #expect(abs((sumSq / Double(n)).squareRoot() / 40 - 1) < 0.02)
    }

    @Test("bias shifts the mean; linear drift grows the mean error by driftPerDay per day")
    func biasAndDrift() throws {
        let spec = SensorSpec(quantity: "T", unit: "°C", noiseSD: 0.3, bias: 1.5, driftPerDay: 0.2, samplingPeriodSeconds: 60)
        var sensor = try Sensor(spec: spec, stream: RandomStream(seed: 11))
        var dayMeans = [Double](repeating: 0, count: 10)
        for day in 0..<10 {
            for minute in 0..<1440 {
                let t = Double(day * 1440 + minute) * 60
                let value = try #require(try sensor.read(trueValue: 20, atSeconds: t).value)
                dayMeans[day] += (value - 20) / 1440
            }
        }
        // Mean error over day k is bias + drift·(k + ½) (minus half a sample); SE 0.3/√1440 ≈ 0.008.
        #expect(abs(dayMeans[0] - (1.5 + 0.2 * 0.5)) < 0.04)
        #expect(abs(dayMeans[9] - (1.5 + 0.2 * 9.5)) < 0.04)
        #expect(abs(sensor.drift - 0.2 * (10 * 86_400 - 60) / 86_400) < 1e-9)
    }

    @Test("random-walk drift: SD across sensors after n days ≈ sdPerDay·√n")
    func randomWalkDrift() throws {
        let spec = SensorSpec(quantity: "RH", unit: "%", driftRandomWalkSDPerDay: 0.5, samplingPeriodSeconds: 3600)
        var sumSq = 0.0
        let sensors = 600
        for seed in 0..<sensors {
            var sensor = try Sensor(spec: spec, stream: RandomStream(seed: UInt64(seed)))
            // The first sample's step is one sampling period, so 16 days of hourly reads span 16 days.
            for hour in 0..<(16 * 24) {
                _ = try sensor.read(trueValue: 60, atSeconds: Double(hour) * 3600)
            }
            sumSq += sensor.drift * sensor.drift
        }
        let sd = (sumSq / Double(sensors)).squareRoot()
        // Expected 0.5·√16 = 2; the SE of an RMS over 600 normals is ≈ 2.9 %.
        #expect(abs(sd / 2 - 1) < 0.10)
    }

    @Test("resolution quantises every value onto its grid; the range clamps like a transmitter")
    func quantisationAndClamp() throws {
        let spec = SensorSpec(quantity: "T", unit: "°C", noiseSD: 0.2, resolution: 0.1, validRange: -40...125)
        var sensor = try Sensor(spec: spec, stream: RandomStream(seed: 3))
        var distinct = Set<Double>()
        for i in 0..<10_000 {
            let value = try #require(try sensor.read(trueValue: 22.03, atSeconds: Double(i)).value)
            let steps = value / 0.1
            #expect(abs(steps - steps.rounded()) < 1e-9)
            distinct.insert((steps).rounded())
        }
        // ±4σ = ±0.8 °C spans at most 17 grid points.
        #expect(distinct.count > 5 && distinct.count <= 19)
        #expect(try sensor.read(trueValue: 180, atSeconds: 20_000).value == 125)
        #expect(try sensor.read(trueValue: -90, atSeconds: 20_001).value == -40)
    }

    @Test("an ideal sensor returns the true value exactly, every read, without faults")
    func ideal() throws {
        var sensor = try Sensor(spec: .ideal, stream: RandomStream(seed: 9))
        var g = RandomStream(seed: 10)
        for i in 0..<10_000 {
            let truth = (g.uniform() - 0.5) * 1e4
            let reading = try sensor.read(trueValue: truth, atSeconds: Double(i) * 0.5)
            #expect(reading == SensorReading(value: truth, status: .ok))
        }
        #expect(sensor.faults.isEmpty)
        #expect(sensor.sampleCount == 10_000)
    }

    @Test("reads sooner than the sampling period return the held sample and draw nothing")
    func sampleAndHold() throws {
        let spec = SensorSpec(quantity: "T", unit: "°C", noiseSD: 1, samplingPeriodSeconds: 300)
        var sensor = try Sensor(spec: spec, stream: RandomStream(seed: 1))
        var values: [Double] = []
        for minute in 0..<60 {
            values.append(try #require(try sensor.read(trueValue: 20, atSeconds: Double(minute) * 60).value))
        }
        #expect(sensor.sampleCount == 12)
        for block in 0..<12 {
            let slice = values[(block * 5)..<(block * 5 + 5)]
            #expect(Set(slice).count == 1)
        }
        #expect(Set(values).count == 12)
        // The same twelve samples come out of a sensor that is read only on the grid.
        var gridOnly = try Sensor(spec: spec, stream: RandomStream(seed: 1))
        for block in 0..<12 {
            #expect(try gridOnly.read(trueValue: 20, atSeconds: Double(block) * 300).value == values[block * 5])
        }
    }

    @Test("invalid inputs and parameters throw ModelInputError")
    func invalidInputs() throws {
        var sensor = try Sensor(spec: .airTemperature, stream: RandomStream(seed: 1))
        #expect(throws: ModelInputError.self) { try sensor.read(trueValue: .nan, atSeconds: 0) }
        #expect(throws: ModelInputError.self) { try sensor.read(trueValue: 20, atSeconds: .infinity) }
        _ = try sensor.read(trueValue: 20, atSeconds: 600)
        #expect(throws: ModelInputError.self) { try sensor.read(trueValue: 20, atSeconds: 540) }
        var bad = SensorSpec.co2
        bad.noiseSD = -1
        #expect(throws: ModelInputError.self) { try Sensor(spec: bad, stream: RandomStream(seed: 1)) }
        bad = .co2
        bad.meanDropoutLength = 0.5
        #expect(throws: ModelInputError.self) { try bad.validate() }
        bad = .co2
        bad.dropoutProbability = 1.5
        #expect(throws: ModelInputError.self) { try bad.validate() }
        for preset in [SensorSpec.airTemperature, .relativeHumidity, .co2, .ppfd, .ideal] {
            try preset.validate()
        }
    }

    @Test("the fast normal quantile agrees with GSL's to 1.2e-9 relative across the unit interval")
    func fastNormalQuantile() {
        for u in [1e-12, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97575, 0.99, 0.999999] {
            let exact = Distribution.normal(mean: 0, sd: 1).quantile(u)
            let fast = Sensor.standardNormal(u)
            #expect(abs(fast - exact) <= 1.2e-9 * max(abs(exact), 1e-3), "u = \(u): \(fast) vs \(exact)")
        }
    }
}
