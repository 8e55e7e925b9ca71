/// Why an experiment could not be run, collected or summarised: its folder, shard or files,
/// not the experiment file (that is ``ExperimentError``, at a line of the file).
public struct ExperimentRunError: Error, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// `--shard` is not `I/N` with 0 ≤ I < N.
        case invalidShard = "invalid-shard"
        /// A file of the experiment folder cannot be written.
        case output = "output-not-writable"
        /// The folder is not an experiment folder, or a file in it cannot be read.
        case unreadable = "unreadable-folder"
        /// The folder holds another experiment (its manifest names another id).
        case foreignFolder = "foreign-folder"
        /// The experiment file changed since the folder's runs were planned (`collect`).
        case changedExperiment = "changed-experiment"
        /// A path cannot be written into a Slurm script (`sbatch`): a line break, or a backslash in the folder.
        case unscriptablePath = "unscriptable-path"
    }

    public var code: Code
    /// What is wrong and what to do about it.
    public var message: String
    /// The file system's, decoder's or run file reader's error behind this one.
    public var underlying: (any Error)?

    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        message + (underlying.map { ": \($0)" } ?? "")
    }
}
