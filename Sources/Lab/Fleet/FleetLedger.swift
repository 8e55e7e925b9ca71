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

    /// When each machine left service (failure or start of maintenance); nil while in service.
    var outOfServiceSince: [Double?]
    /// When each machine failed; nil unless it is down after a failure.
    var failedAt: [Double?]
    var outOfServiceHours = 0.0
    var failures = [0, 0, 0]
    var restoreHours = 0.0
    var restores = 0
    var rejections = 0
    /// Hands-on technician hours inside the crew's shifts, and outside them (overtime: a job
    /// finished after its shift ended).
    var technicianOnShiftHours = 0.0
    var technicianOvertimeHours = 0.0
    /// Hours waited for a technician, and technicians granted, per ``JobType`` (raw value).
    var waitHours = [0.0, 0.0, 0.0]
    var grants = [0, 0, 0]
    var preventiveJobs = 0
    var conditionBasedJobs = 0
    var stockouts = 0
    var energyKWh = 0.0
    /// Ground-truth fault rows: machine, mode, onset h, failure h (NaN unless failed), end h,
    /// outcome (0 failed, 1 renewed by maintenance, 2 still developing at the horizon).
    var faultRows: [Double] = []

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
