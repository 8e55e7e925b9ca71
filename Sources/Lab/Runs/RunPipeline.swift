import Foundation
import SimKernel
import Scenario
import Recording
import Catalog

/// Scenario → simulation → HDF5 file → catalog row: the main job end to end.
///
/// The run writes to `<name>.h5.partial` (``RunFileName``) and renames it over the final name
/// only when complete, so a failed or killed run never touches an earlier result and a
/// replacement is atomic; the file's `status` attribute says `incomplete` until the last
/// step. A file already at the final name that holds a different run is refused before the
/// simulation starts unless the request says `overwrite`. The catalog row goes from
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
        let scenarioHash = scenario.contentHash
        let kind = scenario.model.runKind
        let finalPath = (request.outputDirectory as NSString).appendingPathComponent(
            RunFileName.make(scenarioID: scenario.id, seed: seed, horizonHours: horizon, scenarioHash: scenarioHash))
        let partialPath = finalPath + ".partial"
        if !request.overwrite, let conflict = RunFileName.conflict(at: finalPath, scenarioHash: scenarioHash) {
            throw RunError(code: .outputExists,
                           message: "'\(finalPath)' already holds a different run: \(conflict); pass --overwrite to "
                               + "replace it once the new run is complete, or choose another --output folder")
        }

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
            record = try catalog?.beginRun(scenarioID: scenario.id, scenarioHash: scenarioHash, seed: seed,
                                           twinlabVersion: TwinLabVersion.current, outputPath: finalPath,
                                           horizonHours: horizon, runKind: kind)
        } catch {
            throw RunError(code: .catalog, message: "cannot record the run in '\(request.catalogPath ?? "")'", underlying: error)
        }
        let runID = record?.runID ?? "uncatalogued"

        do {
            let file = try HDF5File.create(at: partialPath, singleWriter: true)
            try file.setAttribute("schema", TwinLabVersion.runFileSchema)
            try RunProvenance(
                twinlabVersion: TwinLabVersion.current, scenarioID: scenario.id, scenarioText: scenario.sourceText,
                scenarioHash: scenarioHash, seed: seed, horizonHours: horizon, kind: kind,
                calibration: scenario.calibration.map {
                    RunProvenance.CalibrationEntry(name: $0.name, file: $0.file, sourcePath: $0.sourcePath,
                                                   sha256: $0.sha256, text: $0.text)
                }
            ).write(to: file)
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
            try replace(finalPath, with: partialPath)
            let elapsed = ContinuousClock.now - clock
            let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            // BOPTEST's time_rat: wall clock is not deterministic, so it stays out of the run
            // file and the fingerprint and goes to the summary and the catalog only.
            let kpis = outcome.kpis + [RunKPI(name: "time_ratio", value: wall / max(horizon * 3600, 1e-9), unit: "s/s")]
            _ = try catalog?.finishRun(id: runID, status: .complete, fingerprint: outcome.fingerprint,
                                       kpis: kpis.map { KPI($0.name, $0.value) }, wallSeconds: wall)
            // An overwritten different run's row must not point at this file any more.
            try catalog?.detachOutput(path: finalPath, keepingFingerprint: outcome.fingerprint, exceptRun: runID)
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

    /// Moves the finished `partial` file to `path` with one rename(2): an earlier file at
    /// `path` stays whole until the instant it is replaced, and is never deleted first.
    static func replace(_ path: String, with partial: String) throws {
        guard rename(partial, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw RunError(code: .output, message: "cannot rename '\(partial)' to '\(path)': \(reason)")
        }
    }
}

extension Scenario.Model {
    /// What a run of this model holds (the run file's `run_kind`).
    var runKind: RunKind {
        switch self {
        case .facility: .facility
        case .fleet: .fleet
        case .processing: .processing
        case .machineShop: .machineShop
        }
    }
}
