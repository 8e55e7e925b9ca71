import Testing
@testable import SimKernel

@Suite("SimTime")
struct SimTimeTests {
    @Test func unitConversionsAreExact() {
        #expect(SimTime.seconds(Int64(1)).ticks == 1_000_000)
        #expect(SimTime.minutes(Int64(1)) == .seconds(Int64(60)))
        #expect(SimTime.hours(Int64(1)) == .minutes(Int64(60)))
        #expect(SimTime.days(Int64(1)) == .hours(Int64(24)))
        #expect(SimTime.hours(1.5).inMinutes == 90)
        #expect(SimTime.days(365.0).inDays == 365)
    }

    @Test func doublesRoundToTheNearestTick() {
        #expect(SimTime.seconds(0.0000004).ticks == 0)
        #expect(SimTime.seconds(0.0000006).ticks == 1)
        #expect(SimTime.seconds(-0.0000006).ticks == -1)
    }

    /// The branch-free rounding (trunc(2x) − trunc(x)) must equal `rounded()` everywhere.
    @Test func roundingMatchesRoundedHalfAwayFromZero() {
        var cases: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
                               -0.49999999999999994, 0x1p51 + 0.5, -(0x1p51 + 0.5), 0x1p52 - 0.5,
                               0x1p52 + 1, 0x1p53, 4.5e18, -4.5e18]
        var rng = SplitMix64(seed: 7, stream: 0)
        for _ in 0..<20_000 {
            var magnitude = 1.0
            for _ in 0..<Int(rng.uniform() * 19) { magnitude *= 10 }
            let value = (rng.uniform() * 2 - 1) * min(magnitude, 4.5e18)
            cases.append(value)
            cases.append((value * 2).rounded(.towardZero) / 2)  // an exact half when the value allows
        }
        for scaled in cases {
            #expect(SimTime(scaled, unitTicks: 1).ticks == Int64(scaled.rounded()), "\(scaled)")
        }
    }

    /// NaN, infinities and values past the bound stop the program rather than wrap around.
    @Test func nonFiniteOrHugeValuesTrap() async {
        await #expect(processExitsWith: .failure) { _ = SimTime.hours(.nan) }
        await #expect(processExitsWith: .failure) { _ = SimTime.seconds(-Double.infinity) }
        await #expect(processExitsWith: .failure) { _ = SimTime.hours(4.7e12) }
    }

    @Test func readableDescription() {
        #expect(SimTime.zero.description == "00:00:00")
        #expect((SimTime.days(Int64(3)) + .hours(Int64(4)) + .minutes(Int64(5)) + .seconds(6.25)).description
            == "3d 04:05:06.250000")
        #expect(SimTime.infinity.description == "∞")
    }
}
