import Testing
import SimKernel

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

    @Test func readableDescription() {
        #expect(SimTime.zero.description == "00:00:00")
        #expect((SimTime.days(Int64(3)) + .hours(Int64(4)) + .minutes(Int64(5)) + .seconds(6.25)).description
            == "3d 04:05:06.250000")
        #expect(SimTime.infinity.description == "∞")
    }
}
