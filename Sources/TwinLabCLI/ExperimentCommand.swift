import ArgumentParser
import Experiments
import Foundation

extension TwinLabCommand {
    /// `twinlab experiment`: run an experiment file's variants and seeds, summarise them, on this
    /// machine or as a Slurm job array.
    struct ExperimentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "experiment",
            abstract: "Run variants × seeds of a scenario (overrides, designs, common random numbers) and summarise them.",
            discussion: "The experiment file format and the statistics are in docs/experiments.md.",
            subcommands: [Run.self, Summary.self, Sbatch.self, Collect.self])
    }
}

extension TwinLabCommand.ExperimentCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every (variant, seed) cell of an experiment file; resumable.",
            discussion: """
                Writes DIR/manifest.json, one run file per cell in DIR/runs/, DIR/catalog.sqlite, \
                DIR/runs.csv (one row per run and response) and DIR/summary.json and summary.csv \
                (identical bytes whatever --jobs, sharding or resumption; wall-clock times go to \
                DIR/timings.json). A cell whose finished run file is already there (same effective \
                scenario, seed, horizon and TwinLab version) is reused, so rerunning after a kill runs \
                only the rest. A failing run is listed with its error and the others go on; the exit \
                code is then 1. With --shard I/N only cells c with c mod N = I run and no summary is \
                written: `twinlab experiment collect DIR` does that once every shard is done.
                """)

        @Argument(help: "The experiment file (schema: twinlab/experiment@1).")
        var experiment: String
        @Option(help: "Runs at once (default: the number of cores).")
        var jobs: Int?
        @Option(help: "The experiment folder (default: results/experiments/<id>).")
        var output: String?
        @Option(help: ArgumentHelp("Run only shard I of N (0 ≤ I < N), as a Slurm array task does.", valueName: "I/N"))
        var shard: String?
        @Flag(help: "Print the summary as JSON (summary.json's bytes).")
        var json = false
        @Flag(help: "Print nothing but errors.")
        var quiet = false
        @Option(name: .customLong("max-output-size"), help: OutputSizeLimit.help)
        var maximumOutputSize = OutputSizeLimit.standard
        @Flag(help: "Replace run files in the folder that hold something else (another TwinLab version, a damaged file); each is replaced only once its new run is complete.")
        var overwrite = false

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
            if let shard {
                do {
                    _ = try ExperimentShard(parsing: shard)
                } catch {
                    throw ValidationError("\(error)")
                }
            }
        }

        func run() throws {
            var action = ExperimentRunAction(experimentPath: experiment)
            if let jobs { action.jobs = jobs }
            action.outputDirectory = output
            action.shard = try shard.map(ExperimentShard.init(parsing:))
            action.json = json
            action.quiet = quiet
            action.maximumOutputBytes = maximumOutputSize.bytes
            action.overwrite = overwrite
            let live = !quiet && !json && isatty(STDERR_FILENO) != 0
            let status = action.execute(out: { print($0) }, err: { Terminal.error($0) }, progress: { progress in
                if live { Terminal.errorInline("\r" + progress.line + "   ") }
            })
            if live { Terminal.errorInline("\r" + String(repeating: " ", count: 72) + "\r") }
            if status != .success { throw status.exitCode }
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an experiment folder's summary: means, 95 % intervals, paired differences, best subset, Sobol indices.")

        @Argument(help: "The experiment folder.")
        var folder: String
        @Flag(help: "Print summary.json.")
        var json = false
        @Flag(help: "Print summary.csv.")
        var csv = false

        func validate() throws {
            if json && csv { throw ValidationError("choose one of --json and --csv") }
        }

        func run() throws {
            var action = ExperimentSummaryAction(folder: folder)
            action.format = json ? .json : csv ? .csv : .text
            let status = action.execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }

    struct Sbatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a Slurm job-array script that runs an experiment as N shards (it never submits).",
            discussion: """
                Each array task runs `twinlab experiment run FILE --shard $SLURM_ARRAY_TASK_ID/N` into \
                the same folder, which every node must see. Submit with `sbatch SCRIPT`; when the tasks \
                are done run `twinlab experiment collect DIR`. A failed task i is redone with \
                `sbatch --array=i SCRIPT`; its finished cells are reused.
                """)

        @Argument(help: "The experiment file.")
        var experiment: String
        @Option(help: "Array tasks (shards).")
        var tasks = 4
        @Option(help: "At most this many tasks at once (%K).")
        var throttle: Int?
        @Option(name: .customLong("cpus-per-task"), help: "CPUs per task; each task runs that many cells at once.")
        var cpusPerTask = 1
        @Option(help: "The experiment folder (default: results/experiments/<id>).")
        var output: String?

        func validate() throws {
            guard tasks >= 1 else { throw ValidationError("--tasks must be at least 1 (got \(tasks))") }
            if let throttle, throttle < 1 { throw ValidationError("--throttle must be at least 1 (got \(throttle))") }
            guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1 (got \(cpusPerTask))") }
        }

        func run() throws {
            var action = ExperimentSbatchAction(experimentPath: experiment, tasks: tasks)
            action.throttle = throttle
            action.cpusPerTask = cpusPerTask
            action.outputDirectory = output
            let status = action.execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }

    struct Collect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise an experiment folder whose runs shards (or several runs) produced.",
            discussion: """
                Writes runs.csv, summary.json and summary.csv from the run files. Missing runs are listed \
                with their error and the array indices to resubmit; the exit code is then 1.
                """)

        @Argument(help: "The experiment folder.")
        var folder: String
        @Flag(help: "Print the summary as JSON.")
        var json = false
        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func run() throws {
            let status = ExperimentCollectAction(folder: folder, json: json, quiet: quiet)
                .execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }
}
