import TwinModels
import Scenario
import Control

extension FleetWorld {
    /// The run's KPIs: availability, failures by mode, MTBF, MTTR, approval rejections, crew
    /// utilisation, overtime and waits, maintenance counts, spare-part stockouts, energy, and
    /// the crew's and the downtime's cost.
    ///
    /// - availability: fraction of machine-hours in service (ONLINE and not failed); planned
    ///   maintenance counts as out of service.
    /// - MTBF: in-service machine-hours per failure (0 when nothing failed).
    /// - MTTR: mean time from failure to approval (waits for parts and technicians, repair,
    ///   review and rework included), i.e. mean time to restore.
    /// - technician utilisation: hands-on hours inside the shifts over the crew's shift hours
    ///   (≤ 1); the hands-on hours after a shift ended are `technician_overtime_hours`.
    /// - waits for a technician: from asking (after the part is there) to being granted one,
    ///   over all work orders and per job type; 0 for a type without orders.
    /// - technician cost: shift hours (paid, busy or not) × `cost_per_hour` + overtime hours ×
    ///   `overtime_cost_per_hour`.
    /// - downtime: machine-hours out of service (failed, waiting, in repair or maintenance);
    ///   downtime cost = downtime hours × `downtime_cost_per_hour`; maintenance cost = technician
    ///   cost + downtime cost.
    /// - prevented failures: fault episodes that had started (past their onset) and were
    ///   ended by maintenance before the part failed (`labels/machine_faults` outcome
    ///   `maintained`).
    func kpis() -> [RunKPI] {
        let end = horizon.inHours
        var outOfService = ledger.outOfServiceHours
        for since in ledger.outOfServiceSince { if let since { outOfService += end - since } }
        let machineHours = Double(ids.count) * end
        let inService = machineHours - outOfService
        let failures = ledger.failureCount
        let crew = spec.technicians
        let onDuty = Double(crew.count) * (crew.shift?.workingHours(from: 0, to: end) ?? end)
        let technicianCost = onDuty * crew.costPerHour + ledger.technicianOvertimeHours * crew.overtimeCostPerHour
        let downtimeCost = outOfService * spec.downtimeCostPerHour
        let mean = { (hours: Double, count: Int) in count > 0 ? hours / Double(count) : 0 }
        let waits = FleetLedger.JobType.allCases.map { job in
            RunKPI(name: "mean_wait_for_technician_\(job.name)",
                   value: mean(ledger.waitHours[job.rawValue], ledger.grants[job.rawValue]), unit: "h")
        }
        let preventedFailures = stride(from: 5, to: ledger.faultRows.count, by: 6).filter { ledger.faultRows[$0] == 1 }.count
        return [
            RunKPI(name: "availability", value: machineHours > 0 ? inService / machineHours : 0, unit: "fraction"),
            RunKPI(name: "failures", value: Double(failures), unit: "count"),
            RunKPI(name: "failures_bearing", value: Double(ledger.failures[0]), unit: "count"),
            RunKPI(name: "failures_insulation", value: Double(ledger.failures[1]), unit: "count"),
            RunKPI(name: "failures_electrical", value: Double(ledger.failures[2]), unit: "count"),
            RunKPI(name: "downtime_hours", value: outOfService, unit: "h"),
            RunKPI(name: "prevented_failures", value: Double(preventedFailures), unit: "count"),
            RunKPI(name: "mtbf", value: failures > 0 ? inService / Double(failures) : 0, unit: "h"),
            RunKPI(name: "mttr", value: ledger.restores > 0 ? ledger.restoreHours / Double(ledger.restores) : 0, unit: "h"),
            RunKPI(name: "repairs_rejected", value: Double(ledger.rejections), unit: "count"),
            RunKPI(name: "technician_utilisation", value: onDuty > 0 ? ledger.technicianOnShiftHours / onDuty : 0,
                   unit: "fraction"),
            RunKPI(name: "technician_shift_hours", value: onDuty, unit: "h"),
            RunKPI(name: "technician_overtime_hours", value: ledger.technicianOvertimeHours, unit: "h"),
            RunKPI(name: "mean_wait_for_technician",
                   value: mean(ledger.waitHours.reduce(0, +), ledger.grants.reduce(0, +)), unit: "h"),
        ] + waits + [
            RunKPI(name: "preventive_maintenance", value: Double(ledger.preventiveJobs), unit: "count"),
            RunKPI(name: "condition_based_maintenance", value: Double(ledger.conditionBasedJobs), unit: "count"),
            RunKPI(name: "spare_part_stockouts", value: Double(ledger.stockouts), unit: "count"),
            RunKPI(name: "energy_total", value: ledger.energyKWh, unit: "kWh"),
            RunKPI(name: "technician_cost", value: technicianCost, unit: "currency"),
            RunKPI(name: "downtime_cost", value: downtimeCost, unit: "currency"),
            RunKPI(name: "maintenance_cost", value: technicianCost + downtimeCost, unit: "currency"),
            RunKPI(name: "alerts", value: Double(alerts.engines.reduce(0) { $0 + $1.alerts.count }), unit: "count"),
            RunKPI(name: "critical_alerts", value: Double(alerts.engines.reduce(0) {
                $0 + $1.alerts.filter { $0.severity == .critical }.count }), unit: "count"),
            RunKPI(name: "decisions", value: Double(alerts.decisionCount), unit: "count"),
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

    /// Every alert the rules raised (`alerts/machines`): machine, rule, severity, start, end
    /// (NaN while open at the horizon), peak measure.
    func alertTable() -> ResultTable {
        var values: [Double] = []
        for (index, engine) in alerts.engines.enumerated() {
            for alert in engine.alerts {
                values += [Double(index), Double(alert.ruleIndex), Double(alert.severity.level), alert.start / 3600,
                           alert.end.map { $0 / 3600 } ?? .nan, alert.peakValue]
            }
        }
        return ResultTable(group: "alerts", name: "machines",
                           columns: ["machine", "rule", "severity", "start", "end", "peak"],
                           units: ["index", "index", "level", "h", "h", ""], values: values,
                           names: [("machines", ids), ("rules", alerts.rules.map(\.id)),
                                   ("severities", ["INFO", "WARNING", "CRITICAL"])])
    }

    /// The decision agent's audit log (`decisions/audit`): one row per decision on a raised
    /// alert; per-row texts (inputs digest, root cause, reasoning, recommendation) are
    /// string-array attributes in row order.
    func auditTable() -> ResultTable {
        var names: [(attribute: String, values: [String])] = [
            ("agent", [alerts.agent?.name ?? "none"]), ("machines", ids), ("rules", alerts.rules.map(\.id)),
            ("severities", ["INFO", "WARNING", "CRITICAL"]), ("risks", Decision.RiskLevel.allCases.map(\.rawValue)),
            ("actions", Decision.Action.allCases.map(\.rawValue)), ("outcomes", FleetAlerts.outcomes),
        ]
        if alerts.decisionCount > 0 {
            names += alerts.texts.attributes + [("decided_by", alerts.decidedBy), ("notes", alerts.notes)]
        }
        return ResultTable(group: "decisions", name: "audit",
                           columns: ["time", "machine", "rule", "severity", "value", "health", "risk", "action",
                                     "estimated_savings", "prevented_loss", "outcome", "work_order"],
                           units: ["h", "index", "index", "level", "", "0-100", "code", "code", "currency", "currency",
                                   "code", "sequence"],
                           values: alerts.auditRows, names: names)
    }
}
