import Testing
import Control

@Suite("Rate-of-change rules")
struct RuleRateTests {
    static func rule() throws -> RuleSpec {
        try RuleSpec(id: "rise", signal: "air_temperature", condition: .rateAbove(perHour: 5, windowSeconds: 1800),
                     severity: .info, hysteresis: 1)
    }

    @Test("a 10 K/h ramp between flat stretches raises once, measures 10 K/h and clears after it")
    func ramp() throws {
        var trace = try RuleTrace(Self.rule())
        // 1-minute readings: 2 h flat at 20 °C, 1 h rising 10 K/h, 2 h flat at 30 °C.
        let values = (0..<120).map { _ in 20.0 } + (0..<60).map { 20 + Double($0) / 6 } + (0..<120).map { _ in 30.0 }
        trace.feed(values)
        #expect(trace.raised.count == 1 && trace.cleared.count == 1)
        // Over a 30-minute window the slope passes 5 K/h once the ramp fills half of it.
        let raised = try #require(trace.raised.first).time
        #expect(raised >= 7200 + 780 && raised <= 7200 + 1020)
        let cleared = try #require(trace.cleared.first).time
        #expect(cleared >= 10740 + 900 && cleared <= 10740 + 1260)
        // Bucket means of a ramp sit on the ramp, so the full-window slope is exact.
        #expect(abs(try #require(trace.engine.alerts.first).peakValue - 10) < 1e-6)
    }

    @Test("no verdict until the window is half full, then the slope counts")
    func warmUp() throws {
        var trace = try RuleTrace(Self.rule())
        trace.feed((0..<30).map { 20 + Double($0) / 3 })  // 20 K/h from the first reading
        #expect(trace.raised.first?.time == 900)
        #expect(abs((trace.raised.first?.measure ?? 0) - 20) < 1e-9)
    }

    @Test("a falling signal never trips a rise rule")
    func falling() throws {
        var trace = try RuleTrace(Self.rule())
        trace.feed((0..<240).map { 30 - Double($0) / 6 })
        #expect(trace.events.isEmpty)
    }
}
