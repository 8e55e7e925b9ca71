import Foundation
import Scenario
import Recording

/// The name of a run's HDF5 file: `<scenario id>-seed<seed>-<horizon>h-<hash8>.h5`.
///
/// `hash8` is the first 8 hex digits of the scenario's content hash (text and calibration,
/// ``Scenario/contentHash``), and the horizon is the simulated span actually run (`--until`
/// included), so an edited copy with the same id, an edited calibration set, another seed or a
/// shorter run never lands on an earlier result's name. Two runs with the same name are the
/// same run; ``RunPipeline`` still refuses to replace a file that says otherwise (another
/// TwinLab version, another full hash, not a finished run) unless told to overwrite.
public enum RunFileName {
    /// The file name (no folder) of a run.
    public static func make(scenarioID: String, seed: UInt64, horizonHours: Double, scenarioHash: String) -> String {
        "\(scenarioID)-seed\(seed)-\(horizon(horizonHours))h-\(scenarioHash.prefix(8)).h5"
    }

    /// Whole hours without a decimal point (`8760`), otherwise Swift's shortest exact form (`0.5`).
    static func horizon(_ hours: Double) -> String {
        hours == hours.rounded() && abs(hours) < 1e15 ? String(Int64(hours)) : String(hours)
    }

    /// Why the file at `path` must not be replaced by a run with this identity, or nil when
    /// nothing is there or it holds the same run (same content hash, TwinLab version and
    /// schema, finished), which a rerun may replace with identical bytes.
    public static func conflict(at path: String, scenarioHash: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let reader = try? RunFileReader(path: path) else { return "it is not a readable HDF5 file" }
        let schema = reader.attribute("schema")
        if schema != TwinLabVersion.runFileSchema {
            return "it is not a TwinLab run file (schema '\(schema)')"
        }
        let status = reader.attribute("status")
        if status != "complete" { return "it holds an unfinished run (status '\(status)')" }
        let version = reader.attribute("twinlab_version")
        if version != TwinLabVersion.current {
            return "it was written by TwinLab \(version), this is \(TwinLabVersion.current)"
        }
        let stored = reader.attribute("scenario_hash")
        if stored != scenarioHash { return "it holds a scenario with content hash \(stored), this one is \(scenarioHash)" }
        return nil
    }
}
