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
    /// Replace a file at a cell's name that holds something else (another TwinLab version, a
    /// damaged or foreign file); without it such a cell fails and the file stays.
    public var overwrite = false

    /// For each cell, the first cell with the same run file (itself when it is the first).
    ///
    /// A design may repeat a point: a Saltelli row AB_i equals row A when the two base samples
    /// share coordinate i, so two cells are one run. The repeat is run once, by the first
    /// cell's shard, and reused by the others, so no two threads or array tasks write one file.
    public let primary: [Int]

    public init(plan: ExperimentPlan, folder: ExperimentFolder, jobs: Int, shard: ExperimentShard? = nil) {
        self.plan = plan
        self.folder = folder
        self.jobs = max(1, jobs)
        self.shard = shard
        var first: [String: Int] = [:]
        primary = plan.cells.map { cell in
            let name = Self.runFileName(of: cell, untilHours: plan.spec.untilHours)
            if let known = first[name] { return known }
            first[name] = cell.index
            return cell.index
        }
    }

    /// The cells this runner is responsible for: those whose primary cell is in its shard.
    public var cells: [ExperimentCell] {
        plan.cells.filter { shard?.contains(primary[$0.index]) ?? true }
    }

    /// The shard of `count` that runs `cell` (the shard of its primary cell).
    public func shardIndex(of cell: ExperimentCell, count: Int) -> Int {
        primary[cell.index] % count
    }

    /// The run file a cell writes, in the experiment's `runs/` folder.
    public func runFile(of cell: ExperimentCell) -> String {
        (folder.runs as NSString).appendingPathComponent(Self.runFileName(of: cell, untilHours: plan.spec.untilHours))
    }

    /// The run file name of a cell, as ``RunPipeline`` names it.
    static func runFileName(of cell: ExperimentCell, untilHours: Double?) -> String {
        RunFileName.make(scenarioID: cell.scenario.id, seed: cell.seed,
                         horizonHours: min(untilHours ?? .infinity, cell.scenario.horizonHours),
                         scenarioHash: cell.scenario.contentHash)
    }

    /// The run a cell asks for: into the experiment's `runs/` folder and catalog.
    func request(for cell: ExperimentCell) -> RunRequest {
        var request = RunRequest(scenario: cell.scenario, seed: cell.seed, untilHours: plan.spec.untilHours,
                                 outputDirectory: folder.runs, catalogPath: folder.catalog)
        request.overwrite = overwrite
        return request
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
        let mine = cells
        let todo = mine.filter { primary[$0.index] == $0.index }
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
        // Repeated points take their primary cell's outcome.
        let byCell = Dictionary(uniqueKeysWithValues: results.withLock { $0 }.map { ($0.cell, $0) })
        var all = Array(byCell.values)
        for cell in mine where primary[cell.index] != cell.index {
            guard let outcome = byCell[primary[cell.index]] else { continue }
            all.append(CellResult(cell: cell.index, status: outcome.status == .failed ? .failed : .reused,
                                  runFile: outcome.runFile, error: outcome.error, wallSeconds: 0))
        }
        if all.count > byCell.count { progress?(all) }
        return all.sorted { $0.cell < $1.cell }
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
