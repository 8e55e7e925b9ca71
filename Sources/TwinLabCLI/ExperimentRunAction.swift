import Experiments
import Foundation
import Lab

/// What `twinlab experiment run` does, apart from argument parsing.
public struct ExperimentRunAction: Sendable {
    public var experimentPath: String
    /// Worker threads; the default is the machine's core count.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// The experiment folder; nil for `results/experiments/<id>`.
    public var outputDirectory: String?
    public var shard: ExperimentShard?
    /// Replace run files in the folder that hold something else (another TwinLab version, a damaged file).
    public var overwrite = false
    public var json = false
    public var quiet = false
    /// Refuse the experiment when a cell's run file is estimated larger (`RunOutputEstimate`), bytes.
    public var maximumOutputBytes = RunOutputEstimate.defaultLimitBytes

    public init(experimentPath: String) { self.experimentPath = experimentPath }

    /// Plans, runs (reusing finished cells) and — unless sharded — writes `runs.csv` and the
    /// summary, adding seeds while a `sequential` rule asks for them.
    ///
    /// Exit 0 when every cell finished; 1 when some failed (each listed with its error; the
    /// summary covers the rest); 3 for a bad experiment file; 4 for files that cannot be
    /// written; 7 when the folder holds another experiment.
    public func execute(out: (String) -> Void, err: @escaping @Sendable (String) -> Void,
                        progress: (@Sendable (ExperimentProgress) -> Void)? = nil) -> ExitStatus {
        var spec: ExperimentSpec
        var plan: ExperimentPlan
        do {
            spec = try ExperimentLoader.load(path: experimentPath)
            plan = try ExperimentPlan.make(spec)
            _ = try ValidateAction.runFiles(of: plan, limitBytes: maximumOutputBytes)
        } catch {
            err("error: \(error)")
            return .invalidScenario
        }
        let folder = ExperimentFolder(path: outputDirectory ?? ExperimentFolder.defaultPath(experimentID: spec.id))
        do {
            try ExperimentFolder.claim(folder, for: plan)
        } catch let error as ExperimentRunError {
            err("error: \(error)")
            return error.code == .foreignFolder ? .outputExists : .ioError
        } catch {
            err("error: \(error)")
            return .ioError
        }
        var failedCells = 0
        // Files this process wrote and sealed need no second verification when summarised.
        var written = Set<String>()
        while true {
            var runner = ExperimentRunner(plan: plan, folder: folder, jobs: jobs, shard: shard)
            runner.overwrite = overwrite
            let results: [CellResult]
            do {
                results = try run(runner, progress: progress)
            } catch {
                err("error: \(error)")
                return .ioError
            }
            let failed = results.filter { $0.status == .failed }
            failedCells = failed.count
            written.formUnion(results.filter { $0.status == .ran }.map(\.runFile))
            if !quiet && !json {
                let ran = results.filter { $0.status == .ran }.count
                let reused = results.filter { $0.status == .reused }.count
                out("experiment \(spec.id): \(results.count) runs\(shard.map { " (shard \($0))" } ?? "") — "
                        + "\(ran) ran, \(reused) reused, \(failed.count) failed — folder \(folder.path)")
            }
            for failure in failed {
                let cell = plan.cells[failure.cell]
                err("error: cell \(cell.index) (\(cell.variant), seed \(cell.seed)) failed: \(failure.error ?? "")")
            }
            // A shard cannot see the others' runs: `collect` summarises once they are all done.
            guard shard == nil else { break }
            guard let rule = spec.sequential, failed.isEmpty else { break }
            let more: Int
            do {
                let collection = try ExperimentCollection(plan: plan, runner: runner, trusted: written)
                let decision = try SequentialDecision.decide(collection.summary, rule: rule)
                more = decision.additionalReplications
                if !quiet && !json {
                    out(decision.satisfied
                        ? "sequential: every 95 % half-width is within \(rule.relativeHalfWidth) of its mean with \(spec.seeds.count) seeds"
                        : more > 0 ? "sequential: \(decision.shortfalls.count) intervals too wide; adding \(more) seeds"
                        : "sequential: \(decision.shortfalls.count) intervals still too wide at max_replications \(rule.maxReplications)")
                }
                guard more > 0 else { break }
                spec.seeds = ExperimentSpec.extending(spec.seeds, by: more)
                plan = try ExperimentPlan.make(spec)
                try ExperimentFolder.claim(folder, for: plan)
            } catch {
                err("error: \(error)")
                return .ioError
            }
        }
        if shard == nil {
            let status = ExperimentCollectAction(folder: folder.path, json: json, quiet: quiet)
                .finish(plan: plan, folder: folder, trusted: written, out: out, err: err)
            return failedCells > 0 ? .runFailed : status
        }
        return failedCells > 0 ? .runFailed : .success
    }

    /// Runs one round of cells and writes their timings.
    private func run(_ runner: ExperimentRunner, progress: (@Sendable (ExperimentProgress) -> Void)?) throws
        -> [CellResult] {
        let started = ContinuousClock.now
        let total = runner.cells.count
        let results = try runner.run { done in
            progress?(ExperimentProgress(total: total, results: done, elapsed: ContinuousClock.now - started))
        }
        try ExperimentTimings(jobs: runner.jobs, shard: shard, results: results, elapsed: ContinuousClock.now - started)
            .write(to: runner.folder)
        return results
    }
}
