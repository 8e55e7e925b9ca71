import Foundation
import Lab

/// Where an experiment's files live: one folder per experiment.
///
/// ```
/// DIR/manifest.json     what was asked: experiment, scenario, seeds, overrides, cells, version
/// DIR/runs/*.h5         one run file per cell (the usual run file names)
/// DIR/catalog.sqlite    the runs' catalog rows
/// DIR/runs.csv          one row per run and response (long format, for pandas)
/// DIR/summary.json      statistics per variant and response; byte-identical whatever
/// DIR/summary.csv         --jobs, sharding or resumption
/// DIR/missing.csv       cells without a finished run and why (only while there are any)
/// DIR/timings.json      wall-clock times (the only file that differs between equal runs)
/// ```
public struct ExperimentFolder: Sendable, Equatable {
    /// The experiment folder.
    public var path: String

    public init(path: String) { self.path = path }

    /// The default folder for an experiment: `results/experiments/<id>`.
    public static func defaultPath(experimentID: String) -> String { "results/experiments/\(experimentID)" }

    public var runs: String { file("runs") }
    public var catalog: String { file("catalog.sqlite") }
    public var manifest: String { file("manifest.json") }
    public var runsTable: String { file("runs.csv") }
    public var summaryJSON: String { file("summary.json") }
    public var summaryCSV: String { file("summary.csv") }
    public var timings: String { file("timings.json") }
    public var missingTable: String { file("missing.csv") }
    /// The number of array tasks of the last `twinlab experiment sbatch` into this folder.
    public var arrayTasks: String { file("slurm/tasks") }

    /// `path` relative to the folder (`runs/x.h5`), as the folder's files name run files so the
    /// folder can move; a path outside it stays as it is.
    public func relative(_ path: String) -> String {
        let prefix = self.path.hasSuffix("/") ? self.path : self.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `text` to `path` through a temporary file, `fsync` and one rename, so a reader (or a
    /// kill, or a power cut) never sees half a file and an earlier version stays whole until replaced.
    static func writeAtomically(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.hostName)-\(getpid())"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            try FileDurability.sync(temporary)
            try FileDurability.publish(temporary, as: path)
        } catch {
            unlink(temporary)
            throw ExperimentRunError(.output, "cannot write '\(path)'", underlying: error)
        }
    }

    /// Makes the folder ready for `plan`: creates it and writes the plan's manifest.
    ///
    /// - Throws: ``ExperimentRunError`` `foreign-folder` when the folder's manifest is another
    ///   experiment's (a different id): its runs and summary stay as they are. A manifest that
    ///   cannot be read is replaced.
    public static func claim(_ folder: ExperimentFolder, for plan: ExperimentPlan) throws {
        // A manifest that no longer reads (damaged, another version) is rewritten: the runs
        // beside it are checked one by one anyway.
        if let existing = try? ExperimentManifest.read(from: folder) {
            guard existing.experimentID == plan.spec.id else {
                throw ExperimentRunError(
                    .foreignFolder,
                    "'\(folder.path)' holds experiment '\(existing.experimentID)', not '\(plan.spec.id)'; "
                        + "choose another --output (nothing was changed)")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: folder.runs, withIntermediateDirectories: true)
        } catch {
            throw ExperimentRunError(.output, "cannot create the experiment folder '\(folder.path)'", underlying: error)
        }
        let manifest = try ExperimentManifest(plan: plan, runner: ExperimentRunner(plan: plan, folder: folder, jobs: 1))
        try writeAtomically(manifest.json(), to: folder.manifest)
    }
}
