import Testing
import Control

@Suite("Rule debounce and minimum durations")
struct RuleDebounceTests {
    static func rule(raise: Double, clear: Double = 0) throws -> RuleSpec {
        try RuleSpec(id: "vib", signal: "vibration", condition: .above(2.5), severity: .warning,
                     raiseAfterSeconds: raise, clearAfterSeconds: clear)
    }

    @Test("spikes shorter than the raise delay raise nothing")
    func shortSpikes() throws {
        var trace = try RuleTrace(Self.rule(raise: 300))
        // 1-minute samples: spikes of 1, 3 and 5 minutes (the last spans 240 s of readings).
        let spikes = [1.0, 3, 1, 1, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3, 1]
        trace.feed(spikes)
        #expect(trace.events.isEmpty)
    }

    @Test("a condition held for the raise delay raises, with the onset recorded")
    func sustained() throws {
        var trace = try RuleTrace(Self.rule(raise: 300))
        trace.feed([1, 3, 3, 3, 3, 3, 3, 3])
        let raised = try #require(trace.raised.first)
        #expect(raised.time == 360)
        let alert = try #require(trace.engine.alerts.first)
        #expect(alert.onset == 60 && alert.start == 360)
    }

    @Test("an alert clears only after the signal has stayed normal for the minimum duration")
    func minimumClearDuration() throws {
        var trace = try RuleTrace(Self.rule(raise: 0, clear: 600))
        // Raised at 60 s; short dips below the threshold (2 and 5 minutes) do not clear it.
        trace.feed([1, 3, 2, 2, 3, 2, 2, 2, 2, 2, 3] + Array(repeating: 2, count: 12))
        #expect(trace.raised.count == 1)
        let cleared = try #require(trace.cleared.first)
        // The last excursion is at 600 s; normal from 660 s, so the clear is confirmed at 1260 s.
        #expect(cleared.time == 1260)
        #expect(trace.engine.alerts.first?.duration(at: 0) == 1200)
    }

    @Test("a dip back into the violating band restarts the clearing delay, and raising needs no repeat")
    func pendingClearReturnsToRaised() throws {
        var trace = try RuleTrace(Self.rule(raise: 120, clear: 180))
        trace.feed([3, 3, 3, 2, 2, 3, 2, 2, 2, 2])
        #expect(trace.events.map(\.kind) == [.raised, .cleared])
        #expect(trace.events.map(\.time) == [120, 540])
    }

    @Test("readings in the hysteresis band neither restart the raise delay nor the clear delay")
    func bandDoesNotRestart() throws {
        var trace = try RuleTrace(RuleSpec(id: "rh", signal: "rh", condition: .above(85), severity: .warning,
                                           hysteresis: 3, raiseAfterSeconds: 240, clearAfterSeconds: 240))
        // Onset at 60 s; 84 and 83 sit in the band (82 … 85) and do not end the episode.
        trace.feed([80, 86, 84, 87, 83, 86, 84, 81, 83, 84, 81, 80, 80, 80])
        #expect(trace.raised.map(\.time) == [300])
        // First below 82 at 420 s; 83 and 84 are in the band; confirmed at the first reading past 82 after 660 s.
        #expect(trace.cleared.map(\.time) == [660])
    }
}
