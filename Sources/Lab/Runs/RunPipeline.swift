import Foundation
import SimKernel
import Scenario
import Recording
import Catalog

/// Scenario → simulation → HDF5 file → catalog row: the main job end to end.
///
/// The run writes to `<id>-seed<seed>.h5.partial` and renames it only when complete,
/// so a failed or killed run never replaces an earlier result; the file's `status`
/// attribute says `incomplete` until the last step. The catalog row goes from
/// `running` to `complete` or `failed`.
public enum RunPipeline {
    public static func execute(_ request: RunRequest, progress: ((Double) -> Void)? = nil) throws -> RunSummary {
        let scenario = request.effectiveScenario
        let seed = request.effectiveSeed
        let horizon = request.effectiveHorizonHours
        let clock = ContinuousClock.now
        do {
            try FileManager.default.createDirectory(atPath: request.outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw RunError(code: .output, message: "cannot create output folder '\(request.outputDirectory)'", underlying: error)
        }
        let finalPath = (request.outputDirectory as NSString).appendingPathComponent("\(scenario.id)-seed\(seed).h5")
        let partialPath = finalPath + ".partial"
        var scenarioHash = RunFingerprint()
        scenarioHash.combine(scenario.sourceText)

        let catalog: RunCatalog?
        let record: RunRecord?
        do {
            catalog = try request.catalogPath.map { path in
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty
                    ? "." : (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                return try RunCatalog(path: path)
            }
            // Runs whose writer died (killed, crashed) are marked incomplete before a new one starts.
            _ = try catalog?.reconcile()
            record = try catalog?.beginRun(scenarioID: scenario.id, scenarioHash: scenarioHash.hex, seed: seed,
                                           twinlabVersion: TwinLabVersion.current, outputPath: finalPath)
        } catch {
            throw RunError(code: .catalog, message: "cannot record the run in '\(request.catalogPath ?? "")'", underlying: error)
        }
        let runID = record?.runID ?? "uncatalogued"

        do {
            let file = try HDF5File.create(at: partialPath, singleWriter: true)
            try file.setAttribute("schema", TwinLabVersion.runFileSchema)
            try file.setAttribute("twinlab_version", TwinLabVersion.current)
            try file.setAttribute("scenario_id", scenario.id)
            try file.setAttribute("scenario_text", scenario.sourceText)
            try file.setAttribute("scenario_hash", scenarioHash.hex)
            try file.setAttribute("seed", String(seed))
            try file.setAttribute("horizon_hours", horizon)
            try file.setAttribute("status", "incomplete")
            let outcome: RunOutcome
            switch scenario.model {
            case .machineShop:
                outcome = try MachineShopRun.record(scenario: scenario, seed: seed, horizonHours: horizon,
                                                    into: file, progress: progress)
            case .facility:
                outcome = try FacilityRun.record(scenario: scenario, seed: seed, horizonHours: horizon,
                                                 into: file, progress: progress)
            case .processing:
                outcome = try ProcessingRun.record(scenario: scenario, seed: seed, horizonHours: horizon,
                                                   into: file, progress: progress)
            case .fleet:
                outcome = try FleetRun.record(scenario: scenario, seed: seed, horizonHours: horizon,
                                              into: file, progress: progress)
            }
            try file.close()
            // Single-writer mode allows no new objects, so the results go in after a reopen.
            let finished = try HDF5File.open(at: partialPath, mode: .readWrite)
            try finished.setAttribute("fingerprint", outcome.fingerprint)
            let kpiGroup = try finished.createGroup("kpis")
            for kpi in outcome.kpis {
                try kpiGroup.setAttribute(kpi.name, kpi.value)
            }
            try kpiGroup.setAttribute("units", outcome.kpis.map { "\($0.name)=\($0.unit)" })
            var groups: [String: HDF5Group] = [:]
            for table in outcome.tables {
                let group = try groups[table.group] ?? finished.createGroup(table.group)
                groups[table.group] = group
                let writer = try group.createTimeSeries(table.name, columns: table.columns, units: table.units)
                try writer.append(flatRows: table.values)
                for (attribute, names) in table.names { try writer.dataset.setAttribute(attribute, names) }
                try writer.close()
            }
            try finished.setAttribute("status", "complete")
            try finished.close()
            if FileManager.default.fileExists(atPath: finalPath) { try FileManager.default.removeItem(atPath: finalPath) }
            try FileManager.default.moveItem(atPath: partialPath, toPath: finalPath)
            let elapsed = ContinuousClock.now - clock
            let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            // BOPTEST's time_rat: wall clock is not deterministic, so it stays out of the run
            // file and the fingerprint and goes to the summary and the catalog only.
            let kpis = outcome.kpis + [RunKPI(name: "time_ratio", value: wall / max(horizon * 3600, 1e-9), unit: "s/s")]
            _ = try catalog?.finishRun(id: runID, status: .complete, fingerprint: outcome.fingerprint,
                                       kpis: kpis.map { KPI($0.name, $0.value) }, wallSeconds: wall)
            return RunSummary(runID: runID, scenarioID: scenario.id, seed: seed, horizonHours: horizon,
                              fingerprint: outcome.fingerprint, outputPath: finalPath, events: outcome.events,
                              wallSeconds: wall, kpis: kpis)
        } catch {
            _ = try? catalog?.finishRun(id: runID, status: .failed, fingerprint: nil, error: "\(error)")
            if let error = error as? RunError { throw error }
            let code: RunError.Code = error is SimulationError ? .simulation : .output
            throw RunError(code: code, message: "run \(runID) of '\(scenario.id)' failed", underlying: error)
        }
    }
}
