import Foundation
import SimKernel
import Testing
import TwinModels

/// Sensor fault processes and their ground-truth episodes.
@Suite("Sensor faults")
struct SensorFaultTests {
    @Test("dropout fraction ≈ pL/(1 + pL); geometric episodes of mean L; records match the samples")
    func dropoutFraction() throws {
        let p = 0.01, length = 5.0
        let spec = SensorSpec(quantity: "T", unit: "°C", noiseSD: 0.1, samplingPeriodSeconds: 60,
                              dropoutProbability: p, meanDropoutLength: length)
        var sensor = try Sensor(spec: spec, stream: RandomStream(seed: 77))
        let n = 200_000
        var dropped = 0
        var runStart: Double?
        var runs: [(start: Double, end: Double)] = []
        for i in 0..<n {
            let t = Double(i) * 60
            let reading = try sensor.read(trueValue: 22, atSeconds: t)
            if reading.status == .dropout {
                #expect(reading.value == nil)
                dropped += 1
                if runStart == nil { runStart = t }
            } else {
                #expect(reading.value != nil)
                if let start = runStart { runs.append((start, t)) }
                runStart = nil
            }
        }
        let expected = p * length / (1 + p * length)
        #expect(abs(spec.expectedDropoutFraction - expected) < 1e-15)
        let fraction = Double(dropped) / Double(n)
        // About 1900 episodes: the fraction's relative SE is ≈ 3 %.
        #expect(abs(fraction / expected - 1) < 0.10)
        #expect(sensor.dropoutSampleCount == dropped)

        let records = sensor.faults.filter { $0.kind == .dropout }
        let closed = records.filter { $0.endSeconds != nil }
        #expect(closed.count == runs.count)
        for (record, run) in zip(closed, runs) {
            #expect(record.startSeconds == run.start)
            #expect(record.endSeconds == run.end)
        }
        let meanLength = closed.map { $0.durationSeconds! / 60 }.reduce(0, +) / Double(closed.count)
        // Geometric lengths have SD √(L(L − 1)) ≈ 4.5; SE over ~1900 episodes ≈ 0.1.
        #expect(abs(meanLength - length) < 0.4)
    }

    @Test("a stuck sensor repeats its last value exactly; episodes are recorded with correct start and end")
    func stuckEpisodes() throws {
        let rate = 2.0, hours = 3.0
        let spec = SensorSpec(quantity: "RH", unit: "%", noiseSD: 0.8, resolution: 0.01, samplingPeriodSeconds: 60,
                              validRange: 0...100, stuckRatePerDay: rate, meanStuckHours: hours)
        var sensor = try Sensor(spec: spec, stream: RandomStream(seed: 303))
        let days = 365
        var times: [Double] = []
        var readings: [SensorReading] = []
        times.reserveCapacity(days * 1440)
        readings.reserveCapacity(days * 1440)
        for i in 0..<(days * 1440) {
            let t = Double(i) * 60
            times.append(t)
            readings.append(try sensor.read(trueValue: 65 + 10 * sin(t / 5000), atSeconds: t))
        }
        let episodes = sensor.faults.filter { $0.kind == .stuck }
        #expect(episodes.count == sensor.faults.count)
        // Expected onsets ≈ rate·(time not stuck) = 2·365·(1 − 0.2) ≈ 580.
        #expect(episodes.count > 450 && episodes.count < 720)
        var stuckSamples = 0
        for episode in episodes {
            let first = Int(episode.startSeconds / 60)
            let last = episode.endSeconds.map { Int($0 / 60) } ?? times.count
            #expect(first > 0)
            let frozen = readings[first - 1].value
            for k in first..<last {
                #expect(readings[k].status == .stuck)
                #expect(readings[k].value == frozen)
            }
            stuckSamples += last - first
            if last < times.count {
                #expect(readings[last].status == .ok)
            }
        }
        #expect(stuckSamples == sensor.stuckSampleCount)
        #expect(stuckSamples == readings.filter { $0.status == .stuck }.count)
        let closed = episodes.compactMap(\.durationSeconds)
        let meanHours = closed.reduce(0, +) / Double(closed.count) / 3600
        // Exponential durations on a 1-min grid: mean ≈ 3 h, SE ≈ 3/√580 h ≈ 4 %.
        #expect(abs(meanHours / hours - 1) < 0.15)
    }

    @Test("drift beyond the threshold opens a fault that recalibration closes")
    func driftFault() throws {
        let spec = SensorSpec(quantity: "CO2", unit: "ppm", driftPerDay: 10, samplingPeriodSeconds: 3600,
                              driftFaultThreshold: 50)
        var sensor = try Sensor(spec: spec, stream: RandomStream(seed: 4))
        for hour in 0...(8 * 24) {
            let reading = try sensor.read(trueValue: 800, atSeconds: Double(hour) * 3600)
            #expect(reading.status == .ok)
            #expect(abs(reading.value! - (800 + 10 * Double(hour) / 24)) < 1e-9)
        }
        // |drift| = 10·t/day first exceeds 50 ppm at the first sample after 5 days: hour 121.
        #expect(sensor.faults == [SensorFaultRecord(kind: .driftBeyondThreshold, startSeconds: 121 * 3600)])
        sensor.recalibrate(atSeconds: 200 * 3600)
        #expect(sensor.faults[0].endSeconds == 720_000.0)
        let after = try sensor.read(trueValue: 800, atSeconds: 201 * 3600)
        #expect(abs(after.value! - (800 + 10.0 / 24)) < 1e-9)
        #expect(sensor.faults.count == 1)
    }

    @Test("presets lose about the documented share of samples to dropouts")
    func presetDropouts() throws {
        var sensor = try Sensor(spec: .airTemperature, stream: RandomStream(seed: 8))
        var dropped = 0
        let n = 90 * 1440
        for i in 0..<n {
            if try sensor.read(trueValue: 24, atSeconds: Double(i) * 60).status == .dropout { dropped += 1 }
        }
        let expected = SensorSpec.airTemperature.expectedDropoutFraction
        #expect(abs(expected - 0.001 / 1.001) < 1e-12)
        // About 26 episodes in 90 days: a loose check that the preset is wired, not a precision test.
        #expect(Double(dropped) / Double(n) > expected / 3 && Double(dropped) / Double(n) < expected * 3)
    }
}
