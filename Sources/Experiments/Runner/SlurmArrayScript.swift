import Foundation

/// The Slurm job-array script that runs an experiment as `tasks` shards; printed, never submitted.
///
/// Each array task runs `twinlab experiment run FILE --shard $SLURM_ARRAY_TASK_ID/N` into the
/// same folder (a shared file system): task `i` takes the cells whose position is `i` mod N
/// (``ExperimentShard``), so the split does not depend on timing and a resubmitted task
/// (`sbatch --array=i script`) redoes exactly its own cells, reusing any it finished. Each
/// task uses the CPUs Slurm gives it (`--cpus-per-task`) as its `--jobs`. When every task is
/// done, `twinlab experiment collect DIR` checks that no cell is missing and writes the summary.
public struct SlurmArrayScript: Sendable {
    public var experimentPath: String
    public var experimentID: String
    public var folder: String
    public var tasks: Int
    /// At most this many tasks at once (`%K`); nil for no limit.
    public var throttle: Int?
    public var cpusPerTask: Int
    /// The `twinlab` executable the tasks run (absolute).
    public var executable: String

    public init(experimentPath: String, experimentID: String, folder: String, tasks: Int, throttle: Int?,
                cpusPerTask: Int = 1, executable: String) {
        self.experimentPath = experimentPath
        self.experimentID = experimentID
        self.folder = folder
        self.tasks = tasks
        self.throttle = throttle
        self.cpusPerTask = cpusPerTask
        self.executable = executable
    }

    /// The script text.
    public var text: String {
        let array = "0-\(tasks - 1)" + (throttle.map { "%\($0)" } ?? "")
        return """
            #!/bin/bash
            # TwinLab experiment '\(experimentID)' as a Slurm job array of \(tasks) tasks.
            # Submit:   sbatch THIS-FILE
            # Then:     \(Self.quoted(executable)) experiment collect \(Self.quoted(folder))
            # A failed task i is redone with: sbatch --array=i THIS-FILE (its finished cells are reused).
            #SBATCH --job-name=twinlab-\(experimentID)
            #SBATCH --array=\(array)
            #SBATCH --cpus-per-task=\(cpusPerTask)
            #SBATCH --output=\(Self.directiveValue(Self.literalPattern(folder) + "/slurm/%A_%a.out"))
            set -euo pipefail
            # HDF5's file locks do not work on every shared file system (NFS, Lustre); TwinLab
            # claims each output itself.
            export HDF5_USE_FILE_LOCKING=FALSE
            exec \(Self.quoted(executable)) experiment run \(Self.quoted(experimentPath)) \\
                --output \(Self.quoted(folder)) --shard "$SLURM_ARRAY_TASK_ID/\(tasks)" \\
                --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet

            """
    }

    /// Checks that the paths survive sbatch and bash as they are.
    ///
    /// - Throws: ``ExperimentRunError`` `unscriptable-path` for a line break in any path (it would end
    ///   a script line) or a backslash in the folder: slurmstepd then expands no `%A_%a` in the task
    ///   logs' names (its documented rule), so every task would write the same log, or none.
    public func check() throws {
        for (what, path) in [("experiment file", experimentPath), ("experiment folder", folder), ("twinlab executable", executable)]
        where path.contains(where: \.isNewline) {
            throw ExperimentRunError(.unscriptablePath, "the \(what) '\(path)' has a line break, which a Slurm script "
                                        + "cannot hold; rename it")
        }
        if folder.contains("\\") {
            throw ExperimentRunError(.unscriptablePath, "the experiment folder '\(folder)' has a backslash, which turns off "
                                        + "Slurm's %A_%a in the task logs' names; choose another --output")
        }
    }

    /// An `#SBATCH` option's value as sbatch reads it back: in double quotes, since sbatch splits a
    /// directive at blanks and ends it at an unquoted `#`, with `"` escaped.
    static func directiveValue(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A path inside a Slurm file name pattern: `%` doubled, or slurmstepd would take `%1`... as a pattern.
    static func literalPattern(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%%")
    }

    /// A shell word in single quotes.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
