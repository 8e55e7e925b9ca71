import Foundation
import Testing
import Control

@Suite("Rule engine")
struct RuleEngineTests {
    @Test("names resolve to slots once: rules may read the signals in any order")
    func slots() throws {
        var engine = try RuleEngine(signals: ["a", "b", "c"], rules: [
            RuleSpec(id: "c-high", signal: "c", condition: .above(1), severity: .info),
            RuleSpec(id: "a-low", signal: "a", condition: .below(0), severity: .critical),
        ])
        engine.evaluate(time: 0, values: [-1, 5, 2])
        #expect(engine.events.map(\.ruleIndex) == [0, 1])
        #expect(engine.events.map(\.value) == [2, -1])
        #expect(engine.highestActiveSeverity == .critical)
        #expect(engine.signalIndex(of: "b") == 1)
    }

    @Test("a missing reading holds the state: no clear, no raise, and the debounce timer keeps running")
    func nanHolds() throws {
        var trace = try RuleTrace(RuleSpec(id: "t", signal: "t", condition: .above(30), severity: .warning,
                                           raiseAfterSeconds: 180))
        trace.feed([31, .nan, .nan, 31, .nan, .nan, .nan])
        #expect(trace.raised.map(\.time) == [180])
        #expect(trace.engine.isAlerting(ruleIndex: 0))
        trace.feed([.infinity, 20], start: 420)
        #expect(trace.cleared.map(\.time) == [480])
    }

    @Test("unknown signals (with a suggestion), repeated ids and repeated signals are rejected")
    func registration() throws {
        let hot = try RuleSpec(id: "hot", signal: "air_temprature", condition: .above(30), severity: .warning)
        #expect(throws: RuleEngineError.unknownSignal(rule: "hot", signal: "air_temprature", suggestion: "air_temperature")) {
            try RuleEngine(signals: ["air_temperature", "co2"], rules: [hot])
        }
        let ok = try RuleSpec(id: "hot", signal: "co2", condition: .above(30), severity: .warning)
        #expect(throws: RuleEngineError.duplicateRuleID("hot")) { try RuleEngine(signals: ["co2"], rules: [ok, ok]) }
        #expect(throws: RuleEngineError.duplicateSignal("co2")) { try RuleEngine(signals: ["co2", "co2"], rules: [ok]) }
    }

    /// Two days of a room drifting through every grow-room alarm, with 1-minute noisy readings.
    static func stormyRoom(seed: UInt64) -> [[Double]] {
        var g = GaussianSequence(seed: seed)
        return (0..<2880).map { k in
            let hours = Double(k) / 60
            let temperature = 26 + 10 * sin(hours / 24 * 2 * .pi) + g.next(sd: 0.4)
            let humidity = 75 + 12 * sin(hours / 7) + g.next(sd: 2)
            let co2 = 1500 + 700 * sin(hours / 5) + g.next(sd: 30)
            return [k % 97 == 0 ? .nan : temperature, humidity, co2]
        }
    }

    @Test("the same rules and readings give identical events and alerts")
    func determinism() throws {
        func run() throws -> ([AlertEvent], [Alert]) {
            var engine = try RuleEngine(signals: RuleSet.growRoom.signals, rules: RuleSet.growRoom.rules)
            var events: [AlertEvent] = []
            for (k, row) in Self.stormyRoom(seed: 3).enumerated() {
                engine.evaluate(time: Double(k) * 60, values: row)
                events += engine.events
            }
            return (events, engine.alerts)
        }
        let (e1, a1) = try run()
        let (e2, a2) = try run()
        #expect(e1 == e2 && a1 == a2)
        // The drive crosses every rule, so the comparison is not between two empty logs.
        #expect(Set(a1.map(\.ruleID)) == Set(RuleSet.growRoom.rules.map(\.id)))
        // Raised/cleared alternate per rule and every event matches its alert's record.
        for alert in a1 {
            let own = e1.filter { $0.alertID == alert.id }
            #expect(own.first?.kind == .raised && own.first?.time == alert.start)
            if let end = alert.end { #expect(own.count == 2 && own.last?.time == end) }
        }
    }

    @Test("messages fill the rule's template")
    func messages() throws {
        var trace = try RuleTrace(RuleSpec(id: "co2-safety", signal: "co2", condition: .above(2000), severity: .critical,
                                           message: "{id}: {signal} at {value} ppm ({condition}, {severity})"))
        trace.feed([2450.25])
        let alert = try #require(trace.engine.alerts.first)
        #expect(trace.engine.message(for: alert) == "co2-safety: co2 at 2450.25 ppm (> 2000, CRITICAL)")
        var plain = try RuleTrace(RuleSpec(id: "x", signal: "rh", condition: .outside(low: 40, high: 70), severity: .info))
        plain.feed([80, 50])
        #expect(plain.engine.message(for: try #require(plain.cleared.first)) == "cleared: rh outside 40…70 (INFO)")
    }
}
