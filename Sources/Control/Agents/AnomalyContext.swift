/// What a decision agent knows when an alert is raised on a machine.
///
/// Numbers are in the units of the machine twin: °C, kW, mm/s, hours, currency per hour.
public struct AnomalyContext: Sendable, Hashable {
    /// The signal family the alert's rule reads.
    public enum Signal: String, Sendable, Hashable, CaseIterable {
        case temperature, power, vibration, other
    }

    /// The machine's id, e.g. `"pump-3"`.
    public var machineID: String
    /// The machine kind, e.g. `"pump"`.
    public var kind: String
    /// Simulation time of the raise, h.
    public var timeHours: Double
    /// The rule's id, e.g. `"temperature-warning"`.
    public var ruleID: String
    public var severity: RuleSeverity
    public var signal: Signal
    /// The reading that raised the alert, signal unit.
    public var value: Double
    /// Last readings (oldest first): frame temperature °C, power kW (NaN while stopped),
    /// vibration mm/s.
    public var recentTemperature: [Double]
    public var recentPower: [Double]
    public var recentVibration: [Double]
    /// Health score now, 0…100 (100 = new).
    public var healthScore: Double
    /// Whether the machine already has an open work order (or is down).
    public var openWorkOrder: Bool
    /// Maintenance and repair jobs started on this machine so far.
    public var maintenanceCount: Int
    /// Rated electric power, kW.
    public var ratedPowerKW: Double
    /// Mean hands-on time of a corrective repair, h (the scenario's repair-time distribution).
    public var meanRepairHours: Double
    /// Duration of a planned (condition-based) maintenance job, h.
    public var plannedMaintenanceHours: Double
    /// Cost of one hour of this machine out of service, currency per hour (scenario key
    /// `downtime_cost_per_hour`).
    public var downtimeCostPerHour: Double

    public init(machineID: String, kind: String, timeHours: Double, ruleID: String, severity: RuleSeverity,
                signal: Signal, value: Double, recentTemperature: [Double], recentPower: [Double],
                recentVibration: [Double], healthScore: Double, openWorkOrder: Bool, maintenanceCount: Int,
                ratedPowerKW: Double, meanRepairHours: Double, plannedMaintenanceHours: Double,
                downtimeCostPerHour: Double) {
        self.machineID = machineID
        self.kind = kind
        self.timeHours = timeHours
        self.ruleID = ruleID
        self.severity = severity
        self.signal = signal
        self.value = value
        self.recentTemperature = recentTemperature
        self.recentPower = recentPower
        self.recentVibration = recentVibration
        self.healthScore = healthScore
        self.openWorkOrder = openWorkOrder
        self.maintenanceCount = maintenanceCount
        self.ratedPowerKW = ratedPowerKW
        self.meanRepairHours = meanRepairHours
        self.plannedMaintenanceHours = plannedMaintenanceHours
        self.downtimeCostPerHour = downtimeCostPerHour
    }

    /// Every number of the context in a fixed order, for the audit log's inputs digest.
    public var numbers: [Double] {
        [timeHours, Double(severity.level), value] + recentTemperature + recentPower + recentVibration
            + [healthScore, openWorkOrder ? 1 : 0, Double(maintenanceCount), ratedPowerKW, meanRepairHours,
               plannedMaintenanceHours, downtimeCostPerHour]
    }
}
