import TwinModels

/// The hours of the day during which a rule is armed, e.g. 06:00–22:00 or 22:00–06:00.
///
/// Hour of day is simulation time since local midnight of day 0 (plus the engine's clock
/// offset), modulo 24. The window is half-open, [from, to); a window whose start is after
/// its end wraps past midnight. Outside its hours a rule raises nothing and an active alert
/// of it ends (its action is released).
public struct RuleSchedule: Sendable, Hashable {
    /// Start of the armed window, hour of day, 0 … 24.
    public let fromHour: Double
    /// End of the armed window, hour of day, 0 … 24, ≠ `fromHour`.
    public let toHour: Double

    /// - Throws: `ModelInputError` for an hour outside 0 … 24 or an empty window.
    public init(fromHour: Double, toHour: Double) throws(ModelInputError) {
        self.fromHour = try ModelInputError.check(fromHour, "schedule start", unit: "hour of day", in: 0...24)
        self.toHour = try ModelInputError.check(toHour, "schedule end", unit: "hour of day", in: 0...24)
        if fromHour.truncatingRemainder(dividingBy: 24) == toHour.truncatingRemainder(dividingBy: 24) {
            throw ModelInputError(code: .inconsistent, quantity: "schedule end", value: toHour, unit: "hour of day",
                                  message: "schedule end \(toHour) h equals its start: an empty (or whole-day) window; leave the schedule out to arm the rule all day")
        }
    }

    /// Whether `hourOfDay` (0 ≤ h < 24) lies in the window.
    @inlinable
    public func contains(hourOfDay h: Double) -> Bool {
        let from = fromHour.truncatingRemainder(dividingBy: 24)
        let to = toHour == 24 ? 24 : toHour
        return from < to ? (h >= from && h < to) : (h >= from || h < to)
    }
}
