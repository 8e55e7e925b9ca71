import Foundation
import Testing
import TestSupport
import TwinLabCLI

/// `twinlab experiment run / collect / summary / sbatch` through the real executable.
@Suite("twinlab experiment command line", .serialized)
struct ExperimentCommandLineTests {
    /// Two crew sizes on the shipped machine shop, four seeds each, 400 h: 8 fast cells.
    static func writeExperiment(in dir: URL, name: String = "crew.yaml", id: String = "crew-cli",
                                extra: String = "") throws -> String {
        let scenario = TwinLabProcess.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        let file = dir.appendingPathComponent(name)
        try """
            schema: twinlab/experiment@1
            id: \(id)
            scenario: \(scenario)
            until_hours: 400
            replications: {seeds: [1, 2, 3, 4]}
            baseline: three
            variants:
              three: {set: {machine_shop.technicians: 3}}
              two: {set: {machine_shop.technicians: 2}}
            responses: [availability, mean_wait_for_technician]
            \(extra)
            """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func workspace() throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-exp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func twinlab(_ arguments: [String], in dir: URL, environment: [String: String] = [:]) throws -> TwinLabProcess.Result {
        try TwinLabProcess.run(arguments, in: dir, environment: environment)
    }

    func contents(_ path: URL) throws -> Data { try Data(contentsOf: path) }

    @Test("summary.json is the same bytes for --jobs 1, --jobs 2, three shards and a run killed half-way and resumed")
    func summaryIsIndependentOfHowItRan() throws {
        let dir = try workspace()
        let file = try Self.writeExperiment(in: dir)

        let one = try twinlab(["experiment", "run", file, "--jobs", "1", "--output", "one"], in: dir)
        #expect(one.status == 0, "\(one.err)")
        #expect(one.out.contains("experiment crew-cli: 8 runs — 8 ran, 0 reused, 0 failed"), "\(one.out)")
        #expect(one.out.contains("availability"), "\(one.out)")
        let reference = try contents(dir.appendingPathComponent("one/summary.json"))
        let referenceCSV = try contents(dir.appendingPathComponent("one/runs.csv"))

        let two = try twinlab(["experiment", "run", file, "--jobs", "2", "--output", "two", "--quiet"], in: dir)
        #expect(two.status == 0, "\(two.err)")
        #expect(two.out.isEmpty)
        #expect(try contents(dir.appendingPathComponent("two/summary.json")) == reference)
        #expect(try contents(dir.appendingPathComponent("two/runs.csv")) == referenceCSV)

        for shard in 0..<3 {
            let part = try twinlab(["experiment", "run", file, "--shard", "\(shard)/3", "--output", "shards", "--jobs", "1"],
                                   in: dir)
            #expect(part.status == 0, "\(part.err)")
            #expect(part.out.contains("(shard \(shard)/3)"), "\(part.out)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("shards/timings-\(shard)-of-3.json").path))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("shards/summary.json").path),
                "a shard must not write a summary of the others' runs")
        let collect = try twinlab(["experiment", "collect", "shards"], in: dir)
        #expect(collect.status == 0, "\(collect.err)")
        #expect(try contents(dir.appendingPathComponent("shards/summary.json")) == reference)
        #expect(try contents(dir.appendingPathComponent("shards/runs.csv")) == referenceCSV)

        // Killed by SIGKILL when the fifth run has finished and is in the catalog.
        let killed = try twinlab(["experiment", "run", file, "--jobs", "1", "--output", "resumed"], in: dir,
                                 environment: ["TWINLAB_TEST_KILL_AT": "after-catalog@5"])
        #expect(killed.signalled && killed.status == SIGKILL, "status \(killed.status): \(killed.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("resumed/summary.json").path))
        let finished = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("resumed/runs").path)
            .filter { $0.hasSuffix(".h5") }
        #expect(finished.count == 5, "\(finished)")
        let resumed = try twinlab(["experiment", "run", file, "--jobs", "2", "--output", "resumed"], in: dir)
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.out.contains("8 runs — 3 ran, 5 reused, 0 failed"), "\(resumed.out)")
        #expect(try contents(dir.appendingPathComponent("resumed/summary.json")) == reference)

        // A repeat reuses everything and rewrites nothing differently.
        let again = try twinlab(["experiment", "run", file, "--output", "one", "--json"], in: dir)
        #expect(again.status == 0, "\(again.err)")
        #expect(Data((again.out).utf8) == reference, "--json prints summary.json's bytes")
        #expect(try contents(dir.appendingPathComponent("one/summary.json")) == reference)
    }

    @Test("the folder holds the manifest, one run file per cell, a catalog, runs.csv, summaries and timings apart")
    func folderLayout() throws {
        let dir = try workspace()
        let file = try Self.writeExperiment(in: dir)
        let run = try twinlab(["experiment", "run", file, "--jobs", "2"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        let folder = dir.appendingPathComponent("results/experiments/crew-cli")
        let manifest = try JSONSerialization.jsonObject(with: contents(folder.appendingPathComponent("manifest.json")))
            as? [String: Any]
        #expect(manifest?["experiment_id"] as? String == "crew-cli")
        #expect(manifest?["seeds"] as? [Int] == [1, 2, 3, 4])
        let cells = manifest?["cells"] as? [[String: Any]] ?? []
        #expect(cells.count == 8)
        #expect(cells.first?["overrides"] as? [String] == ["machine_shop.technicians=3"])
        for cell in cells {
            let runFile = try #require(cell["run_file"] as? String)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(runFile).path), "\(runFile)")
        }
        let table = try String(contentsOf: folder.appendingPathComponent("runs.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(table.first == "cell,variant,point,seed,response,value,unit,run_file")
        #expect(table.count == 1 + 8 * 2)
        #expect(table[1].hasPrefix("0,three,,1,availability,"), "\(table[1])")
        let timings = try JSONSerialization.jsonObject(with: contents(folder.appendingPathComponent("timings.json")))
            as? [String: Any]
        #expect(timings?["jobs"] as? Int == 2)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("catalog.sqlite").path))
        let list = try twinlab(["catalog", "list", "--catalog", folder.appendingPathComponent("catalog.sqlite").path], in: dir)
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.components(separatedBy: "complete").count - 1 == 8, "\(list.out)")

        let summary = try twinlab(["experiment", "summary", folder.path], in: dir)
        #expect(summary.status == 0, "\(summary.err)")
        #expect(summary.out.contains("paired Δ vs three"), "\(summary.out)")
        #expect(summary.out.contains("best: three"), "\(summary.out)")
        let csv = try twinlab(["experiment", "summary", folder.path, "--csv"], in: dir)
        #expect(Data(csv.out.utf8) == (try contents(folder.appendingPathComponent("summary.csv"))), "--csv prints summary.csv's bytes")
    }

    @Test("a failing run is listed with its error, the others finish, exit 1; a rerun runs only it")
    func failingRunIsReportedAndRetried() throws {
        let dir = try workspace()
        let file = try Self.writeExperiment(in: dir)
        // Something that is not a run at cell 2's file name: its run refuses to replace it.
        let plan = try twinlab(["experiment", "run", file, "--output", "out", "--shard", "0/8"], in: dir)
        #expect(plan.status == 0, "\(plan.err)")
        let manifest = try JSONSerialization.jsonObject(with: contents(dir.appendingPathComponent("out/manifest.json")))
            as? [String: Any]
        let cells = manifest?["cells"] as? [[String: Any]] ?? []
        let blocked = dir.appendingPathComponent("out").appendingPathComponent(try #require(cells[2]["run_file"] as? String))
        try Data("not a run".utf8).write(to: blocked)

        let run = try twinlab(["experiment", "run", file, "--output", "out", "--jobs", "2"], in: dir)
        #expect(run.status == ExitStatus.runFailed.rawValue, "\(run.err)")
        #expect(run.out.contains("8 runs — 6 ran, 1 reused, 1 failed"), "\(run.out)")
        #expect(run.err.contains("cell 2 (three, seed 3) failed:"), "\(run.err)")
        #expect(run.err.contains("1 of 8 runs have no finished result"), "\(run.err)")
        let summary = try JSONSerialization.jsonObject(with: contents(dir.appendingPathComponent("out/summary.json")))
            as? [String: Any]
        let responses = summary?["responses"] as? [[String: Any]] ?? []
        let variants = responses.first?["variants"] as? [[String: Any]] ?? []
        #expect(variants.first?["missing"] as? Int == 1, "the summary counts the failed cell as missing")
        let missing = try String(contentsOf: dir.appendingPathComponent("out/missing.csv"), encoding: .utf8)
        #expect(missing.hasPrefix("cell,variant,point,seed,error\n2,three,,3,"), "\(missing)")
        let shown = try twinlab(["experiment", "summary", "out"], in: dir)
        #expect(shown.out.contains("three (1 missing)"), "\(shown.out)")
        #expect(shown.out.contains("1 run has no finished result and is left out"), "\(shown.out)")

        #expect(run.err.contains("--overwrite"), "the error says how to replace the file: \(run.err)")
        #expect(try Data(contentsOf: blocked) == Data("not a run".utf8), "without --overwrite the file stays")
        let retry = try twinlab(["experiment", "run", file, "--output", "out", "--overwrite"], in: dir)
        #expect(retry.status == 0, "\(retry.err)")
        #expect(retry.out.contains("8 runs — 1 ran, 7 reused, 0 failed"), "\(retry.out)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/missing.csv").path),
                "missing.csv goes once nothing is missing")
    }

    @Test("bad command lines and folders are refused with what to do, and nothing earlier is touched")
    func badInput() throws {
        let dir = try workspace()
        let file = try Self.writeExperiment(in: dir)
        let shard = try twinlab(["experiment", "run", file, "--shard", "3/3"], in: dir)
        #expect(shard.status == ExitStatus.usage.rawValue)
        #expect(shard.err.contains("--shard '3/3' must be I/N with 0 ≤ I < N"), "\(shard.err)")
        let jobs = try twinlab(["experiment", "run", file, "--jobs", "0"], in: dir)
        #expect(jobs.status == ExitStatus.usage.rawValue)
        let missing = try twinlab(["experiment", "run", dir.appendingPathComponent("nope.yaml").path], in: dir)
        #expect(missing.status == ExitStatus.invalidScenario.rawValue)
        #expect(missing.err.contains("nope.yaml"), "\(missing.err)")

        let huge = try twinlab(["experiment", "run", file, "--output", "huge", "--max-output-size", "1K"], in: dir)
        #expect(huge.status == ExitStatus.invalidScenario.rawValue, "\(huge.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("huge").path),
                "a refused experiment writes nothing")

        let first = try twinlab(["experiment", "run", file, "--output", "shared", "--quiet"], in: dir)
        #expect(first.status == 0, "\(first.err)")
        let before = try contents(dir.appendingPathComponent("shared/summary.json"))
        let other = try Self.writeExperiment(in: dir, name: "other.yaml", id: "other-study")
        let foreign = try twinlab(["experiment", "run", other, "--output", "shared"], in: dir)
        #expect(foreign.status == ExitStatus.outputExists.rawValue, "\(foreign.err)")
        #expect(foreign.err.contains("holds experiment 'crew-cli', not 'other-study'"), "\(foreign.err)")
        #expect(try contents(dir.appendingPathComponent("shared/summary.json")) == before)

        let noFolder = try twinlab(["experiment", "collect", "nowhere"], in: dir)
        #expect(noFolder.status == ExitStatus.ioError.rawValue)
        #expect(noFolder.err.contains("is not an experiment folder"), "\(noFolder.err)")
        let noSummary = try twinlab(["experiment", "summary", "nowhere"], in: dir)
        #expect(noSummary.status == ExitStatus.ioError.rawValue)
        #expect(noSummary.err.contains("no summary.json"), "\(noSummary.err)")

        // A result edited after its run: collect refuses it (exit 6, naming the file), keeps the summary.
        let runs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("shared/runs").path)
            .filter { $0.hasSuffix(".h5") }.sorted()
        let tampered = dir.appendingPathComponent("shared/runs").appendingPathComponent(try #require(runs.first)).path
        let edit = try PythonInterpreter.script("""
            import sys, h5py
            with h5py.File(sys.argv[1], "r+") as f:
                f["kpis"].attrs["availability"] = f["kpis"].attrs["availability"] * 0.5
            """, [tampered])
        try #require(edit.status == 0, "\(edit.stderr)")
        let damaged = try twinlab(["experiment", "collect", "shared"], in: dir)
        #expect(damaged.status == ExitStatus.unusableRun.rawValue, "\(damaged.err)")
        #expect(damaged.err.contains("integrity check failed") && damaged.err.contains(runs[0]), "\(damaged.err)")
        #expect(try contents(dir.appendingPathComponent("shared/summary.json")) == before)

        // A damaged manifest is rewritten by the next run; finished runs are reused.
        try Data("{".utf8).write(to: dir.appendingPathComponent("shared/manifest.json"))
        let unreadable = try twinlab(["experiment", "collect", "shared"], in: dir)
        #expect(unreadable.status == ExitStatus.ioError.rawValue)
        #expect(unreadable.err.contains("manifest.json' cannot be read"), "\(unreadable.err)")
        try FileManager.default.removeItem(atPath: tampered)
        let repaired = try twinlab(["experiment", "run", file, "--output", "shared"], in: dir)
        #expect(repaired.status == 0, "\(repaired.err)")
        #expect(repaired.out.contains("8 runs — 1 ran, 7 reused"), "\(repaired.out)")
        #expect(try contents(dir.appendingPathComponent("shared/summary.json")) == before)

        // The experiment file edited after its runs: collect refuses and keeps the summary.
        try (try String(contentsOfFile: file, encoding: .utf8)).replacingOccurrences(of: "[1, 2, 3, 4]", with: "[1, 2, 3]")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try twinlab(["experiment", "collect", "shared"], in: dir)
        #expect(changed.status == ExitStatus.invalidScenario.rawValue)
        #expect(changed.err.contains("changed since this folder's runs were planned"), "\(changed.err)")
        #expect(try contents(dir.appendingPathComponent("shared/summary.json")) == before)
    }

    @Test("collect of shards with one missing names its cells and the array index to resubmit")
    func collectNamesMissingShards() throws {
        let dir = try workspace()
        let file = try Self.writeExperiment(in: dir)
        for shard in [0, 2] {
            let part = try twinlab(["experiment", "run", file, "--shard", "\(shard)/4", "--output", "out", "--quiet"], in: dir)
            #expect(part.status == 0, "\(part.err)")
        }
        let collect = try twinlab(["experiment", "collect", "out"], in: dir)
        #expect(collect.status == ExitStatus.runFailed.rawValue)
        #expect(collect.err.contains("4 of 8 runs have no finished result"), "\(collect.err)")
        #expect(collect.err.contains("cell 1 (three, seed 2): not run yet"), "\(collect.err)")
        #expect(collect.err.contains("--array=1,3"), "\(collect.err)")
    }

    @Test("sequential mode adds common seeds until the intervals are narrow enough or the maximum, the same with any --jobs")
    func sequentialAddsSeeds() throws {
        let dir = try workspace()
        let strict = try Self.writeExperiment(
            in: dir, name: "strict.yaml", extra: "sequential: {relative_half_width: 0.0001, max_replications: 7}")
        let one = try twinlab(["experiment", "run", strict, "--output", "strict1", "--jobs", "1"], in: dir)
        #expect(one.status == 0, "\(one.err)")
        #expect(one.out.contains("adding 3 seeds"), "\(one.out)")
        #expect(one.out.contains("still too wide at max_replications 7"), "\(one.out)")
        #expect(one.out.contains("14 runs — 6 ran, 8 reused"), "the second round runs only the new seeds: \(one.out)")
        let summary = try JSONSerialization.jsonObject(
            with: contents(dir.appendingPathComponent("strict1/summary.json"))) as? [String: Any]
        #expect(summary?["seeds"] as? [Int] == [1, 2, 3, 4, 5, 6, 7])
        let manifest = try JSONSerialization.jsonObject(
            with: contents(dir.appendingPathComponent("strict1/manifest.json"))) as? [String: Any]
        #expect((manifest?["cells"] as? [Any])?.count == 14)
        let two = try twinlab(["experiment", "run", strict, "--output", "strict2", "--jobs", "2", "--quiet"], in: dir)
        #expect(two.status == 0, "\(two.err)")
        #expect(try contents(dir.appendingPathComponent("strict2/summary.json"))
                    == contents(dir.appendingPathComponent("strict1/summary.json")))
        // collect on the folder plans the seeds the manifest lists, not only the file's four.
        let collect = try twinlab(["experiment", "collect", "strict1", "--quiet"], in: dir)
        #expect(collect.status == 0, "\(collect.err)")
        #expect(try contents(dir.appendingPathComponent("strict1/summary.json"))
                    == contents(dir.appendingPathComponent("strict2/summary.json")))

        let loose = try Self.writeExperiment(
            in: dir, name: "loose.yaml", extra: "sequential: {relative_half_width: 0.9, max_replications: 7}")
        let met = try twinlab(["experiment", "run", loose, "--output", "loose"], in: dir)
        #expect(met.status == 0, "\(met.err)")
        #expect(met.out.contains("sequential: every 95 % half-width is within 0.9 of its mean with 4 seeds"), "\(met.out)")
    }

    @Test("sbatch prints an array script with absolute paths, the shard of each task and the throttle")
    func sbatchScript() throws {
        let dir = try workspace()
        let file = try Self.writeExperiment(in: dir)
        let script = try twinlab(["experiment", "sbatch", file, "--tasks", "4", "--throttle", "2", "--output", "out"], in: dir)
        #expect(script.status == 0, "\(script.err)")
        #expect(script.out.hasPrefix("#!/bin/bash"))
        #expect(script.out.contains("#SBATCH --array=0-3%2"), "\(script.out)")
        #expect(script.out.contains("--shard \"$SLURM_ARRAY_TASK_ID/4\""), "\(script.out)")
        #expect(script.out.contains("'\(file)'"), "\(script.out)")
        let folder = dir.appendingPathComponent("out").standardizedFileURL.path
        #expect(script.out.contains("--output '\(folder)'") || script.out.contains("--output '/private\(folder)'"),
                "\(script.out)")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/slurm").path, isDirectory: &isFolder)
                    && isFolder.boolValue, "the tasks' log folder exists before submission")
        // Every task died before finishing: collect still names the tasks to resubmit.
        let run = try twinlab(["experiment", "run", file, "--output", "out", "--shard", "0/8", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        where name.hasPrefix("timings-") {
            try FileManager.default.removeItem(at: dir.appendingPathComponent("out").appendingPathComponent(name))
        }
        let collect = try twinlab(["experiment", "collect", "out"], in: dir)
        #expect(collect.status == ExitStatus.runFailed.rawValue)
        #expect(collect.err.contains("of 4: resubmit with `sbatch --array=0,1,2,3 SCRIPT`"), "\(collect.err)")
        let bad = try twinlab(["experiment", "sbatch", file, "--tasks", "0"], in: dir)
        #expect(bad.status == ExitStatus.usage.rawValue)
    }

    @Test("sbatch refuses a folder with a backslash (Slurm would expand no %A_%a in its logs' names), exit 64, nothing created")
    func sbatchRefusesBackslashFolder() throws {
        let dir = try workspace()
        let file = try Self.writeExperiment(in: dir)
        let folder = dir.appendingPathComponent("runs\\today")
        let result = try twinlab(["experiment", "sbatch", file, "--tasks", "4", "--output", folder.path], in: dir)
        #expect(result.status == ExitStatus.usage.rawValue, "\(result.err)")
        #expect(result.err.contains("has a backslash, which turns off Slurm's %A_%a in the task logs' names; "
                                        + "choose another --output"), "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
