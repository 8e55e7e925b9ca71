import Testing
import Control

@Suite("Alert acknowledgement")
struct AlertAcknowledgementTests {
    @Test("each alert is acknowledged once, not before it was raised, active or ended")
    func acknowledge() throws {
        var trace = try RuleTrace(RuleSpec(id: "hot", signal: "t", condition: .above(30), severity: .warning))
        trace.feed([25, 31, 32, 25, 33])
        var engine = trace.engine
        #expect(engine.alerts.count == 2)
        #expect(engine.unacknowledgedAlerts.map(\.id) == [1, 2])
        let ack1at30 = engine.acknowledge(alertID: 1, at: 30)
        #expect(!ack1at30)    // before it was raised at 60 s
        let ack1at400 = engine.acknowledge(alertID: 1, at: 400)
        #expect(ack1at400)    // ended at 180 s: still acknowledgeable
        let ack1at500 = engine.acknowledge(alertID: 1, at: 500)
        #expect(!ack1at500)   // only once
        let ack3at500 = engine.acknowledge(alertID: 3, at: 500)
        #expect(!ack3at500)   // no such alert
        let ack0at500 = engine.acknowledge(alertID: 0, at: 500)
        #expect(!ack0at500)
        let ack2at260 = engine.acknowledge(alertID: 2, at: 260)
        #expect(ack2at260)
        #expect(engine.alert(id: 1)?.acknowledgedAt == 400)
        #expect(engine.alert(id: 2)?.acknowledgedAt == 260)
        #expect(engine.unacknowledgedAlerts.isEmpty)
        // Acknowledging does not end an alert.
        #expect(engine.alert(id: 2)?.isActive == true && engine.activeAlertCount == 1)
    }

    @Test("alert records carry start, end, onset and peak")
    func record() throws {
        var trace = try RuleTrace(RuleSpec(id: "hot", signal: "t", condition: .above(30), severity: .critical,
                                           hysteresis: 1, raiseAfterSeconds: 60))
        trace.feed([25, 31, 34, 32, 28.5, 28])
        let alert = try #require(trace.engine.alerts.first)
        #expect(alert.ruleID == "hot" && alert.severity == .critical)
        #expect(alert.onset == 60 && alert.start == 120 && alert.end == 240)
        #expect(alert.peakValue == 34 && !alert.endedBySchedule)
    }
}
