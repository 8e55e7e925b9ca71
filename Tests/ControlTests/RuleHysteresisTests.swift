import Testing
import Control

@Suite("Rule hysteresis")
struct RuleHysteresisTests {
    /// 24 h of 1-minute readings: N(75, 0.5) noise around the threshold for 10 h, a clear
    /// excursion to 80, then back to 70.
    static func noisyTemperature(seed: UInt64) -> [Double] {
        var g = GaussianSequence(seed: seed)
        return (0..<600).map { _ in g.next(mean: 75, sd: 0.5) }
            + (0..<240).map { _ in g.next(mean: 80, sd: 0.5) }
            + (0..<600).map { _ in g.next(mean: 70, sd: 0.5) }
    }

    @Test("without hysteresis a noisy signal at the threshold chatters; with 2 °C it alerts once")
    func noChattering() throws {
        let data = Self.noisyTemperature(seed: 11)
        var bare = try RuleTrace(RuleSpec(id: "t", signal: "temperature", condition: .above(75), severity: .warning))
        bare.feed(data)
        var damped = try RuleTrace(RuleSpec(id: "t", signal: "temperature", condition: .above(75), severity: .warning,
                                            hysteresis: 2))
        damped.feed(data)
        // Half the noisy samples exceed 75: the bare rule toggles hundreds of times.
        #expect(bare.raised.count > 100)
        // The damped rule trips on the first noisy excursion and holds (noise never reaches 73)
        // through the real excursion until the signal falls to 70.
        #expect(damped.raised.count == 1)
        #expect(damped.cleared.count == 1)
        let clearedAt = try #require(damped.cleared.first).time
        #expect(clearedAt >= 840 * 60 && clearedAt <= 845 * 60)
        #expect(try #require(damped.engine.alerts.first).peakValue > 80)
    }

    @Test("below and outside rules clear only past the hysteresis on the normal side")
    func otherDirections() throws {
        var low = try RuleTrace(RuleSpec(id: "rh", signal: "rh", condition: .below(40), severity: .info, hysteresis: 5))
        low.feed([50, 39, 42, 44.9, 45.1])
        #expect(low.events.map(\.kind) == [.raised, .cleared])
        #expect(low.cleared.first?.time == 240)
        #expect(low.engine.alerts.first?.peakValue == 39)

        var band = try RuleTrace(RuleSpec(id: "band", signal: "t", condition: .outside(low: 18, high: 30),
                                          severity: .warning, hysteresis: 1))
        band.feed([25, 31, 29.5, 28.9, 17.5, 18.5, 19.2, 33])
        #expect(band.events.map(\.kind) == [.raised, .cleared, .raised, .cleared, .raised])
        #expect(band.events.map(\.time) == [60, 180, 240, 360, 420])
    }

    @Test("the clear level is the threshold moved by the hysteresis towards normal")
    func clearLevel() throws {
        #expect(try RuleSpec(id: "a", signal: "s", condition: .above(75), severity: .warning, hysteresis: 2)
            .clearLevel.upperBound == 73)
        #expect(try RuleSpec(id: "b", signal: "s", condition: .below(10), severity: .warning, hysteresis: 1)
            .clearLevel.lowerBound == 11)
        #expect(try RuleSpec(id: "c", signal: "s", condition: .outside(low: 18, high: 30), severity: .warning,
                             hysteresis: 0.5).clearLevel == 18.5...29.5)
    }
}
