import Foundation
import SimKernel
import TwinModels
import Scenario
import Recording

/// Runs a `fleet` scenario: machine twins degrading, failing and being maintained, recorded
/// every recording interval.
///
/// File layout (docs/run-file-format.md): `timeseries/machines/<id>` per machine, `events`
/// (failures, repairs, approvals, maintenance, part shortages, restocks),
/// `labels/machine_faults` (ground truth) and KPIs.
enum FleetRun {
    /// Rows between flushes to disk (one HDF5 chunk).
    static let flushEveryRows = HDF5StorageOptions().chunkRows

    static func record(scenario: Scenario, seed: UInt64, horizonHours: Double, into file: HDF5File?,
                       progress: ((Double) -> Void)?,
                       parameters: (MachineKind) -> MachineParameters = MachineParameters.preset(for:)) throws -> RunOutcome {
        guard case .fleet(let spec) = scenario.model else {
            throw RunError(code: .simulation, message: "scenario '\(scenario.id)' has no fleet section")
        }
        let world: FleetWorld
        do {
            world = try FleetWorld(spec: spec, seed: seed, horizonHours: horizonHours, parameters: parameters)
        } catch let error as RunError {
            throw error  // the agent's own input errors (a missing cassette, an unset API-key variable)
        } catch {
            throw RunError(code: .simulation, message: "cannot build the fleet of '\(scenario.id)'", underlying: error)
        }
        let monitor = try FleetMonitor(world: world, spec: scenario.detection)
        monitor.start(on: world)
        let storage = RunOutputEstimate.storage(for: scenario, horizonHours: horizonHours)
        let channels = (scenario.recordedChannels ?? FleetSpec.machineChannels).compactMap(MachineChannel.init(rawValue:))

        var writers: [TimeSeriesWriter] = []
        var events: TimeSeriesWriter?
        if let file {
            let machinesGroup = try file.createGroup("timeseries").createGroup("machines")
            for (index, id) in world.ids.enumerated() {
                let writer = try machinesGroup.createTimeSeries(
                    id, columns: ["time"] + channels.map(\.rawValue), units: ["h"] + channels.map(\.unit), options: storage)
                let model = world.models[index]
                try writer.dataset.setAttribute("kind", model.parameters.kind.rawValue)
                try writer.dataset.setAttribute("rated_power_kw", model.parameters.ratedPower)
                try writer.dataset.setAttribute("load", world.conditions[index].load)
                writers.append(writer)
            }
            events = try file.createTimeSeries("events", columns: ["time", "machine", "kind", "value"],
                                               units: ["h", "index", "code", ""], options: storage)
            try events?.dataset.setAttribute("kinds", FleetEventKind.allCases.map(\.name))
            try events?.dataset.setAttribute("machines", world.ids)
            try events?.dataset.setAttribute("modes", FailureMode.allCases.map(\.rawValue))
            if !spec.rules.isEmpty { try events?.dataset.setAttribute("rules", spec.rules.map(\.id)) }
            try file.startSingleWriter()
        }

        let tally = RecordingTally()
        let log = HeldEventLog(writer: events)
        world.onEvent = { hours, machine, kind, value in
            log.append(hours, machine, kind.rawValue, value)
            tally.fingerprint.combine(hours)
            tally.fingerprint.combine(value)
        }
        // High priority: a row at t shows the machines as the step ending at t left them,
        // before the step starting at t advances them.
        if file != nil {
            world.simulation.every(.minutes(scenario.recordingIntervalMinutes), startingAt: .zero, priority: .high,
                                   label: "record") { sim in
                let hours = sim.now.inHours
                for index in writers.indices {
                    tally.startRow(atHours: hours)
                    for channel in channels {
                        tally.row.append(channel.value(of: world.models[index], under: world.conditions[index]))
                    }
                    tally.combineRow()
                    try writers[index].append(tally.row)
                }
                tally.rows += 1
                // Flush whole chunks at row counts only, so flush points (and files) are deterministic.
                if tally.rows % flushEveryRows == 0 {
                    try log.flush()
                    for writer in writers { try writer.flush() }
                }
                progress?(hours / horizonHours)
                return true
            }
        }
        try world.run()
        do {
            try world.alerts.agent?.finishRun()
        } catch {
            throw RunError(code: .input, message: "the decision agent of '\(scenario.id)' failed", underlying: error)
        }

        try log.close()
        for writer in writers { try writer.close() }
        let detection = try monitor.log.score(episodes: monitor.episodes(world: world))
        let opportunities = monitor.opportunityResults(world: world)
        let kpis = world.kpis() + opportunities.kpis + detection.kpis
        var recorded = tally.fingerprint
        for kpi in kpis { recorded.combine(kpi.value) }
        recorded.combine(world.simulation.fingerprint.hex)
        return RunOutcome(fingerprint: recorded.hex, events: world.simulation.eventsProcessed, kpis: kpis,
                          tables: world.labels() + [world.alertTable(), world.auditTable(), opportunities.table,
                                                    detection.table])
    }
}
