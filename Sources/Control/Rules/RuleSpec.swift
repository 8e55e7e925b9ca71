import Foundation
import TwinModels

/// One declarative rule: a condition on a named signal, with hysteresis, debounce, severity,
/// an optional schedule and an optional interlock action.
///
/// A rule raises an alert once its condition has held for `raiseAfterSeconds` (debounce:
/// shorter excursions raise nothing) and clears it once the measure has stayed on the normal
/// side for `clearAfterSeconds` (minimum duration before clearing). The clear level is the
/// threshold moved by `hysteresis` towards normal; readings between the threshold and the
/// clear level neither end an excursion nor start one, so a noisy signal hovering at the
/// threshold does not chatter and sensor noise does not restart a long debounce. An
/// excursion ends only with a reading beyond the clear level; a recovery ends only with a
/// reading beyond the threshold.
///
/// Units: thresholds and hysteresis are in the unit of the rule's measure (see
/// `RuleCondition`): signal unit for levels, signal unit per hour for rates, a fraction
/// (1.2 = 120 %) for baselines. Times are seconds of simulation time.
public struct RuleSpec: Sendable, Hashable {
    /// Unique name of the rule, e.g. `"temperature-warning"`; names its alerts.
    public private(set) var id: String
    /// Name of the signal slot the rule reads, e.g. `"air_temperature"`, `"pump-1.vibration"`.
    public private(set) var signal: String
    /// What the rule watches for.
    public let condition: RuleCondition
    /// How urgent its alerts are.
    public let severity: RuleSeverity
    /// Distance from the threshold to the clear level, measure unit, ≥ 0 (default 0;
    /// `outside`: less than half the band).
    public let hysteresis: Double
    /// Time the condition must hold before the alert is raised, s, 0 … 10⁸ (default 0).
    public let raiseAfterSeconds: Double
    /// Time the clear condition must hold before the alert ends, s, 0 … 10⁸ (default 0).
    public let clearAfterSeconds: Double
    /// Hours of the day the rule is armed; nil = always.
    public let schedule: RuleSchedule?
    /// What the host must hold while the alert is active; nil = alert only.
    public let action: RuleAction?
    /// Alert text with placeholders `{id}`, `{signal}`, `{severity}`, `{condition}`,
    /// `{value}`; nil uses "`{signal}` `{condition}` (`{severity}`)".
    public let message: String?

    /// The default message template.
    public static let defaultMessage = "{signal} {condition} ({severity})"

    /// Creates a rule, checking every number.
    ///
    /// - Throws: `ModelInputError` for a non-finite or out-of-range threshold, window,
    ///   hysteresis or delay, an `outside` band with low ≥ high, or a hysteresis that would
    ///   put the clear level beyond the opposite edge of an `outside` band or below zero for
    ///   a baseline ratio.
    public init(id: String, signal: String, condition: RuleCondition, severity: RuleSeverity,
                hysteresis: Double = 0, raiseAfterSeconds: Double = 0, clearAfterSeconds: Double = 0,
                schedule: RuleSchedule? = nil, action: RuleAction? = nil, message: String? = nil) throws(ModelInputError) {
        let level = -1e12...1e12
        switch condition {
        case let .above(t), let .below(t):
            _ = try ModelInputError.check(t, "rule \(id) threshold", unit: "signal unit", in: level)
        case let .outside(low, high):
            _ = try ModelInputError.check(low, "rule \(id) low edge", unit: "signal unit", in: level)
            _ = try ModelInputError.check(high, "rule \(id) high edge", unit: "signal unit", in: level)
            if !(low < high) {
                throw ModelInputError(code: .inconsistent, quantity: "rule \(id) low edge", value: low, unit: "signal unit",
                                      message: "rule \(id): the band's low edge \(low) must be below its high edge \(high)")
            }
            _ = try ModelInputError.check(hysteresis, "rule \(id) hysteresis", unit: "signal unit",
                                          in: 0...((high - low) / 2).nextDown)
        case let .rateAbove(perHour, window):
            _ = try ModelInputError.check(perHour, "rule \(id) rate threshold", unit: "signal unit per hour", in: level)
            _ = try ModelInputError.check(window, "rule \(id) rate window", unit: "s", in: 1...1e8)
        case let .aboveBaseline(fraction, window):
            _ = try ModelInputError.check(fraction, "rule \(id) baseline ratio", unit: "fraction", in: 1e-6...1e6)
            _ = try ModelInputError.check(window, "rule \(id) baseline window", unit: "s", in: 1...1e8)
            _ = try ModelInputError.check(hysteresis, "rule \(id) hysteresis", unit: "fraction of baseline",
                                          in: 0...fraction.nextDown)
        }
        self.hysteresis = try ModelInputError.check(hysteresis, "rule \(id) hysteresis", unit: "measure unit", in: 0...1e12)
        self.raiseAfterSeconds = try ModelInputError.check(raiseAfterSeconds, "rule \(id) raise delay", unit: "s", in: 0...1e8)
        self.clearAfterSeconds = try ModelInputError.check(clearAfterSeconds, "rule \(id) clear delay", unit: "s", in: 0...1e8)
        if let action {
            _ = try ModelInputError.check(action.value, "rule \(id) action value", unit: "target unit", in: level)
        }
        self.id = id
        self.signal = signal
        self.condition = condition
        self.severity = severity
        self.schedule = schedule
        self.action = action
        self.message = message
    }

    /// The measure beyond which the alert may clear (threshold moved by the hysteresis
    /// towards normal; `outside`: the inner band's edges as low…high).
    public var clearLevel: ClosedRange<Double> {
        switch condition {
        case let .above(t): -Double.infinity...(t - hysteresis)
        case let .below(t): (t + hysteresis)...Double.infinity
        case let .outside(low, high): (low + hysteresis)...(high - hysteresis)
        case let .rateAbove(t, _), let .aboveBaseline(t, _): -Double.infinity...(t - hysteresis)
        }
    }

    mutating func rename(id: String, signal: String) {
        self.id = id
        self.signal = signal
    }

    /// The alert text for a measure `value`, from the template.
    public func renderMessage(value: Double) -> String {
        var text = message ?? Self.defaultMessage
        for (key, replacement) in [("{id}", id), ("{signal}", signal), ("{severity}", severity.rawValue),
                                   ("{condition}", condition.summary), ("{value}", Self.format(value))] {
            text = text.replacingOccurrences(of: key, with: replacement)
        }
        return text
    }

    /// Three significant decimals at most, no trailing zeros.
    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        return ((value * 1000).rounded() / 1000).compactText
    }
}
