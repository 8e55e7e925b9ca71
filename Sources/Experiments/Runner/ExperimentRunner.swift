import Foundation
import Synchronization
import Lab
import Recording
import Scenario

/// Runs an experiment's cells on a pool of worker threads and collects what they produced.
///
/// Each cell is an ordinary run (``RunPipeline/execute(_:progress:)``) into the experiment's
/// `runs/` folder and catalog, so every guarantee of a single run holds per cell: a killed
/// experiment leaves finished runs whole and its unfinished ones marked incomplete. A cell whose
/// run file already exists and holds the same run (same effective scenario hash, seed, horizon
/// and TwinLab version) is reused, not rerun: rerunning an interrupted experiment runs only
/// what is missing. A failing cell is recorded with its error and the others go on.
///
/// Runs are independent, so `jobs` threads share nothing but the catalog (SQLite WAL, one
/// writer at a time) and libhdf5's global lock; which thread runs a cell changes no byte of
/// its file.
public struct ExperimentRunner: Sendable {
    public var plan: ExperimentPlan
    public var folder: ExperimentFolder
    /// Worker threads, at least 1.
    public var jobs: Int
    /// The slice of cells to run; nil runs them all.
    public var shard: ExperimentShard?

    public init(plan: ExperimentPlan, folder: ExperimentFolder, jobs: Int, shard: ExperimentShard? = nil) {
        self.plan = plan
        self.folder = folder
        self.jobs = max(1, jobs)
        self.shard = shard
    }

    /// The cells this runner is responsible for.
    public var cells: [ExperimentCell] {
        plan.cells.filter { shard?.contains($0.index) ?? true }
    }

    /// The run file a cell writes, in the experiment's `runs/` folder.
    public func runFile(of cell: ExperimentCell) -> String {
        let name = RunFileName.make(scenarioID: cell.scenario.id, seed: cell.seed,
                                    horizonHours: request(for: cell).effectiveHorizonHours,
                                    scenarioHash: cell.scenario.contentHash)
        return (folder.runs as NSString).appendingPathComponent(name)
    }

    /// The run a cell asks for: into the experiment's `runs/` folder and catalog.
    func request(for cell: ExperimentCell) -> RunRequest {
        RunRequest(scenario: cell.scenario, seed: cell.seed, untilHours: plan.spec.untilHours,
                   outputDirectory: folder.runs, catalogPath: folder.catalog)
    }

    /// Whether the cell's run file exists and holds this very run, finished.
    public func isFinished(_ cell: ExperimentCell) -> Bool {
        let path = runFile(of: cell)
        return FileManager.default.fileExists(atPath: path)
            && RunFileName.conflict(at: path, scenarioHash: cell.scenario.contentHash) == nil
    }

    /// Runs every cell of this runner's slice and returns one result per cell, in cell order.
    ///
    /// - Parameter progress: called after each cell with the results so far (from worker threads,
    ///   one call at a time).
    public func run(progress: (@Sendable ([CellResult]) -> Void)? = nil) throws -> [CellResult] {
        try FileManager.default.createDirectory(atPath: folder.runs, withIntermediateDirectories: true)
        let todo = cells
        let next = Atomic<Int>(0)
        let results = Mutex<[CellResult]>([])
        let work: @Sendable () -> Void = {
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < todo.count else { return }
                let result = runCell(todo[position])
                results.withLock { done in
                    done.append(result)
                    progress?(done)
                }
            }
        }
        let finished = DispatchGroup()
        for _ in 0..<min(jobs, max(todo.count, 1)) {
            finished.enter()
            let worker = Thread {
                work()
                finished.leave()
            }
            // Scenario parsing and the models recurse modestly; 8 MiB matches the main thread.
            worker.stackSize = 8 << 20
            worker.start()
        }
        finished.wait()
        return results.withLock { $0 }.sorted { $0.cell < $1.cell }
    }

    /// Runs (or reuses) one cell.
    func runCell(_ cell: ExperimentCell) -> CellResult {
        let path = runFile(of: cell)
        if isFinished(cell) {
            return CellResult(cell: cell.index, status: .reused, runFile: path, error: nil, wallSeconds: 0)
        }
        let start = ContinuousClock.now
        do {
            _ = try RunPipeline.execute(request(for: cell))
            return CellResult(cell: cell.index, status: .ran, runFile: path, error: nil, wallSeconds: seconds(since: start))
        } catch {
            return CellResult(cell: cell.index, status: .failed, runFile: path, error: "\(error)",
                              wallSeconds: seconds(since: start))
        }
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
