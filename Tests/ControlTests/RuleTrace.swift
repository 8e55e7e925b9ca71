import Control

/// Feeds one signal to a single-rule engine at a fixed step and collects every event, for
/// the rule tests.
struct RuleTrace {
    var engine: RuleEngine
    private(set) var events: [AlertEvent] = []

    init(_ rule: RuleSpec, clockOffsetHours: Double = 0) throws {
        engine = try RuleEngine(signals: [rule.signal], rules: [rule], clockOffsetHours: clockOffsetHours)
    }

    /// Evaluates `values[k]` at `start + k * step` seconds.
    mutating func feed(_ values: [Double], start: Double = 0, step: Double = 60) {
        for (k, v) in values.enumerated() {
            engine.evaluate(time: start + Double(k) * step, values: [v])
            events += engine.events
        }
    }

    var raised: [AlertEvent] { events.filter { $0.kind == .raised } }
    var cleared: [AlertEvent] { events.filter { $0.kind == .cleared } }
}
