/// The `maintenance` section: when machines are maintained before they fail.
///
/// Preventive maintenance (PM) replaces the bearings (it takes a spare bearing and a
/// technician, and keeps the machine in MAINTENANCE for `preventiveDurationHours`). It is due
/// either after a running time or after a calendar time since the bearings were last renewed.
/// Condition-based maintenance (CBM) renews the most worn-out part as soon as a machine's
/// health score falls below a threshold; it is the hook the control stack drives.
public struct MaintenancePolicySpec: Sendable, Equatable {
    /// When preventive maintenance is due.
    public enum Interval: Sendable, Equatable {
        /// No preventive maintenance.
        case none
        /// After this many running hours since the bearings were renewed.
        case runtimeHours(Double)
        /// After this many days since the bearings were renewed (or since time zero).
        case calendarDays(Double)
    }

    public var preventive: Interval
    /// Length of a PM or CBM job once the technician starts, hours (0.1…720).
    public var preventiveDurationHours: Double
    /// Health score (0…100) below which condition-based maintenance is requested; nil: off.
    public var conditionBasedHealthBelow: Double?

    public init(preventive: Interval, preventiveDurationHours: Double, conditionBasedHealthBelow: Double?) {
        self.preventive = preventive
        self.preventiveDurationHours = preventiveDurationHours
        self.conditionBasedHealthBelow = conditionBasedHealthBelow
    }
}
