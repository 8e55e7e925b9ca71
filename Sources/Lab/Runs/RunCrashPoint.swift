import Foundation
import Synchronization

/// Named instants of the run write path where a test may kill the process.
///
/// When the environment variable `TWINLAB_TEST_KILL_AT` names one of these points, the run
/// sends itself SIGKILL on reaching it, which is what a crash, an out-of-memory kill or a power
/// cut looks like to the files. `POINT@N` kills at the N-th time a run of this process reaches
/// the point (an experiment killed half-way through its runs). Tests of the crash windows
/// (`KilledRunTests`) and of resumed experiments use it; it has no other purpose and costs one
/// dictionary lookup per run.
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

    /// The point named by `TWINLAB_TEST_KILL_AT` and on which visit to kill, read once per process.
    static let armed: (point: RunCrashPoint, visit: Int)? = {
        guard let text = ProcessInfo.processInfo.environment["TWINLAB_TEST_KILL_AT"] else { return nil }
        let parts = text.split(separator: "@", maxSplits: 1)
        guard let point = RunCrashPoint(rawValue: String(parts[0])) else { return nil }
        return (point, parts.count == 2 ? Int(parts[1]) ?? 1 : 1)
    }()

    private static let visits = Atomic<Int>(0)

    /// Kills the process here when this is the armed point and visit.
    func reach() {
        guard let armed = Self.armed, armed.point == self else { return }
        if Self.visits.add(1, ordering: .relaxed).newValue == armed.visit { kill(getpid(), SIGKILL) }
    }
}
