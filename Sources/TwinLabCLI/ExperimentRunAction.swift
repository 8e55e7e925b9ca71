import Foundation
import Experiments
import Lab

/// What `twinlab experiment run` does, apart from argument parsing.
public struct ExperimentRunAction: Sendable {
    public var experimentPath: String
    /// Worker threads; the default is the machine's core count.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// The experiment folder; nil for `results/experiments/<id>`.
    public var outputDirectory: String?
    public var shard: ExperimentShard?
    public var json = false
    public var quiet = false

    public init(experimentPath: String) { self.experimentPath = experimentPath }

    /// Plans, runs (reusing finished cells), and — unless sharded — writes `runs.csv` and the
    /// summary. Exit 0 when every cell finished; 1 when some failed (listed); 3 for a bad
    /// experiment file; 4 for files that cannot be written.
    public func execute(out: (String) -> Void, err: @escaping @Sendable (String) -> Void,
                        progress: (@Sendable (ExperimentProgress) -> Void)? = nil) -> ExitStatus {
        let plan: ExperimentPlan
        do {
            plan = try ExperimentPlan.make(try ExperimentLoader.load(path: experimentPath))
        } catch {
            err("error: \(error)")
            return .invalidScenario
        }
        let folder = ExperimentFolder(path: outputDirectory ?? ExperimentFolder.defaultPath(experimentID: plan.spec.id))
        let runner = ExperimentRunner(plan: plan, folder: folder, jobs: jobs, shard: shard)
        let started = ContinuousClock.now
        let results: [CellResult]
        do {
            try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
            try ExperimentFolder.writeAtomically(try ExperimentManifest(plan: plan, runner: runner).json(), to: folder.manifest)
            let total = runner.cells.count
            results = try runner.run { done in
                progress?(ExperimentProgress(total: total, results: done, elapsed: ContinuousClock.now - started))
            }
            try ExperimentTimings(jobs: runner.jobs, shard: shard, results: results, elapsed: ContinuousClock.now - started)
                .write(to: folder)
        } catch {
            err("error: \(error)")
            return .ioError
        }
        let failed = results.filter { $0.status == .failed }
        let ran = results.filter { $0.status == .ran }.count
        let reused = results.filter { $0.status == .reused }.count
        if !quiet && !json {
            out("experiment \(plan.spec.id): \(results.count) runs\(shard.map { " (shard \($0))" } ?? "") — "
                + "\(ran) ran, \(reused) reused, \(failed.count) failed — folder \(folder.path)")
        }
        for failure in failed {
            let cell = plan.cells[failure.cell]
            err("error: cell \(cell.index) (\(cell.variant), seed \(cell.seed)) failed: \(failure.error ?? "")")
        }
        if shard == nil {
            let status = ExperimentCollectAction(folder: folder.path, json: json, quiet: quiet)
                .finish(plan: plan, runner: runner, out: out, err: err)
            if !failed.isEmpty { return .runFailed }
            return status
        }
        return failed.isEmpty ? .success : .runFailed
    }
}
