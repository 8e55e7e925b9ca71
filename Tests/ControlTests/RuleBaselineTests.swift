import Testing
import Control

@Suite("Baseline (power spike) rules")
struct RuleBaselineTests {
    static func rule() throws -> RuleSpec {
        try RuleSpec(id: "spike", signal: "power", condition: .aboveBaseline(fraction: 1.2, windowSeconds: 3600),
                     severity: .warning, hysteresis: 0.1)
    }

    @Test("125 % of the rolling mean is a spike, 115 % is not, and a sustained 150 % step stays raised")
    func spikes() throws {
        var g = GaussianSequence(seed: 7)
        var trace = try RuleTrace(Self.rule())
        let segments: [(minutes: Int, kW: Double)] = [(180, 10), (10, 12.5), (60, 10), (60, 11.5), (180, 15)]
        trace.feed(segments.flatMap { segment in (0..<segment.minutes).map { _ in g.next(mean: segment.kW, sd: 0.1) } })
        #expect(trace.events.map(\.kind) == [.raised, .cleared, .raised])
        let expected: [Double] = [180 * 60, 190 * 60, 310 * 60]
        #expect(trace.events.map(\.time) == expected)
        let first = try #require(trace.engine.alerts.first)
        #expect(abs(first.peakValue - 1.25) < 0.08)
        // The baseline froze at ≈ 11.5 kW when the step began, so the alert does not absorb itself.
        #expect(trace.engine.isAlerting(ruleIndex: 0))
        #expect(abs(trace.engine.alerts[1].peakValue - 15 / 11.5) < 0.08)
    }

    @Test("no verdict while the window is less than half full")
    func warmUp() throws {
        var trace = try RuleTrace(Self.rule())
        trace.feed((0..<40).map { $0 == 20 ? 20 : 10 })
        #expect(trace.events.isEmpty)
        trace.feed([10, 10, 20], start: 40 * 60)
        #expect(trace.raised.first?.time == 2520)
    }

    @Test("missing readings while a machine is stopped do not teach the baseline zeros")
    func stoppedMachine() throws {
        var trace = try RuleTrace(Self.rule())
        trace.feed(Array(repeating: 10, count: 60))
        trace.feed(Array(repeating: .nan, count: 30), start: 3600)
        trace.feed(Array(repeating: 10.5, count: 60), start: 5400)
        #expect(trace.events.isEmpty)
    }
}
