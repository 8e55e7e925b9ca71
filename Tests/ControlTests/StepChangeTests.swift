import Control
import Testing

/// One fixed-seed series per case: in-control N(0, 1) for `changeAt` samples, then a
/// mean shift. Each detector must stay silent before the change and alarm after it
/// within the stated delay. Probabilities of a pre-change false alarm for the chosen
/// settings are given so a reader can judge the seed's luck: none is above ≈ 0.5.
@Suite("Step change detection")
struct StepChangeTests {
    static let changeAt = 300
    static let known = DetectorBaseline.known(mean: 0, standardDeviation: 1)

    /// Pre-change silence and delay (samples after the change, 0 = the first shifted sample).
    func delay<D: StreamingDetector>(_ detector: D, shift: Double, seed: UInt64 = 2024) -> Int? {
        var d = detector
        let series = GaussianSequence.stepSeries(seed: seed, before: Self.changeAt, after: 200, shift: shift)
        guard let first = DetectorRuns.firstAlarm(&d, series) else { return nil }
        return first - Self.changeAt
    }

    @Test("CUSUM k = 0.5, h = 5 detects a 1σ shift in about 10 samples")
    func cusum() throws {
        // ARL₀ = 465, so P(false alarm in 300) ≈ 0.48; ARL(1σ) = 10.4.
        let d = try #require(delay(CUSUMDetector(k: 0.5, h: 5, baseline: Self.known), shift: 1))
        print("CUSUM delay for a 1σ shift: \(d) samples")
        #expect(d >= 0 && d <= 25)
    }

    @Test("CUSUM with a 100-sample warm-up detects a 1σ shift")
    func cusumWarmUp() throws {
        let d = try #require(delay(CUSUMDetector(k: 0.5, h: 5, baseline: .warmUp(samples: 100)), shift: 1))
        print("CUSUM (warm-up) delay for a 1σ shift: \(d) samples")
        #expect(d >= 0 && d <= 30)
    }

    @Test("EWMA λ = 0.2, L = 2.962 detects a 1σ shift in about 10 samples")
    func ewma() throws {
        // ARL₀ = 500; ARL(1σ) = 10.5 (Montgomery Table 9.11).
        let d = try #require(delay(EWMADetector(lambda: 0.2, limitWidth: 2.962, baseline: Self.known), shift: 1))
        print("EWMA delay for a 1σ shift: \(d) samples")
        #expect(d >= 0 && d <= 25)
    }

    @Test("Page–Hinkley δ = 0.25, λ = 15 detects a 1.5σ shift")
    func pageHinkley() throws {
        // After the change the increments average ≈ 1.5 − 0.25 minus the slowly rising
        // running mean, so λ/1.25 ≈ 12 samples plus whatever PH⁺ held at the change.
        let d = try #require(delay(PageHinkleyDetector(delta: 0.25, threshold: 15, alpha: 1), shift: 1.5))
        print("Page–Hinkley delay for a 1.5σ shift: \(d) samples")
        #expect(d >= 0 && d <= 20)
    }

    @Test("Page–Hinkley with river defaults on the vibration step of docs/model-reference.md")
    func pageHinkleyRiverDefaults() throws {
        // +1 mm/s step on σ = 0.3 mm/s; river 0.26.1 reported a delay of 39 samples there.
        var d = try PageHinkleyDetector(delta: 0.005, threshold: 50, alpha: 0.9999, minimumSamples: 30)
        let series = GaussianSequence.stepSeries(seed: 7, before: Self.changeAt, after: 200, shift: 1, sd: 0.3)
        let first = try #require(DetectorRuns.firstAlarm(&d, series))
        print("Page–Hinkley (river defaults) delay for +1 mm/s at σ 0.3: \(first - Self.changeAt) samples")
        #expect(first - Self.changeAt >= 30 && first - Self.changeAt <= 80)
    }

    @Test("rolling threshold N = 50, k = 4 flags a 6σ step at once, then re-centres")
    func rolling() throws {
        var d = try RollingThresholdDetector(window: 50, k: 4)
        let series = GaussianSequence.stepSeries(seed: 2024, before: Self.changeAt, after: 200, shift: 6)
        let outputs = series.map { d.update($0) }
        #expect(outputs[..<Self.changeAt].allSatisfy { !$0.alarm })
        #expect(outputs[..<50].allSatisfy { $0.isWarmingUp })
        #expect(outputs[Self.changeAt].alarm && outputs[Self.changeAt].direction == .up)
        // Once the window holds only shifted samples the band has moved with the level.
        #expect(outputs[(Self.changeAt + 60)...].filter(\.alarm).count <= 1)
    }

    @Test("a downward shift is flagged as down")
    func downward() throws {
        var d = try CUSUMDetector(baseline: Self.known)
        let series = GaussianSequence.stepSeries(seed: 5, before: 100, after: 100, shift: -2)
        let first = try #require(DetectorRuns.firstAlarm(&d, series))
        #expect(first >= 100)
        #expect(d.lower > d.h && d.upper == 0)
    }
}
