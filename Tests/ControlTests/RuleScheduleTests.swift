import Testing
import Control
import TwinModels

@Suite("Rule schedules")
struct RuleScheduleTests {
    static func rule(from: Double, to: Double) throws -> RuleSpec {
        try RuleSpec(id: "hot", signal: "t", condition: .above(30), severity: .warning,
                     schedule: RuleSchedule(fromHour: from, toHour: to))
    }

    @Test("armed only in its hours; an active alert ends when the window closes")
    func daytime() throws {
        var trace = try RuleTrace(Self.rule(from: 6, to: 22))
        trace.feed(Array(repeating: 35, count: 48), step: 3600)
        #expect(trace.events.map(\.kind) == [.raised, .cleared, .raised, .cleared])
        #expect(trace.events.map { $0.time / 3600 } == [6, 22, 30, 46])
        #expect(trace.engine.alerts.allSatisfy { $0.endedBySchedule })
    }

    @Test("a window past midnight wraps, and the clock offset shifts hour of day")
    func wrapAndOffset() throws {
        var night = try RuleTrace(Self.rule(from: 22, to: 6))
        night.feed(Array(repeating: 35, count: 26), step: 3600)
        #expect(night.events.map { $0.time / 3600 } == [0, 6, 22])
        var shifted = try RuleTrace(Self.rule(from: 6, to: 22), clockOffsetHours: 6)
        shifted.feed(Array(repeating: 35, count: 20), step: 3600)
        #expect(shifted.events.map { $0.time / 3600 } == [0, 16])
    }

    @Test("a pending raise outside the hours is dropped, not carried into the next window")
    func pendingDropped() throws {
        let rule = try RuleSpec(id: "hot", signal: "t", condition: .above(30), severity: .warning, raiseAfterSeconds: 1800,
                                schedule: RuleSchedule(fromHour: 6, toHour: 22))
        var trace = try RuleTrace(rule)
        // Hot from 21:45 through the night; the window closes at 22:00 before the 30 minutes
        // are up, so the next morning's alert needs its own 30 minutes from 06:00.
        trace.feed(Array(repeating: 35, count: 36), start: 21.75 * 3600, step: 900)
        #expect(trace.raised.map(\.time) == [30.5 * 3600])
        #expect(trace.engine.alerts.first?.onset == 108_000)
    }

    @Test("an empty window is rejected")
    func emptyWindow() {
        #expect(throws: ModelInputError.self) { try RuleSchedule(fromHour: 6, toHour: 6) }
        #expect(throws: ModelInputError.self) { try RuleSchedule(fromHour: 0, toHour: 24) }
        #expect(throws: ModelInputError.self) { try RuleSchedule(fromHour: -1, toHour: 6) }
    }
}
