import Foundation

/// Named instants of the run write path where a test may kill the process.
///
/// When the environment variable `TWINLAB_TEST_KILL_AT` names one of these points, the run
/// sends itself SIGKILL on reaching it, which is what a crash, an out-of-memory kill or a power
/// cut looks like to the files. Tests of the crash windows (`KilledRunTests`) use it; it has no
/// other purpose and costs one dictionary lookup per run.
public enum RunCrashPoint: String, CaseIterable, Sendable {
    /// The simulation has ended; the partial file holds the series, not the results.
    case afterSimulation = "after-simulation"
    /// The results are written and `status` says complete; the file is not closed yet.
    case beforeClose = "before-close"
    /// The partial file is closed, not yet synced.
    case afterClose = "after-close"
    /// The partial file is synced; the rename is next.
    case beforeRename = "before-rename"
    /// The file has its final name; the catalog row still says running.
    case afterRename = "after-rename"
    /// The catalog row says complete; the output claim is still held.
    case afterCatalog = "after-catalog"

    /// The point named by `TWINLAB_TEST_KILL_AT`, read once per process.
    static let armed: RunCrashPoint? = ProcessInfo.processInfo.environment["TWINLAB_TEST_KILL_AT"]
        .flatMap(RunCrashPoint.init(rawValue:))

    /// Kills the process here when this is the armed point.
    func reach() {
        if Self.armed == self { kill(getpid(), SIGKILL) }
    }
}
