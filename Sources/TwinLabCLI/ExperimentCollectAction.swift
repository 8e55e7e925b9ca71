import Experiments
import Foundation

/// What `twinlab experiment collect` does: summarise an experiment folder's runs, whoever ran them.
///
/// It reads the manifest, plans the experiment file it names again (refusing one edited since),
/// reads every cell's run file and writes `runs.csv`, `summary.json` and `summary.csv`. Cells
/// without a finished run are listed with their error and, when shards ran them, the Slurm
/// array indices to resubmit.
public struct ExperimentCollectAction: Sendable {
    public var folder: String
    public var json = false
    public var quiet = false

    public init(folder: String, json: Bool = false, quiet: Bool = false) {
        self.folder = folder
        self.json = json
        self.quiet = quiet
    }

    /// Exit 0 when every cell has a finished run; 1 when some are missing (the summary covers
    /// the rest); 3 when the experiment file changed or no longer plans; 4 for a folder that
    /// cannot be read or written.
    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        let experimentFolder = ExperimentFolder(path: folder)
        let manifest: ExperimentManifest
        do {
            manifest = try ExperimentManifest.read(from: experimentFolder)
        } catch {
            err("error: \(error)")
            return .ioError
        }
        let plan: ExperimentPlan
        do {
            let sha = try ExperimentManifest.sha256(ofFile: manifest.experimentFile)
            guard sha == manifest.experimentSHA256 else {
                throw ExperimentRunError(
                    .changedExperiment,
                    "the experiment file '\(manifest.experimentFile)' changed since this folder's runs were planned "
                        + "(SHA-256 \(sha.prefix(12))…, the manifest says \(manifest.experimentSHA256.prefix(12))…); "
                        + "rerun `twinlab experiment run` with it to bring the folder up to date")
            }
            var spec = try ExperimentLoader.load(path: manifest.experimentFile)
            spec.seeds = manifest.seeds
            plan = try ExperimentPlan.make(spec)
        } catch {
            err("error: \(error)")
            return .invalidScenario
        }
        return finish(plan: plan, folder: experimentFolder, out: out, err: err)
    }

    /// Writes the folder's `runs.csv` and summary for `plan` and reports them.
    func finish(plan: ExperimentPlan, folder: ExperimentFolder, trusted: Set<String> = [], out: (String) -> Void,
                err: (String) -> Void) -> ExitStatus {
        let collection: ExperimentCollection
        let runner = ExperimentRunner(plan: plan, folder: folder, jobs: 1)
        do {
            collection = try ExperimentCollection(plan: plan, runner: runner, trusted: trusted)
            try collection.write(to: folder)
        } catch {
            err("error: \(error)")
            // A damaged run file (exit 6, as every reader of run files says) or an unreadable folder (4).
            let cause = (error as? ExperimentRunError)?.underlying ?? error
            return ExitStatus.readingRun(cause) == .unusableRun ? .unusableRun : .ioError
        }
        if json {
            out(collection.summary.json().trimmingCharacters(in: .newlines))
        } else if !quiet {
            let settings = ExperimentManifest.Point.labels(plan.points.filter { $0.index != nil }.map(ExperimentManifest.Point.init))
            out(collection.summary.text(settings: settings).trimmingCharacters(in: .newlines))
            out("\nwrote \(folder.summaryJSON), \(folder.summaryCSV) and \(folder.runsTable)")
        }
        guard !collection.missing.isEmpty else { return .success }
        err("error: \(collection.missing.count) of \(plan.cells.count) runs have no finished result; "
                + "the summary leaves them out:")
        for missing in collection.missing.prefix(20) {
            let cell = missing.cell
            err("  cell \(cell.index) (\(cell.variant), seed \(cell.seed)): \(missing.error ?? "not run yet")")
        }
        if collection.missing.count > 20 { err("  … and \(collection.missing.count - 20) more") }
        if let shards = shardCount(in: folder) {
            let tasks = Set(collection.missing.map { runner.shardIndex(of: $0.cell, count: shards) }).sorted()
            err("  they belong to shards \(tasks.map(String.init).joined(separator: ",")) of \(shards): resubmit with "
                    + "`sbatch --array=\(tasks.map(String.init).joined(separator: ",")) SCRIPT`, then collect again")
        } else {
            err("  rerun `twinlab experiment run` on the experiment file to run only these")
        }
        return .runFailed
    }

    /// N: the task count `sbatch` left in `slurm/tasks`, else from the `timings-I-of-N.json`
    /// files shards wrote; nil when no shard ever ran here.
    private func shardCount(in folder: ExperimentFolder) -> Int? {
        if let text = try? String(contentsOfFile: folder.arrayTasks, encoding: .utf8),
           let tasks = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), tasks > 0 {
            return tasks
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("timings-"), name.hasSuffix(".json"), let range = name.range(of: "-of-") else { return nil }
            return Int(name[range.upperBound...].dropLast(".json".count))
        }.max()
    }
}
