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

        let storage = HDF5StorageOptions(deflateLevel: scenario.compressionLevel == 0 ? nil : scenario.compressionLevel)
        let series = try file.createGroup("timeseries")
        let channels = scenario.recordedChannels ?? MachineShopSpec.channels
        let writer = try series.createTimeSeries(
            "machine_shop", columns: ["time"] + channels, units: ["h"] + channels.map { _ in "count" }, options: storage)
        let log = try file.createTimeSeries("events", columns: ["time", "machine", "kind"], units: ["h", "index", "code"],
                                            options: storage)
        try log.dataset.setAttribute("kinds", MachineRepairShop.Event.Kind.allCases.map(\.name))
        // Events wait in memory and reach the file only at flush points: between flushes the
        // file's metadata then never changes, so a killed run leaves the last flushed state.
        var pendingEvents: [Double] = []
        try file.startSingleWriter()
        var recorded = RunFingerprint()
        let outcome = try model.run(sampleEvery: .minutes(scenario.recordingIntervalMinutes), sample: { sample in
            let row = [sample.hours] + channels.map { channel -> Double in
                switch channel {
                case "machines_down": Double(sample.machinesDown)
                case "technicians_busy": Double(sample.techniciansBusy)
                default: Double(sample.waitingForTechnician)
                }
            }
            for value in row { recorded.combine(value) }
            try writer.append(row)
            // Flush at every whole chunk: a killed run leaves a file readable up to here,
            // and the flush points depend only on the row count, so files stay identical.
            if writer.rowCount % flushEveryRows == 0 {
                try log.append(flatRows: pendingEvents)
                pendingEvents.removeAll(keepingCapacity: true)
                try log.flush()
                try writer.flush()
            }
            progress?(sample.hours / horizonHours)
        }, events: { event in
            pendingEvents += [event.hours, Double(event.machine), Double(event.kind.rawValue)]
        })
        try log.append(flatRows: pendingEvents)
        try writer.close()
        try log.close()
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
