import ArgumentParser

/// The exit codes of `twinlab`, documented in README.md; scripts may rely on them.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Everything worked.
    case success = 0
    /// The simulation itself failed (a model fault); the catalog marks the run failed.
    case runFailed = 1
    /// A scenario file is invalid or malformed; nothing was run.
    case invalidScenario = 3
    /// Output or catalog files could not be written or read.
    case ioError = 4
    /// `twinlab diff` found differences beyond the tolerances.
    case differences = 5
    /// A dataset export cannot use the run file: not a run file, unfinished (`.partial`,
    /// `status = incomplete`), a model the format does not cover, channels missing, or (C-MAPSS
    /// without `--allow-empty`) no machine failed.
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

    /// What the code means, in a few words, for `--help`.
    var meaning: String {
        switch self {
        case .success: "success"
        case .runFailed: "the simulation failed"
        case .invalidScenario: "a scenario file is invalid"
        case .ioError: "output or catalog files could not be written or read"
        case .differences: "diff found differences"
        case .unusableRun: "an export cannot use the run file"
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
