import ArgumentParser
import Recording

/// The exit codes of `twinlab`, documented in README.md; scripts may rely on them.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Everything worked.
    case success = 0
    /// The simulation itself failed (a model fault); the catalog marks the run failed.
    case runFailed = 1
    /// A scenario file is invalid or malformed; nothing was run.
    case invalidScenario = 3
    /// Output or catalog files could not be written or read (missing, not writable, locked,
    /// a damaged or foreign catalog, disk full).
    case ioError = 4
    /// `twinlab diff` found differences beyond the tolerances.
    case differences = 5
    /// A run file cannot be used: not a TwinLab run (a foreign HDF5 or other file), failed its
    /// integrity check (a dataset's Fletcher-32 checksum or the output digest: changed since
    /// the run wrote it), unfinished where a finished run is needed (`verify`, dataset exports:
    /// `.partial`, `status = incomplete`), or for a dataset export a model the format does not
    /// cover, channels missing, or (C-MAPSS without `--allow-empty`) no machine failed.
    case unusableRun = 6
    /// A dataset export would overwrite an existing dataset (pass `--force`), or a run's
    /// output name holds a different run (pass `--overwrite`).
    case outputExists = 7
    /// Another run is writing the same output file right now (same scenario, seed and
    /// horizon into the same folder); nothing was written. Retry when it has finished.
    case outputBusy = 8
    /// The command line itself was wrong (ArgumentParser's usage error).
    case usage = 64

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The status for a failure to read a run file: `.unusableRun` when the file is foreign,
    /// unfinished or not intact (``RunFileIntegrityError``), `.ioError` when it cannot be read at all.
    static func readingRun(_ error: any Error) -> ExitStatus {
        guard let error = error as? RunFileIntegrityError else { return .ioError }
        return error.code == .unreadable ? .ioError : .unusableRun
    }

    /// What the code means, in a few words, for `--help`.
    var meaning: String {
        switch self {
        case .success: "success"
        case .runFailed: "the simulation failed"
        case .invalidScenario: "a scenario file is invalid"
        case .ioError: "output or catalog files could not be written or read"
        case .differences: "diff found differences"
        case .unusableRun: "a run file is not a TwinLab run, failed its integrity check, or cannot be used by the command"
        case .outputExists: "an export would overwrite an existing dataset (--force) or a run a different run (--overwrite)"
        case .outputBusy: "another run is writing the same output file now"
        case .usage: "the command line was wrong"
        }
    }

    /// Every code and its meaning, as `--help` lists them.
    static var helpText: String {
        "Exit codes: " + allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: ", ") + "."
    }
}
