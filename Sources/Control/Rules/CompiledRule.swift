/// A rule flattened for the hot path: every name resolved to an index, every threshold to
/// a band (internal to `RuleEngine`).
///
/// A rule raises when the measure is above `raiseHigh` or below `raiseLow` and may clear
/// when it is strictly inside (`clearLow`, `clearHigh`); a disabled edge is ±∞.
struct CompiledRule: Sendable, Hashable {
    enum Measure: UInt8, Sendable { case reading, rate, baselineRatio }

    var signal: Int
    var measure: Measure
    var raiseLow: Double
    var raiseHigh: Double
    var clearLow: Double
    var clearHigh: Double
    var raiseAfter: Double
    var clearAfter: Double
    /// Index into the engine's windows, −1 for level rules.
    var window: Int
    /// Index into the engine's action targets, −1 without an action.
    var target: Int
    var actionValue: Double
    var schedule: RuleSchedule?

    init(_ rule: RuleSpec, signal: Int, window: Int, target: Int) {
        self.signal = signal
        self.window = window
        self.target = target
        actionValue = rule.action?.value ?? .nan
        schedule = rule.schedule
        raiseAfter = rule.raiseAfterSeconds
        clearAfter = rule.clearAfterSeconds
        let h = rule.hysteresis
        switch rule.condition {
        case let .above(t):
            (measure, raiseLow, raiseHigh, clearLow, clearHigh) = (.reading, -.infinity, t, -.infinity, t - h)
        case let .below(t):
            (measure, raiseLow, raiseHigh, clearLow, clearHigh) = (.reading, t, .infinity, t + h, .infinity)
        case let .outside(low, high):
            (measure, raiseLow, raiseHigh, clearLow, clearHigh) = (.reading, low, high, low + h, high - h)
        case let .rateAbove(t, _):
            (measure, raiseLow, raiseHigh, clearLow, clearHigh) = (.rate, -.infinity, t, -.infinity, t - h)
        case let .aboveBaseline(t, _):
            (measure, raiseLow, raiseHigh, clearLow, clearHigh) = (.baselineRatio, -.infinity, t, -.infinity, t - h)
        }
    }

    /// How far `q` lies beyond the raise band, measure unit (negative inside it).
    @inline(__always)
    func excess(_ q: Double) -> Double { max(q - raiseHigh, raiseLow - q) }
}
