import Foundation
import Testing
@testable import SimKernel

@Suite struct StatisticTimeWeightedTests {
    /// Level 0 on [0, 2) s, 3 on [2, 5), 1 on [5, 6), 4 from 6 s:
    /// ∫ over [0, 10] = 0·2 + 3·3 + 1·1 + 4·4 = 26 level·s, mean 2.6.
    @Test func handComputedExample() {
        var q = TimeWeightedStatistic()
        q.update(level: 3, at: .seconds(Int64(2)))
        q.update(level: 1, at: .seconds(Int64(5)))
        q.add(3, at: .seconds(Int64(6)))
        #expect(q.level == 4)
        #expect(q.integral == 10)  // up to the last update at 6 s
        #expect(q.integral(until: .seconds(Int64(10))) == 26)
        #expect(q.mean(until: .seconds(Int64(10))) == 2.6)
        #expect(q.max == 4 && q.min == 0)

        // Warm-up deletion: a new window from 10 s keeps level 4.
        q.reset(at: .seconds(Int64(10)))
        #expect(q.integral == 0 && q.max == 4 && q.min == 4)
        q.update(level: 2, at: .seconds(Int64(12)))
        #expect(q.mean(until: .seconds(Int64(14))) == 3)
        #expect(q.min == 2)
    }

    @Test func utilisationOverHours() {
        // One server busy 08:00–12:30 and 13:00–17:00 over a 24 h day: 8.5 / 24.
        var busy = TimeWeightedStatistic(level: 0, at: .zero)
        busy.update(level: 1, at: .hours(8.0))
        busy.update(level: 0, at: .hours(12.5))
        busy.update(level: 1, at: .hours(13.0))
        busy.update(level: 0, at: .hours(17.0))
        #expect(abs(busy.mean(until: .hours(24.0)) - 8.5 / 24) < 1e-15)
        #expect(busy.integral(until: .hours(24.0)) == 8.5 * 3600)
    }

    @Test func simultaneousUpdatesCountOnlyTheLastLevel() {
        var q = TimeWeightedStatistic(level: 1, at: .seconds(Int64(100)))
        q.update(level: 5, at: .seconds(Int64(101)))
        q.update(level: 2, at: .seconds(Int64(101)))  // zero-length spell at level 5
        #expect(q.mean(until: .seconds(Int64(103))) == (1 + 2 * 2) / 3.0)
        #expect(q.max == 5)  // the level was 5 at an instant
        #expect(q.mean(until: .seconds(Int64(101))) == 1)
        #expect(TimeWeightedStatistic(level: 3, at: .seconds(Int64(5))).mean(until: .seconds(Int64(5))).isNaN)
    }

    @Test func matchesSummationOverARandomPath() {
        var s = RandomStream(seed: 12)
        var q = TimeWeightedStatistic()
        var t = SimTime.zero
        var area = 0.0
        var level = 0.0
        for _ in 0..<10_000 {
            let dt = SimTime.seconds(Distribution.exponential(mean: 30).sample(using: &s))
            area += level * dt.inSeconds
            t += dt
            level = Distribution.poisson(mean: 4).sample(using: &s)
            q.update(level: level, at: t)
        }
        #expect(abs(q.integral - area) / area < 1e-12)
        #expect(abs(q.mean(until: t) - area / t.inSeconds) < 1e-12)
    }
}
