import Control
import Testing
import TwinModels

@Suite("Detector behaviour")
struct DetectorBehaviourTests {
    @Test("EWMA limits: μ₀ ± Lσλ at step 1, μ₀ ± Lσ√(λ/(2−λ)) asymptotically")
    func ewmaLimits() throws {
        let (lambda, l, mu, sigma) = (0.2, 3.0, 10.0, 2.0)
        var d = try EWMADetector(lambda: lambda, limitWidth: l, baseline: .known(mean: mu, standardDeviation: sigma))
        let first = try #require(d.controlLimits(atStep: 1))
        #expect(abs(first.upper - (mu + l * sigma * lambda)) < 1e-12)
        #expect(abs(first.lower - (mu - l * sigma * lambda)) < 1e-12)
        let far = try #require(d.controlLimits(atStep: 10_000))
        #expect(abs(far.upper - (mu + l * sigma * (lambda / (2 - lambda)).squareRoot())) < 1e-12)
        let asymptotic = try EWMADetector(lambda: lambda, limitWidth: l, baseline: .known(mean: mu, standardDeviation: sigma),
                                          varianceFactor: .asymptotic)
        #expect(try #require(asymptotic.controlLimits(atStep: 1)).upper == far.upper)
        // The score is the z-statistic over those limits: x = μ₀ + Lσ exactly hits the step-1 limit.
        let out = d.update(mu + l * sigma)
        #expect(abs(d.statistic - (mu + lambda * l * sigma)) < 1e-12)
        #expect(abs(out.score - l) < 1e-12)
        #expect(EWMADetector.varianceFactor(lambda: 1, step: 1) == 1)
    }

    @Test("reset restores the initial state: a replay gives identical outputs")
    func reset() throws {
        let series = GaussianSequence.stepSeries(seed: 99, before: 120, after: 80, shift: 3)
        func check<D: StreamingDetector>(_ detector: D) {
            var d = detector
            let first = series.map { d.update($0) }
            d.reset()
            let second = series.map { d.update($0) }
            #expect(first == second)
            #expect(first.contains { $0.alarm })
        }
        check(try EWMADetector(lambda: 0.2, limitWidth: 3, baseline: .warmUp(samples: 50)))
        check(try CUSUMDetector(baseline: .warmUp(samples: 50)))
        check(try PageHinkleyDetector(delta: 0.25, threshold: 10))
        check(try RollingThresholdDetector(window: 30, k: 3))
    }

    @Test("warm-up estimates μ₀ and σ and suppresses alarms")
    func warmUp() throws {
        var d = try CUSUMDetector(baseline: .warmUp(samples: 4))
        #expect([5.0, 7, 5, 7].map { d.update($0) }.allSatisfy { $0 == .warmingUp })
        // μ₀ = 6, s = √(4/3); a sample at 6 + 2s adds 2 − k = 1.5 to C⁺.
        _ = d.update(6 + 2 * (4.0 / 3).squareRoot())
        #expect(abs(d.upper - 1.5) < 1e-12)
        #expect(d.upperRun == 1)
    }

    @Test("non-finite samples are ignored")
    func nonFinite() throws {
        var d = try RollingThresholdDetector(window: 3, k: 3)
        for x in [1.0, 2, 3] { _ = d.update(x) }
        let before = d
        #expect(d.update(.nan).score.isNaN)
        #expect(d == before)
    }

    @Test("rolling window statistics stay exact over long streams")
    func rollingAccuracy() throws {
        var d = try RollingThresholdDetector(window: 7, k: 3)
        var g = GaussianSequence(seed: 3)
        var recent: [Double] = []
        for _ in 0..<10_003 {
            let x = 1e6 + g.next()
            _ = d.update(x)
            recent.append(x)
            if recent.count > 7 { recent.removeFirst() }
        }
        let mean = recent.reduce(0, +) / 7
        let sd = (recent.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 6).squareRoot()
        #expect(abs(try #require(d.windowMean) - mean) < 1e-8)
        #expect(abs(try #require(d.windowStandardDeviation) / sd - 1) < 1e-6)
    }

    @Test("a flat window scores ∞ for a different sample unless floored")
    func flatWindow() throws {
        var d = try RollingThresholdDetector(window: 3, k: 3)
        for _ in 0..<3 { _ = d.update(2) }
        #expect(d.update(2).score == 0)
        #expect(d.update(2.1).score == .infinity)
        var floored = try RollingThresholdDetector(window: 3, k: 3, minimumStandardDeviation: 0.1)
        for _ in 0..<3 { _ = floored.update(2) }
        #expect(abs(floored.update(2.2).score - 2) < 1e-9)
    }

    @Test("invalid parameters throw ModelInputError")
    func invalidParameters() {
        #expect(throws: ModelInputError.self) { try EWMADetector(lambda: 0, limitWidth: 3, baseline: .warmUp(samples: 10)) }
        #expect(throws: ModelInputError.self) { try EWMADetector(lambda: 1.5, limitWidth: 3, baseline: .warmUp(samples: 10)) }
        #expect(throws: ModelInputError.self) { try CUSUMDetector(k: 0.5, h: -1, baseline: .warmUp(samples: 10)) }
        #expect(throws: ModelInputError.self) { try CUSUMDetector(baseline: .known(mean: 0, standardDeviation: 0)) }
        #expect(throws: ModelInputError.self) { try CUSUMDetector(baseline: .warmUp(samples: 1)) }
        #expect(throws: ModelInputError.self) { try PageHinkleyDetector(delta: 0.1, threshold: 5, alpha: 0) }
        #expect(throws: ModelInputError.self) { try RollingThresholdDetector(window: 1, k: 3) }
    }
}
