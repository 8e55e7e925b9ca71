import Experiments
import Foundation
import Lab
import Scenario

/// The experiment layer's cost: `--jobs 2` against `--jobs 1`, and the time it adds per run.
///
/// 1. Parallel speed-up: the shipped grower what-if (4 variants × 10 seeds = 40 runs of a
///    room-month) run by ``ExperimentRunner`` with 1 and then 2 worker threads, each into a
///    fresh folder, summary included; runs per hour of each and their ratio (target ≥ 1.8 on
///    2 cores). Both summaries must be the same bytes.
/// 2. Overhead: 1,000 runs of a one-day machine shop (one variant, seeds 1…1000). First the
///    runs alone: ``RunPipeline/execute(_:progress:)`` per seed into a plain folder with its
///    own catalog, what `twinlab run` does in-process. Then the whole experiment as
///    `twinlab experiment run --jobs 1` does it: load and plan, manifest, each cell's reuse check
///    and run, timings, reading every run file back and writing runs.csv and the summary.
///    (experiment − runs alone) / 1000 is the layer's cost per run (target ≤ 20 ms).
enum ExperimentBenchmark {
    static func run(_ args: Arguments) throws -> JSONValue {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..")
            .standardizedFileURL
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("twinlab-bench-experiment-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let whatIf = args.scenario ?? root.appendingPathComponent("scenarios/experiments/grower-what-if.yaml").path
        return .object([
            ("benchmark", .string("experiment")),
            ("load_average_at_start", .number(LoadAverage.oneMinute)),
            ("speedup", try speedup(experiment: whatIf, scratch: scratch)),
            ("overhead", try overhead(scenario: root.appendingPathComponent("scenarios/machine-shop.yaml").path,
                                      runs: args.seeds > 1 ? args.seeds : 1000, scratch: scratch)),
            ("load_average_at_end", .number(LoadAverage.oneMinute)),
        ])
    }

    /// Wall time of the whole experiment with `jobs` threads, and its summary's bytes.
    private static func runExperiment(_ plan: ExperimentPlan, jobs: Int, into folder: URL) throws -> (Double, String) {
        let experimentFolder = ExperimentFolder(path: folder.path)
        let start = ContinuousClock.now
        try ExperimentFolder.claim(experimentFolder, for: plan)
        let runner = ExperimentRunner(plan: plan, folder: experimentFolder, jobs: jobs)
        let results = try runner.run()
        let failed = results.filter { $0.status == .failed }
        guard failed.isEmpty else { throw UsageError("\(failed.count) runs failed: \(failed[0].error ?? "")") }
        try ExperimentTimings(jobs: jobs, shard: nil, results: results, elapsed: ContinuousClock.now - start)
            .write(to: experimentFolder)
        let collection = try ExperimentCollection(plan: plan, runner: runner)
        try collection.write(to: experimentFolder)
        return (seconds(ContinuousClock.now - start), collection.summary.json())
    }

    private static func speedup(experiment path: String, scratch: URL) throws -> JSONValue {
        let plan = try ExperimentPlan.make(try ExperimentLoader.load(path: path))
        let (serial, serialSummary) = try runExperiment(plan, jobs: 1, into: scratch.appendingPathComponent("jobs1"))
        let (parallel, parallelSummary) = try runExperiment(plan, jobs: 2, into: scratch.appendingPathComponent("jobs2"))
        let runs = Double(plan.cells.count)
        return .object([
            ("experiment", .string(plan.spec.id)),
            ("runs", .int(plan.cells.count)),
            ("cores", .int(ProcessInfo.processInfo.activeProcessorCount)),
            ("jobs1_seconds", .number(serial)),
            ("jobs2_seconds", .number(parallel)),
            ("jobs1_runs_per_hour", .number(runs / serial * 3600)),
            ("jobs2_runs_per_hour", .number(runs / parallel * 3600)),
            ("ratio", .number(serial / parallel)),
            ("target_ratio", .number(1.8)),
            ("summaries_identical", .bool(serialSummary == parallelSummary)),
        ])
    }

    private static func overhead(scenario: String, runs: Int, scratch: URL) throws -> JSONValue {
        let experimentFile = scratch.appendingPathComponent("one-day-shop.yaml")
        try """
            schema: twinlab/experiment@1
            id: one-day-shop
            scenario: \(scenario)
            until_hours: 24
            replications: {count: \(runs), first_seed: 1}
            baseline: shop
            variants:
              shop: {set: {machine_shop.technicians: 3}}
            responses: [availability, mean_wait_for_technician]
            """.write(to: experimentFile, atomically: true, encoding: .utf8)

        // The runs alone.
        let planStart = ContinuousClock.now
        let plan = try ExperimentPlan.make(try ExperimentLoader.load(path: experimentFile.path))
        let planSeconds = seconds(ContinuousClock.now - planStart)
        let plain = scratch.appendingPathComponent("plain").path
        let scenarioValue = plan.cells[0].scenario
        let aloneStart = ContinuousClock.now
        for cell in plan.cells {
            _ = try RunPipeline.execute(RunRequest(scenario: scenarioValue, seed: cell.seed, untilHours: 24,
                                                   outputDirectory: plain, catalogPath: plain + "/catalog.sqlite"))
        }
        let alone = seconds(ContinuousClock.now - aloneStart)

        // The experiment, from the file.
        let folder = scratch.appendingPathComponent("experiment")
        let whole = ContinuousClock.now
        let replanned = try ExperimentPlan.make(try ExperimentLoader.load(path: experimentFile.path))
        let (experimentRest, _) = try runExperiment(replanned, jobs: 1, into: folder)
        let experiment = seconds(ContinuousClock.now - whole)

        // Reading back alone (what `collect` costs on its own).
        let collectStart = ContinuousClock.now
        let collection = try ExperimentCollection(
            plan: replanned, runner: ExperimentRunner(plan: replanned, folder: ExperimentFolder(path: folder.path), jobs: 1))
        let collectSeconds = seconds(ContinuousClock.now - collectStart)
        guard collection.missing.isEmpty else { throw UsageError("\(collection.missing.count) runs missing") }

        return .object([
            ("runs", .int(runs)),
            ("runs_alone_seconds", .number(alone)),
            ("runs_alone_ms_per_run", .number(alone / Double(runs) * 1000)),
            ("experiment_seconds", .number(experiment)),
            ("plan_seconds", .number(planSeconds)),
            ("experiment_without_plan_seconds", .number(experimentRest)),
            ("collect_seconds", .number(collectSeconds)),
            ("overhead_ms_per_run", .number((experiment - alone) / Double(runs) * 1000)),
            ("target_overhead_ms_per_run", .number(20)),
        ])
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
