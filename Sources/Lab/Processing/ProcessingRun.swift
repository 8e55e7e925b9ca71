import SimKernel
import Scenario
import Recording

/// Runs a `processing` scenario: the post-harvest plant, sampled every recording interval.
///
/// File layout (docs/run-file-format.md): `timeseries/processing` (queues, utilisation, room
/// conditions, rolling predictor accuracy), `processing/batches` (one traceability row per
/// batch), `processing/prediction` (features + lab grade per graded batch),
/// `labels/trimmer_breakdowns`, and KPIs.
enum ProcessingRun {
    static let flushEveryRows = HDF5StorageOptions().chunkRows

    static func record(scenario: Scenario, seed: UInt64, horizonHours: Double, into file: HDF5File?,
                       progress: ((Double) -> Void)?) throws -> RunOutcome {
        guard case .processing(let spec) = scenario.model else {
            throw RunError(code: .simulation, message: "scenario '\(scenario.id)' has no processing section")
        }
        let plant = try ProcessingPlant(spec: spec, seed: seed, horizonHours: horizonHours)
        let channels = scenario.recordedChannels ?? ProcessingSpec.channels
        var writer: TimeSeriesWriter?
        if let file {
            let storage = RunOutputEstimate.storage(for: scenario, horizonHours: horizonHours)
            let series = try file.createGroup("timeseries")
            writer = try series.createTimeSeries("processing", columns: ["time"] + channels,
                                                 units: ["h"] + channels.map(ProcessingPlant.unit(of:)), options: storage)
            try file.startSingleWriter()
        }
        // The predictor's rolling accuracy is evaluated once a day, before the day's sample.
        plant.simulation.every(SimTime.hours(24.0), startingAt: .zero, priority: .low, label: "predictor") { sim in
            plant.monitor.evaluate(atDays: sim.now.inDays)
            return true
        }
        let tally = RecordingTally()
        if let writer {
            plant.simulation.every(.minutes(scenario.recordingIntervalMinutes), startingAt: .zero, priority: .low,
                                   label: "record") { sim in
                tally.startRow(atHours: sim.now.inHours)
                for channel in channels { tally.row.append(plant.channel(channel)) }
                tally.combineRow()
                try writer.append(tally.row)
                if writer.rowCount % flushEveryRows == 0 { try writer.flush() }
                progress?(sim.now.inHours / horizonHours)
                return true
            }
        }
        try plant.run()
        try writer?.close()
        let kpis = plant.kpis()
        var recorded = tally.fingerprint
        for kpi in kpis { recorded.combine(kpi.value) }
        let tables = plant.tables()
        for table in tables { for value in table.values { recorded.combine(value) } }
        recorded.combine(plant.simulation.fingerprint.hex)
        return RunOutcome(fingerprint: recorded.hex, events: plant.simulation.eventsProcessed, kpis: kpis, tables: tables)
    }
}
