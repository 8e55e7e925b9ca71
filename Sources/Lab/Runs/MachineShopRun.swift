import SimKernel
import Scenario
import Recording

/// Runs a `machine_shop` scenario and records its time series.
enum MachineShopRun {
    /// Rows between flushes to disk (one HDF5 chunk).
    static let flushEveryRows = HDF5StorageOptions().chunkRows

    static func record(scenario: Scenario, seed: UInt64, horizonHours: Double, into file: HDF5File,
                       progress: ((Double) -> Void)?) throws -> RunOutcome {
        guard case .machineShop(let spec) = scenario.model else {
            throw RunError(code: .simulation, message: "scenario '\(scenario.id)' has no machine_shop section")
        }
        var model = MachineRepairShop()
        model.machines = spec.machines
        model.technicians = spec.technicians
        model.timeToFailure = spec.timeToFailure
        model.repairTime = spec.repairTime
        model.horizonHours = horizonHours
        model.seed = seed
        model.variates = .streams

        let storage = RunOutputEstimate.storage(for: scenario, horizonHours: horizonHours)
        let series = try file.createGroup("timeseries")
        let channels = scenario.recordedChannels ?? MachineShopSpec.channels
        let writer = try series.createTimeSeries(
            "machine_shop", columns: ["time"] + channels, units: ["h"] + channels.map { _ in "count" }, options: storage)
        let events = try file.createTimeSeries("events", columns: ["time", "machine", "kind"],
                                               units: ["h", "index", "code"], options: storage)
        try events.dataset.setAttribute("kinds", MachineRepairShop.Event.Kind.allCases.map(\.name))
        let log = HeldEventLog(writer: events)
        try file.startSingleWriter()
        let tally = RecordingTally()
        let outcome = try model.run(sampleEvery: .minutes(scenario.recordingIntervalMinutes), sample: { sample in
            tally.startRow(atHours: sample.hours)
            for channel in channels {
                switch channel {
                case "machines_down": tally.row.append(Double(sample.machinesDown))
                case "technicians_busy": tally.row.append(Double(sample.techniciansBusy))
                default: tally.row.append(Double(sample.waitingForTechnician))
                }
            }
            tally.combineRow()
            try writer.append(tally.row)
            // Flush at every whole chunk: a killed run leaves a file readable up to here,
            // and the flush points depend only on the row count, so files stay identical.
            if writer.rowCount % flushEveryRows == 0 {
                try log.flush()
                try writer.flush()
            }
            progress?(sample.hours / horizonHours)
        }, events: { event in
            log.append(event.hours, event.machine, event.kind.rawValue)
        })
        try writer.close()
        try log.close()
        var recorded = tally.fingerprint
        recorded.combine(outcome.fingerprint)
        let kpis = [
            RunKPI(name: "availability", value: outcome.availability, unit: "fraction"),
            RunKPI(name: "technician_utilisation", value: outcome.technicianUtilisation, unit: "fraction"),
            RunKPI(name: "failures", value: Double(outcome.failures), unit: "count"),
            RunKPI(name: "repairs_completed", value: Double(outcome.repairsCompleted), unit: "count"),
            RunKPI(name: "mean_wait_for_technician", value: outcome.meanWaitForTechnician, unit: "h"),
        ]
        for kpi in kpis { recorded.combine(kpi.value) }
        return RunOutcome(fingerprint: recorded.hex, events: outcome.events, kpis: kpis)
    }
}
