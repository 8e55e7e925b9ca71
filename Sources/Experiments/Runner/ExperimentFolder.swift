import Foundation

/// Where an experiment's files live: one folder per experiment.
///
/// ```
/// DIR/manifest.json     what was asked: experiment, scenario, seeds, overrides, cells, version
/// DIR/runs/*.h5         one run file per cell (the usual run file names)
/// DIR/catalog.sqlite    the runs' catalog rows
/// DIR/runs.csv          one row per run and response (long format, for pandas)
/// DIR/summary.json      statistics per variant and response; byte-identical whatever
/// DIR/summary.csv         --jobs, sharding or resumption
/// DIR/timings.json      wall-clock times (the only file that differs between equal runs)
/// ```
public struct ExperimentFolder: Sendable, Equatable {
    /// The experiment folder.
    public var path: String

    public init(path: String) { self.path = path }

    /// The default folder for an experiment: `results/experiments/<id>`.
    public static func defaultPath(experimentID: String) -> String { "results/experiments/\(experimentID)" }

    public var runs: String { file("runs") }
    public var catalog: String { file("catalog.sqlite") }
    public var manifest: String { file("manifest.json") }
    public var runsTable: String { file("runs.csv") }
    public var summaryJSON: String { file("summary.json") }
    public var summaryCSV: String { file("summary.csv") }
    public var timings: String { file("timings.json") }

    private func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `text` to `path` through a temporary file and one rename, so a reader (or a kill)
    /// never sees half a file and an earlier version stays whole until replaced.
    static func writeAtomically(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw ExperimentError(code: .output, message: "cannot rename '\(temporary)' to '\(path)': "
                                          + String(cString: strerror(errno)))
            }
        } catch let error as ExperimentError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw ExperimentError(code: .output, message: "cannot write '\(path)'", underlying: error)
        }
    }
}
