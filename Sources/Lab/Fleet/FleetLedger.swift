import TwinModels

/// Running totals of a fleet run, in hours: what the KPIs and the fault labels are made of.
///
/// Times are exact event times, not step-rounded, so availability and repair times match the
/// event log.
final class FleetLedger {
    /// The kinds of work order a technician is waited for, in KPI order.
    enum JobType: Int, CaseIterable {
        case corrective, preventive, conditionBased

        /// The suffix of the job type's `mean_wait_for_technician_<suffix>` KPI.
        var name: String {
            switch self {
            case .corrective: "corrective"
            case .preventive: "preventive"
            case .conditionBased: "condition_based"
            }
        }
    }

    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    /// When each machine left service (failure or start of maintenance); nil while in service.
    @exclusivity(unchecked) var outOfServiceSince: [Double?]
    /// When each machine failed; nil unless it is down after a failure.
    @exclusivity(unchecked) var failedAt: [Double?]
    @exclusivity(unchecked) var outOfServiceHours = 0.0
    @exclusivity(unchecked) var failures = [0, 0, 0]
    @exclusivity(unchecked) var restoreHours = 0.0
    @exclusivity(unchecked) var restores = 0
    @exclusivity(unchecked) var rejections = 0
    /// Hands-on technician hours inside the crew's shifts, and outside them (overtime: a job
    /// finished after its shift ended).
    @exclusivity(unchecked) var technicianOnShiftHours = 0.0
    @exclusivity(unchecked) var technicianOvertimeHours = 0.0
    /// Hours waited for a technician, and technicians granted, per ``JobType`` (raw value).
    @exclusivity(unchecked) var waitHours = [0.0, 0.0, 0.0]
    @exclusivity(unchecked) var grants = [0, 0, 0]
    @exclusivity(unchecked) var preventiveJobs = 0
    @exclusivity(unchecked) var conditionBasedJobs = 0
    @exclusivity(unchecked) var stockouts = 0
    @exclusivity(unchecked) var energyKWh = 0.0
    /// Ground-truth fault rows: machine, mode, onset h, failure h (NaN unless failed), end h,
    /// outcome (0 failed, 1 renewed by maintenance, 2 still developing at the horizon).
    @exclusivity(unchecked) var faultRows: [Double] = []

    init(machines: Int) {
        outOfServiceSince = Array(repeating: nil, count: machines)
        failedAt = Array(repeating: nil, count: machines)
    }

    var failureCount: Int { failures[0] + failures[1] + failures[2] }

    func leaveService(_ machine: Int, at hours: Double) {
        if outOfServiceSince[machine] == nil { outOfServiceSince[machine] = hours }
    }

    func returnToService(_ machine: Int, at hours: Double) {
        if let since = outOfServiceSince[machine] { outOfServiceHours += hours - since }
        outOfServiceSince[machine] = nil
        if let failed = failedAt[machine] {
            restoreHours += hours - failed
            restores += 1
        }
        failedAt[machine] = nil
    }

    /// Books a failure of `machine` reported at `hours`: the count by mode, leaving service,
    /// and its ground-truth fault row (onset from the model, failure at the exact instant).
    func recordFailure(_ machine: Int, _ failure: MachineFailure, onsetSeconds: Double?, at hours: Double) {
        failures[FailureMode.allCases.firstIndex(of: failure.mode) ?? 0] += 1
        leaveService(machine, at: hours)
        failedAt[machine] = hours
        addFault(machine: machine, mode: failure.mode, onsetSeconds: onsetSeconds,
                 failureHours: failure.timeSeconds / 3600, endHours: failure.timeSeconds / 3600, outcome: 0)
    }

    func addFault(machine: Int, mode: FailureMode, onsetSeconds: Double?, failureHours: Double?, endHours: Double,
                  outcome: Int) {
        faultRows += [Double(machine), Double(FailureMode.allCases.firstIndex(of: mode) ?? 0),
                      onsetSeconds.map { $0 / 3600 } ?? .nan, failureHours ?? .nan, endHours, Double(outcome)]
    }
}
