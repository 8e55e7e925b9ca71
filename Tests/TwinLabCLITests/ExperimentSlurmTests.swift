import Foundation
import Testing
import TestSupport

/// `twinlab experiment sbatch` and `collect` on a real single-node Slurm (munge, slurmctld,
/// slurmd from Debian's packages, started by scripts/slurm-up.sh): the array's summary is the
/// local run's, byte for byte, and a task killed mid-run is redone by resubmitting its index only.
///
/// A missing Slurm, or a cluster that does not come up, fails these tests with the script's
/// message: they never skip. Each array task's end comes from `scontrol show job` (slurm-up.sh
/// keeps finished jobs for an hour): the task logs cannot tell a success from a SIGKILL, since
/// `--quiet` prints nothing on success and a killed process prints nothing at all, while
/// slurmstepd records each task's exit status or signal.
@Suite("Experiments on a real Slurm cluster", .serialized)
struct ExperimentSlurmTests {
    static let repository = TwinLabProcess.repository
    static let experiment = repository.appendingPathComponent("scenarios/experiments/grower-what-if.yaml").path
    static let tasks = 4
    /// Generous: 40 room-month runs of a debug build on two cores other builds share.
    static let deadline: Duration = .seconds(900)

    /// The summary.json of the same experiment run locally (`--jobs 2`), computed once for both tests.
    static let reference: Result<Data, any Error> = Result {
        let dir = try workspace()
        // 40 run files of 2.7 MB: only the summary is kept.
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("local")
        let clock = ContinuousClock(), start = clock.now
        let run = try TwinLabProcess.run(["experiment", "run", experiment, "--output", folder.path, "--jobs", "2", "--quiet"],
                                         in: dir)
        guard run.status == 0 else {
            throw SlurmCluster.Failure(description: "the local experiment run exited \(run.status): \(run.err)")
        }
        print("ExperimentSlurm: local run of grower-what-if (40 runs, --jobs 2): \(seconds(clock.now - start)) s")
        return try Data(contentsOf: folder.appendingPathComponent("summary.json"))
    }

    @Test("the printed script, submitted as a 4-task array, gives the local run's summary.json byte for byte")
    func arrayMatchesLocalRun() throws {
        let reference = try Self.reference.get()
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Stopped before the folder goes (defers run last first): no task is left writing into it.
        let cluster = try Self.startCluster()
        defer { cluster.stop(repository: Self.repository) }
        let folder = dir.appendingPathComponent("slurm")
        let script = try Self.writeScript(into: folder, in: dir)

        let job = try cluster.submit(script, in: dir)
        let wall = try Self.wait(for: job, on: cluster, folder: folder)
        print("ExperimentSlurm: \(Self.tasks)-task array of 40 runs: \(Self.seconds(wall)) s from sbatch to an empty queue")
        let states = try cluster.tasks(of: job)
        #expect(states.map(\.index) == Array(0..<Self.tasks), "\(states)")
        #expect(states.allSatisfy { $0.state == "COMPLETED" && $0.exitCode == "0:0" },
                "\(states)\n\(Self.logs(of: folder))")

        let collect = try TwinLabProcess.run(["experiment", "collect", folder.path, "--quiet"], in: dir)
        #expect(collect.status == 0, "\(collect.err)")
        let summary = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        #expect(summary == reference, "the array's summary.json differs from the local run's")
    }

    @Test("a task killed mid-run fails, collect names its index and counts its cells missing; resubmitting that index alone gives the local summary")
    func killedTaskIsRedoneByItsIndex() throws {
        let reference = try Self.reference.get()
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Stopped before the folder goes (defers run last first): no task is left writing into it.
        let cluster = try Self.startCluster()
        defer { cluster.stop(repository: Self.repository) }
        let folder = dir.appendingPathComponent("killed")
        let script = try Self.writeScript(into: folder, in: dir)

        // Task 2 SIGKILLs itself once its first run has simulated, before the run file is written.
        let clock = ContinuousClock(), start = clock.now
        let rest = try cluster.submit(script, options: ["--array=0,1,3"], in: dir)
        let killed = try cluster.submit(script, options: ["--array=2", "--export=ALL,TWINLAB_TEST_KILL_AT=after-simulation"],
                                        in: dir)
        _ = try Self.wait(for: rest, on: cluster, folder: folder)
        _ = try Self.wait(for: killed, on: cluster, folder: folder)
        print("ExperimentSlurm: tasks 0,1,3 and the killed task 2: \(Self.seconds(clock.now - start)) s")
        let others = try cluster.tasks(of: rest)
        #expect(others.map(\.index) == [0, 1, 3], "\(others)")
        #expect(others.allSatisfy { $0.state == "COMPLETED" && $0.exitCode == "0:0" }, "\(others)\n\(Self.logs(of: folder))")
        let victim = try cluster.tasks(of: killed)
        #expect(victim == [SlurmCluster.TaskState(index: 2, state: "FAILED", exitCode: "0:9")],
                "task 2 should have died of SIGKILL: \(victim)\n\(Self.logs(of: folder))")

        let partial = try TwinLabProcess.run(["experiment", "collect", folder.path, "--quiet"], in: dir)
        #expect(partial.status == 1, "\(partial.err)")
        #expect(partial.err.contains("they belong to shards 2 of \(Self.tasks): resubmit with `sbatch --array=2 SCRIPT`"),
                "\(partial.err)")
        // Shard 2 holds cells 2, 6, 10, ...: every response counts each variant's share of them missing.
        let expected = try Self.cellsPerVariant(in: folder) { $0 % Self.tasks == 2 }
        let incomplete = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        let missing = try Self.missingCounts(in: incomplete)
        #expect(!missing.isEmpty)
        for (response, counts) in missing {
            #expect(counts == expected, "\(response): missing \(counts), expected \(expected)")
        }
        #expect(expected.values.allSatisfy { $0 > 0 } && expected.count == 4, "\(expected)")

        let again = try cluster.submit(script, options: ["--array=2"], in: dir)
        let wall = try Self.wait(for: again, on: cluster, folder: folder)
        print("ExperimentSlurm: resubmitted task 2 (10 runs): \(Self.seconds(wall)) s")
        let redone = try cluster.tasks(of: again)
        #expect(redone == [SlurmCluster.TaskState(index: 2, state: "COMPLETED", exitCode: "0:0")],
                "\(redone)\n\(Self.logs(of: folder))")
        let collect = try TwinLabProcess.run(["experiment", "collect", folder.path, "--quiet"], in: dir)
        #expect(collect.status == 0, "\(collect.err)")
        let summary = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        #expect(summary == reference, "the resubmitted array's summary.json differs from the local run's")
    }

    @Test("a folder named with a blank, a #, a % and quotes gets each task's log and every run")
    func oddFolderName() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Stopped before the folder goes (defers run last first): no task is left writing into it.
        let cluster = try Self.startCluster()
        defer { cluster.stop(repository: Self.repository) }
        // sbatch once refused this script outright: the blank ended the unquoted --output directive.
        let folder = dir.appendingPathComponent("odd folder #1 at 100% \"q\"")
        let experiment = try ExperimentCommandLineTests.writeExperiment(in: dir)
        let script = try Self.writeScript(into: folder, in: dir, experiment: experiment, tasks: 2)

        let job = try cluster.submit(script, in: dir)
        _ = try Self.wait(for: job, on: cluster, folder: folder)
        let states = try cluster.tasks(of: job)
        #expect(states == [0, 1].map { SlurmCluster.TaskState(index: $0, state: "COMPLETED", exitCode: "0:0") },
                "\(states)\n\(Self.logs(of: folder))")
        let logs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("slurm").path)
            .filter { $0.hasSuffix(".out") }
        #expect(Set(logs) == ["\(job)_0.out", "\(job)_1.out"], "\(logs)")
        let collect = try TwinLabProcess.run(["experiment", "collect", folder.path, "--quiet"], in: dir)
        #expect(collect.status == 0, "\(collect.err)")
    }

    /// Starts the cluster and prints how long that took; fails (never skips) when it does not come up.
    static func startCluster() throws -> SlurmCluster {
        let clock = ContinuousClock(), start = clock.now
        let cluster = try SlurmCluster.start(repository: repository)
        print("ExperimentSlurm: cluster up in \(seconds(clock.now - start)) s (\(cluster.base))")
        return cluster
    }

    /// Prints the array script for `folder` with `twinlab experiment sbatch`, checks it and saves it; returns its path.
    static func writeScript(into folder: URL, in dir: URL, experiment: String = experiment, tasks: Int = tasks) throws
        -> String {
        let sbatch = try TwinLabProcess.run(
            ["experiment", "sbatch", experiment, "--tasks", "\(tasks)", "--output", folder.path], in: dir)
        try #require(sbatch.status == 0, "\(sbatch.err)")
        #expect(sbatch.out.contains("#SBATCH --array=0-\(tasks - 1)\n"), "\(sbatch.out)")
        // The exact quoting of odd folder names is SlurmArrayScriptTests'.
        #expect(sbatch.out.contains("#SBATCH --output=\"") && sbatch.out.contains("/slurm/%A_%a.out\"\n"), "\(sbatch.out)")
        // Slurm does not create the folder of a task's log: sbatch (the command) must have.
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("slurm").path, isDirectory: &isFolder)
                    && isFolder.boolValue)
        let script = dir.appendingPathComponent("\(folder.lastPathComponent).sbatch")
        try sbatch.out.write(to: script, atomically: true, encoding: .utf8)
        return script.path
    }

    /// Waits for `job` to leave the queue; when it does not in time, the failure carries the task logs.
    static func wait(for job: String, on cluster: SlurmCluster, folder: URL) throws -> Duration {
        do {
            return try cluster.waitUntilDone(job, deadline: deadline)
        } catch {
            throw SlurmCluster.Failure(description: "\(error)\n\(logs(of: folder))")
        }
    }

    /// Every task log in the folder's `slurm/`, for failure messages.
    static func logs(of folder: URL) -> String {
        let logs = folder.appendingPathComponent("slurm")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? []).sorted()
        guard !names.isEmpty else { return "(no task logs in \(logs.path))" }
        return names.map { name in
            let text = (try? String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)) ?? "(unreadable)"
            return "--- \(name)\n\(text.isEmpty ? "(empty)" : text)"
        }.joined(separator: "\n")
    }

    /// How many of the manifest's cells each variant has among those `selected` by index.
    static func cellsPerVariant(in folder: URL, selected: (Int) -> Bool) throws -> [String: Int] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try #require(manifest["cells"] as? [[String: Any]])
        var counts: [String: Int] = [:]
        for cell in cells {
            let index = try #require(cell["index"] as? Int), variant = try #require(cell["variant"] as? String)
            if selected(index) { counts[variant, default: 0] += 1 }
        }
        return counts
    }

    /// Each response's `missing` count per variant in a summary.json.
    static func missingCounts(in summary: Data) throws -> [String: [String: Int]] {
        let root = try #require(try JSONSerialization.jsonObject(with: summary) as? [String: Any])
        let responses = try #require(root["responses"] as? [[String: Any]])
        var result: [String: [String: Int]] = [:]
        for response in responses {
            let name = try #require(response["name"] as? String)
            for variant in try #require(response["variants"] as? [[String: Any]]) {
                result[name, default: [:]][try #require(variant["variant"] as? String)] = try #require(variant["missing"] as? Int)
            }
        }
        return result
    }

    static func workspace() throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-slurm-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
    }
}
