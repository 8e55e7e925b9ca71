/// What a rule watches for in one signal.
///
/// Thresholds are in the signal's own unit (°C, %, ppm, kW, mm/s …). The quantity a rule
/// compares — its *measure* — is the reading itself for `above`, `below` and `outside`, the
/// rate of change in signal units per hour for `rateAbove`, and the ratio of the reading to
/// its rolling baseline for `aboveBaseline`. Hysteresis is expressed in the same unit as the
/// measure.
public enum RuleCondition: Sendable, Hashable {
    /// Reading > threshold.
    case above(Double)
    /// Reading < threshold.
    case below(Double)
    /// Reading < low or reading > high (a band the signal should stay in).
    case outside(low: Double, high: Double)
    /// Rise faster than `perHour` signal units per hour, measured over the last
    /// `windowSeconds` (the slope from the oldest part of the window to the newest reading;
    /// no verdict until the window is half full).
    case rateAbove(perHour: Double, windowSeconds: Double)
    /// Reading > `fraction` × the rolling mean of the previous `windowSeconds` (the
    /// documents' power SPIKE is `fraction` 1.2). The baseline stops learning while the rule
    /// is pending or raised, so a sustained excursion is not absorbed into its own
    /// reference; no verdict until the window is half full or while the baseline is ≤ 0.
    /// A host should pass NaN (missing) while a machine is stopped: the window then neither
    /// learns the zeros nor ages, so start-up is not read as a spike against them.
    case aboveBaseline(fraction: Double, windowSeconds: Double)

    /// The threshold the measure is compared with (`outside`: the high edge).
    public var threshold: Double {
        switch self {
        case let .above(t), let .below(t): t
        case let .outside(_, high): high
        case let .rateAbove(perHour, _): perHour
        case let .aboveBaseline(fraction, _): fraction
        }
    }

    /// The rolling window, s, for the two windowed kinds; nil otherwise.
    public var windowSeconds: Double? {
        switch self {
        case .above, .below, .outside: nil
        case let .rateAbove(_, w), let .aboveBaseline(_, w): w
        }
    }

    /// A short human description, e.g. `> 75`, `outside 18…30`, `rises > 5/h`, `> 120 % of baseline`.
    public var summary: String {
        switch self {
        case let .above(t): "> \(t.compactText)"
        case let .below(t): "< \(t.compactText)"
        case let .outside(low, high): "outside \(low.compactText)…\(high.compactText)"
        case let .rateAbove(perHour, _): "rises > \(perHour.compactText)/h"
        case let .aboveBaseline(fraction, _): "> \((fraction * 100).compactText) % of baseline"
        }
    }
}

extension Double {
    /// Without a trailing ".0" for whole numbers, so messages read "75" not "75.0".
    var compactText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
