import Foundation
import Scenario
import Recording

/// The scenario a run file ran, rebuilt from the file alone: its `scenario_text` and the
/// calibration sets stored in `/scenario/calibration`, never the calibration folder on disk,
/// so it reads back the same from any directory and after any later edit of `calibration/`.
///
/// Files written before run files stored calibration fall back to the folder a scenario in a
/// sibling of the run file's folder would use (`<run folder>/../calibration`, or an absolute
/// `calibration_dir`), and say so when that fails.
public enum StoredScenario {
    /// Rebuilds the scenario of the run file `reader` has open.
    /// - Throws: ``StoredScenarioError``.
    public static func rebuild(from reader: RunFileReader) throws -> Scenario {
        let path = reader.path
        let provenance: RunProvenance
        do {
            provenance = try RunProvenance(reader: reader)
        } catch {
            throw StoredScenarioError(.unreadable, "cannot read the scenario provenance stored in '\(path)'", underlying: error)
        }
        guard !provenance.scenarioText.isEmpty else {
            throw StoredScenarioError(.unreadable, "'\(path)' stores no scenario_text")
        }
        guard provenance.storesCalibration else {
            // Parsed as if the scenario sat in the run file's folder: the loader's default rule
            // then looks in `<run folder>/../calibration`.
            do {
                return try ScenarioLoader.parse(provenance.scenarioText, file: path)
            } catch {
                let runFolder = (path as NSString).deletingLastPathComponent
                let folder = ((runFolder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("calibration")
                throw StoredScenarioError(
                    .invalid, "cannot read back the scenario stored in '\(path)': the file was written by TwinLab "
                        + "\(provenance.twinlabVersion) before run files stored their calibration sets, so names "
                        + "resolve against '\(folder)' (or the scenario's calibration_dir); rerun the scenario to "
                        + "store them", underlying: error)
            }
        }
        for entry in provenance.calibration where SHA256Hash.hex(entry.text) != entry.sha256 {
            throw StoredScenarioError(
                .tampered, "calibration set '\(entry.name)' stored in '\(path)' does not match its stored SHA-256 "
                    + "\(entry.sha256): the file was altered after the run")
        }
        let sets = provenance.calibration.map { CalibrationSet(file: $0.file, sourcePath: $0.sourcePath, text: $0.text) }
        var scenario: Scenario
        do {
            scenario = try ScenarioLoader.parse(provenance.scenarioText, file: "\(path):/scenario_text",
                                                storedCalibration: sets)
            // The text already holds the overrides; they come back as the provenance they are.
            scenario.overrides = try provenance.overrides.map(ScenarioOverride.parse)
        } catch {
            throw StoredScenarioError(
                .invalid, "cannot read back the scenario stored in '\(path)' with its stored calibration sets "
                    + "(\(sets.map(\.file).joined(separator: ", ")))", underlying: error)
        }
        if scenario.contentHash != provenance.scenarioHash {
            throw StoredScenarioError(
                .tampered, "the scenario rebuilt from '\(path)' has content hash \(scenario.contentHash), but the file "
                    + "says \(provenance.scenarioHash): its scenario_text or calibration was altered after the run")
        }
        return scenario
    }
}

/// Why a run file's scenario cannot be rebuilt.
public struct StoredScenarioError: Error, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The file has no readable scenario text or provenance.
        case unreadable
        /// The stored scenario does not load (older file without calibration, or a model change).
        case invalid
        /// A stored hash does not match the stored text.
        case tampered
    }

    public var code: Code
    public var message: String
    public var underlying: (any Error)?

    init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message + (underlying.map { ": \($0)" } ?? "") }
}
