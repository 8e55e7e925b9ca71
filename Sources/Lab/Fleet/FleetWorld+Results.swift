import TwinModels
import Scenario

extension FleetWorld {
    /// The run's KPIs: availability, failures by mode, MTBF, MTTR, approval rejections, crew
    /// utilisation and waits, maintenance counts, spare-part stockouts and energy.
    ///
    /// - availability: fraction of machine-hours in service (ONLINE and not failed); planned
    ///   maintenance counts as out of service.
    /// - MTBF: in-service machine-hours per failure (0 when nothing failed).
    /// - MTTR: mean time from failure to approval (waits for parts and technicians, repair,
    ///   review and rework included), i.e. mean time to restore.
    /// - technician utilisation: hands-on hours over the crew's on-duty hours (overtime can
    ///   push it above 1).
    func kpis() -> [RunKPI] {
        let end = horizon.inHours
        var outOfService = ledger.outOfServiceHours
        for since in ledger.outOfServiceSince { if let since { outOfService += end - since } }
        let machineHours = Double(ids.count) * end
        let inService = machineHours - outOfService
        let failures = ledger.failureCount
        let onDuty = Double(spec.technicians.count) * Self.onDutyHours(spec.technicians.shift, until: end)
        return [
            RunKPI(name: "availability", value: machineHours > 0 ? inService / machineHours : 0, unit: "fraction"),
            RunKPI(name: "failures", value: Double(failures), unit: "count"),
            RunKPI(name: "failures_bearing", value: Double(ledger.failures[0]), unit: "count"),
            RunKPI(name: "failures_insulation", value: Double(ledger.failures[1]), unit: "count"),
            RunKPI(name: "failures_electrical", value: Double(ledger.failures[2]), unit: "count"),
            RunKPI(name: "mtbf", value: failures > 0 ? inService / Double(failures) : 0, unit: "h"),
            RunKPI(name: "mttr", value: ledger.restores > 0 ? ledger.restoreHours / Double(ledger.restores) : 0, unit: "h"),
            RunKPI(name: "repairs_rejected", value: Double(ledger.rejections), unit: "count"),
            RunKPI(name: "technician_utilisation", value: onDuty > 0 ? ledger.technicianBusyHours / onDuty : 0,
                   unit: "fraction"),
            RunKPI(name: "mean_wait_for_technician",
                   value: ledger.correctiveRequests > 0 ? ledger.correctiveWaitHours / Double(ledger.correctiveRequests) : 0,
                   unit: "h"),
            RunKPI(name: "preventive_maintenance", value: Double(ledger.preventiveJobs), unit: "count"),
            RunKPI(name: "condition_based_maintenance", value: Double(ledger.conditionBasedJobs), unit: "count"),
            RunKPI(name: "spare_part_stockouts", value: Double(ledger.stockouts), unit: "count"),
            RunKPI(name: "energy_total", value: ledger.energyKWh, unit: "kWh"),
        ]
    }

    /// Ground truth for ML (`labels/machine_faults`): one row per fault episode.
    func labels() -> [ResultTable] {
        [ResultTable(group: "labels", name: "machine_faults",
                     columns: ["machine", "mode", "onset", "failure", "end", "outcome"],
                     units: ["index", "code", "h", "h", "h", "code"], values: ledger.faultRows,
                     names: [("machines", ids), ("modes", FailureMode.allCases.map(\.rawValue)),
                             ("outcomes", ["failed", "maintained", "open"])])]
    }

    /// Hours on duty of one technician from time zero to `end`.
    static func onDutyHours(_ shift: TechniciansSpec.Shift?, until end: Double) -> Double {
        guard let shift else { return end }
        var t = 0.0, total = 0.0
        var on = shift.isOnDuty(atHours: 0)
        while t < end {
            let next = min(shift.nextChange(afterHours: t), end)
            if on { total += next - t }
            t = next
            on.toggle()
        }
        return total
    }
}
