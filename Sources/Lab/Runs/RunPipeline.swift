import Foundation
import SimKernel
import Scenario
import Recording
import Catalog

/// Scenario → simulation → HDF5 file → catalog row: the main job end to end.
///
/// The write path is ordered so that a result is durable and true before anything calls it
/// complete, whatever instant the process dies at (``RunCrashPoint`` names the instants the
/// tests kill it at):
/// 1. claim the output name (``OutputClaim``): a second writer of the same file is refused;
/// 2. refuse a file at the final name that holds a different run, unless `overwrite`;
/// 3. add a `running` catalog row that points at the partial file `<name>.h5.partial`;
/// 4. simulate into the partial file (`status = incomplete`, readable up to its last flush);
/// 5. write the results and `status = complete`, close every HDF5 handle, `fsync` the file;
/// 6. rename it over the final name (atomic: an earlier result is replaced, never deleted
///    first) and `fsync` the folder;
/// 7. only then mark the row `complete`, pointing at the final name.
///
/// A failed run's row says `failed` and points at its partial file; when the disk filled up,
/// the partial is deleted first so the catalog and later runs have room.
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
        let finalPath = (request.outputDirectory as NSString).appendingPathComponent(
            RunFileName.make(scenarioID: scenario.id, seed: seed, horizonHours: horizon, scenarioHash: scenarioHash))
        let partialPath = finalPath + ".partial"
        let claim = try OutputClaim.acquire(for: finalPath)
        defer { claim.release() }
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
                                           twinlabVersion: TwinLabVersion.current, outputPath: partialPath,
                                           horizonHours: horizon, runKind: scenario.model.runKind)
        } catch {
            let full = isDiskFull(error) || FileDurability.isFull(at: request.catalogPath ?? ".")
            throw RunError(code: full ? .diskFull : .catalog,
                           message: "cannot record the run in '\(request.catalogPath ?? "")'"
                               + (full ? ": the disk is full; free some space and run again" : ""),
                           underlying: error)
        }
        let runID = record?.runID ?? "uncatalogued"

        let outcome: RunOutcome
        do {
            outcome = try recordSimulation(scenario, seed: seed, horizon: horizon, into: partialPath, progress: progress)
            RunCrashPoint.afterSimulation.reach()
            try storeResults(outcome, in: partialPath)
            RunCrashPoint.afterClose.reach()
            try FileDurability.sync(partialPath)
            RunCrashPoint.beforeRename.reach()
            try FileDurability.publish(partialPath, as: finalPath)
            RunCrashPoint.afterRename.reach()
        } catch {
            throw failed(runID, of: scenario, partialPath: partialPath, catalog: catalog, error: error)
        }

        let elapsed = ContinuousClock.now - clock
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        // BOPTEST's time_rat: wall clock is not deterministic, so it stays out of the run
        // file and the fingerprint and goes to the summary and the catalog only.
        let kpis = outcome.kpis + [RunKPI(name: "time_ratio", value: wall / max(horizon * 3600, 1e-9), unit: "s/s")]
        do {
            _ = try catalog?.finishRun(id: runID, status: .complete, fingerprint: outcome.fingerprint,
                                       kpis: kpis.map { KPI($0.name, $0.value) }, wallSeconds: wall,
                                       outputPath: finalPath)
            RunCrashPoint.afterCatalog.reach()
            // An overwritten different run's row must not point at this file any more.
            try catalog?.detachOutput(path: finalPath, keepingFingerprint: outcome.fingerprint, exceptRun: runID)
        } catch {
            throw RunError(code: isDiskFull(error) ? .diskFull : .catalog,
                           message: "run \(runID) is complete in '\(finalPath)', but its catalog row in "
                               + "'\(request.catalogPath ?? "")' could not be updated", underlying: error)
        }
        return RunSummary(runID: runID, scenarioID: scenario.id, seed: seed, horizonHours: horizon,
                          fingerprint: outcome.fingerprint, outputPath: finalPath, events: outcome.events,
                          wallSeconds: wall, kpis: kpis)
    }

    /// Creates the partial file, writes the provenance and simulates into it; every handle
    /// is closed when this returns.
    private static func recordSimulation(_ scenario: Scenario, seed: UInt64, horizon: Double, into partialPath: String,
                                         progress: ((Double) -> Void)?) throws -> RunOutcome {
        let file = try HDF5File.create(at: partialPath, singleWriter: true)
        try file.setAttribute("schema", TwinLabVersion.runFileSchema)
        try RunProvenance(
            twinlabVersion: TwinLabVersion.current, scenarioID: scenario.id, scenarioText: scenario.sourceText,
            scenarioHash: scenario.contentHash, seed: seed, horizonHours: horizon, kind: scenario.model.runKind,
            calibration: scenario.calibration.map {
                RunProvenance.CalibrationEntry(name: $0.name, file: $0.file, sourcePath: $0.sourcePath,
                                               sha256: $0.sha256, text: $0.text)
            },
            overrides: scenario.overrides.map(\.description)
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
        return outcome
    }

    /// Reopens the partial file (single-writer mode allows no new objects), adds the
    /// fingerprint, KPIs and result tables, marks it complete and closes it.
    private static func storeResults(_ outcome: RunOutcome, in partialPath: String) throws {
        let file = try HDF5File.open(at: partialPath, mode: .readWrite)
        try file.setAttribute("fingerprint", outcome.fingerprint)
        let kpiGroup = try file.createGroup("kpis")
        for kpi in outcome.kpis {
            try kpiGroup.setAttribute(kpi.name, kpi.value)
        }
        try kpiGroup.setAttribute("units", outcome.kpis.map { "\($0.name)=\($0.unit)" })
        var groups: [String: HDF5Group] = [:]
        for table in outcome.tables {
            let group = try groups[table.group] ?? file.createGroup(table.group)
            groups[table.group] = group
            let writer = try group.createTimeSeries(table.name, columns: table.columns, units: table.units)
            try writer.append(flatRows: table.values)
            for (attribute, names) in table.names { try writer.dataset.setAttribute(attribute, names) }
            try writer.close()
        }
        try file.setAttribute("status", "complete")
        // Outside single-writer mode a kill leaves the superblock marked "open for writing";
        // flushed, the file then only needs that mark cleared (`h5clear -s`) to read whole.
        try file.flush()
        RunCrashPoint.beforeClose.reach()
        // Strong close: the groups still referenced above are closed with the file.
        try file.close()
    }

    /// Marks the run failed and says why; after a full disk the partial file goes first, so
    /// the catalog update and the next run have room.
    private static func failed(_ runID: String, of scenario: Scenario, partialPath: String, catalog: RunCatalog?,
                               error: any Error) -> RunError {
        let diskFull = isDiskFull(error)
        if diskFull {
            // HDF5 may still hold the file open after a failed close, and unlinking an open
            // file frees nothing; truncating it does.
            truncate(partialPath, 0)
            unlink(partialPath)
        }
        var catalogProblem = ""
        do {
            _ = try catalog?.finishRun(id: runID, status: .failed, fingerprint: nil, error: "\(error)")
        } catch {
            catalogProblem = "; its catalog row could not be marked failed either (\(error))"
        }
        if diskFull {
            return RunError(code: .diskFull,
                            message: "run \(runID) of '\(scenario.id)' failed: the disk is full; its partial file "
                                + "'\(partialPath)' was deleted to free the space\(catalogProblem)",
                            underlying: error)
        }
        if let error = error as? RunError, catalogProblem.isEmpty { return error }
        let code: RunError.Code = error is SimulationError ? .simulation : (error as? RunError)?.code ?? .output
        return RunError(code: code, message: "run \(runID) of '\(scenario.id)' failed\(catalogProblem)", underlying: error)
    }

    /// Whether an error (HDF5, SQLite, file system) comes from a full disk or quota.
    static func isDiskFull(_ error: any Error) -> Bool {
        if let error = error as? RunError {
            return error.code == .diskFull || error.underlying.map(isDiskFull) == true
        }
        let text = "\(error)"
        return text.contains("No space left on device") || text.contains("errno = 28")
            || text.contains("Disk quota exceeded") || text.contains("SQLITE_FULL")
            || text.contains("database or disk is full")
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
