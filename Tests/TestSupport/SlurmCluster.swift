import Foundation

/// A private single-node Slurm cluster for one test, started by `scripts/slurm-up.sh`.
///
/// Every Slurm command runs with the cluster's `SLURM_CONF`, so it talks to this cluster only.
/// Finished jobs stay visible to `scontrol show job` for an hour (`MinJobAge` in slurm-up.sh):
/// without slurmdbd there is no `sacct`, and `scontrol` is the one place that records how each
/// array task ended (its state and its exit code or signal, as slurmstepd saw them).
public struct SlurmCluster: Sendable {
    /// A cluster that did not start, or a Slurm command that failed, with what it printed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// How one array task ended, from `scontrol show job`.
    public struct TaskState: Sendable, Equatable, CustomStringConvertible {
        /// `SLURM_ARRAY_TASK_ID`.
        public var index: Int
        /// `COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`, `OUT_OF_MEMORY`, `NODE_FAIL`; `PENDING` or
        /// `RUNNING` before the end.
        public var state: String
        /// `EXIT:SIGNAL`: `0:0` for success, `0:9` for a task killed by SIGKILL, `1:0` for exit status 1.
        public var exitCode: String

        public init(index: Int, state: String, exitCode: String) {
            self.index = index
            self.state = state
            self.exitCode = exitCode
        }

        public var description: String { "task \(index): \(state) (exit \(exitCode))" }
    }

    /// The cluster's folder (`SLURM_BASE`): configuration, state, daemon logs.
    public let base: String
    /// Its `slurm.conf` (`SLURM_CONF`).
    public let configuration: String

    /// The environment Slurm's commands need to reach this cluster.
    public var environment: [String: String] {
        ["SLURM_CONF": configuration, "PATH": (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin"]
    }

    /// Runs `scripts/slurm-up.sh` of `repository` and reads the `SLURM_CONF` and `SLURM_BASE` it prints.
    ///
    /// - Throws: ``Failure`` with the script's own message when Slurm is missing or does not come up.
    public static func start(repository: URL) throws -> SlurmCluster {
        let script = repository.appendingPathComponent("scripts/slurm-up.sh").path
        let result = try SystemCommand.output("/bin/bash", [script])
        guard result.status == 0 else {
            throw Failure(description: "scripts/slurm-up.sh exited \(result.status): \(result.err)\(result.out)")
        }
        guard let conf = Self.value(of: "SLURM_CONF", in: result.out), let base = Self.value(of: "SLURM_BASE", in: result.out)
        else { throw Failure(description: "scripts/slurm-up.sh printed no SLURM_CONF and SLURM_BASE: \(result.out)") }
        return SlurmCluster(base: base, configuration: conf)
    }

    /// `NAME='value'` in slurm-up.sh's `export` line.
    static func value(of name: String, in text: String) -> String? {
        guard let start = text.range(of: "\(name)='") else { return nil }
        let rest = text[start.upperBound...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }

    /// Stops the daemons with `scripts/slurm-down.sh` (cancelling any job left) and deletes the
    /// cluster's folder; safe to call after a failure.
    public func stop(repository: URL) {
        let script = repository.appendingPathComponent("scripts/slurm-down.sh").path
        _ = try? SystemCommand.output("/bin/bash", [script], environment: ["SLURM_BASE": base, "SLURM_CONF": configuration])
        try? FileManager.default.removeItem(atPath: base)
    }

    /// Runs a Slurm command (`sbatch`, `squeue`, `scontrol`...) against this cluster.
    public func command(_ name: String, _ arguments: [String], environment extra: [String: String] = [:],
                        in directory: URL? = nil) throws -> SystemCommand.Output {
        try SystemCommand.output("/usr/bin/env", [name] + arguments,
                                 environment: environment.merging(extra) { $1 }, in: directory)
    }

    /// Submits `script` with `sbatch --parsable` and returns the job id.
    public func submit(_ script: String, options: [String] = [], in directory: URL) throws -> String {
        let result = try command("sbatch", ["--parsable"] + options + [script], in: directory)
        // --parsable prints `JOBID` or `JOBID;CLUSTER`.
        let id = result.out.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard result.status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw Failure(description: "\((["sbatch"] + options).joined(separator: " ")) exited \(result.status): \(result.err)\(result.out)")
        }
        return id
    }

    /// Polls `squeue -h -j JOB` every `interval` until the job has left the queue; returns how long it took.
    ///
    /// - Throws: ``Failure`` when `deadline` passes first, with `scontrol show job` in the message.
    public func waitUntilDone(_ job: String, deadline: Duration, interval: Duration = .milliseconds(500)) throws -> Duration {
        let clock = ContinuousClock(), start = clock.now
        var lastError = ""
        while clock.now - start < deadline {
            let queue = try command("squeue", ["-h", "-j", job])
            if queue.status == 0 {
                if queue.out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return clock.now - start }
            } else if queue.err.contains("Invalid job id") {
                // Purged already: it left the queue long ago.
                return clock.now - start
            } else {
                // A busy slurmctld may time out a request; the next poll asks again.
                lastError = queue.err
            }
            Thread.sleep(forTimeInterval: Double(interval.components.seconds) + Double(interval.components.attoseconds) * 1e-18)
        }
        throw Failure(description: "job \(job) still queued after \(deadline)\(lastError.isEmpty ? "" : " (squeue: \(lastError))"):\n"
                          + describe(job))
    }

    /// Each array task of `job` as `scontrol show job` knows it, by task index.
    public func tasks(of job: String) throws -> [TaskState] {
        let result = try command("scontrol", ["-o", "show", "job", job])
        guard result.status == 0 else {
            throw Failure(description: "scontrol show job \(job) exited \(result.status): \(result.err)")
        }
        return try result.out.split(separator: "\n").map { line in
            let fields = Dictionary(line.split(separator: " ").compactMap { field -> (String, String)? in
                guard let equals = field.firstIndex(of: "=") else { return nil }
                return (String(field[..<equals]), String(field[field.index(after: equals)...]))
            }, uniquingKeysWith: { first, _ in first })
            // A pending array shows as one record `ArrayTaskId=0-3`: no single index yet.
            guard let index = fields["ArrayTaskId"].flatMap({ Int($0) }), let state = fields["JobState"],
                  let exit = fields["ExitCode"]
            else { throw Failure(description: "scontrol show job \(job): no single array task in: \(line)") }
            return TaskState(index: index, state: state, exitCode: exit)
        }.sorted { $0.index < $1.index }
    }

    /// `scontrol show job JOB`'s text, or why there is none: for failure messages.
    public func describe(_ job: String) -> String {
        guard let result = try? command("scontrol", ["show", "job", job]) else { return "(scontrol did not run)" }
        return result.status == 0 ? result.out : "scontrol show job \(job): \(result.err)"
    }
}
