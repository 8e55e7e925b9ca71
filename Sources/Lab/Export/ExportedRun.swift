import Foundation
import Recording
import Scenario

/// A finished run file opened for a dataset export: verified to be a complete, intact TwinLab
/// run (``RunFileVerifier``), with its model from the file's `run_kind` and its scenario
/// rebuilt from the file alone (``StoredScenario``: the stored text and calibration sets).
///
/// The scenario is optional: a facility scenario may name weather or price files relative to
/// where it lived that are gone, and the room export needs nothing from it. Exports that need
/// it ask for ``fleetSpec()`` or ``facilitySpec()``, which say why it is missing.
struct ExportedRun {
    /// The model a run file holds, as far as the exports care.
    enum Model: String {
        case fleet, facility, other
    }

    let path: String
    let reader: RunFileReader
    let model: Model
    /// What the file says it holds (nil for an old file whose layout tells nothing).
    let kind: RunKind?
    /// The stored scenario, or nil when it cannot be rebuilt.
    let scenario: Scenario?
    private let scenarioProblem: String

    /// Opens `path`; every refusal is a ``DatasetExportError`` saying what to do.
    init(path: String) throws {
        self.path = path
        if path.hasSuffix(".partial") {
            throw DatasetExportError(
                .incompleteRun, "'\(path)' is an unfinished run (.partial): export the run file once the run completes")
        }
        do {
            reader = try RunFileReader(verifying: path)
        } catch let error as RunFileIntegrityError {
            switch error.code {
            case .incomplete:
                throw DatasetExportError(
                    .incompleteRun, "run '\(path)' has status incomplete: it did not finish; rerun it to the end before exporting")
            case .unreadable, .notHDF5, .notARunFile:
                throw DatasetExportError(.notARunFile, "cannot read '\(path)' as a TwinLab run file: \(error)")
            case .damaged, .checksum, .digestMissing, .digestMismatch:
                throw DatasetExportError(.integrityFailed, "\(error)")
            }
        }
        do {
            scenario = try StoredScenario.rebuild(from: reader)
            scenarioProblem = ""
        } catch {
            scenario = nil
            scenarioProblem = "\(error)"
        }
        kind = reader.kind
        switch kind {
        case .fleet?: model = .fleet
        case .facility?: model = .facility
        default: model = .other
        }
    }

    /// The scenario id, for default dataset names.
    var scenarioID: String { reader.attribute("scenario_id") }

    /// The model's name for messages: the file's run kind.
    var modelName: String {
        kind?.rawValue ?? "unknown (neither run_kind nor the layout tells)"
    }

    /// The fleet section of the stored scenario (downtime cost, machine groups).
    func fleetSpec() throws -> FleetSpec {
        guard model == .fleet else {
            throw DatasetExportError(.wrongModel, "'\(path)' is a \(modelName) run, not a fleet run")
        }
        guard let scenario else { throw DatasetExportError(.malformedRun, scenarioProblem) }
        guard case .fleet(let spec) = scenario.model else {
            throw DatasetExportError(.malformedRun, "'\(path)' says run_kind fleet but its stored scenario has no fleet section")
        }
        return spec
    }

    /// The facility section of the stored scenario (room machines and their conditions).
    func facilitySpec() throws -> FacilitySpec {
        guard model == .facility else {
            throw DatasetExportError(.wrongModel, "'\(path)' is a \(modelName) run, not a facility run")
        }
        guard let scenario else { throw DatasetExportError(.malformedRun, scenarioProblem) }
        guard case .facility(let spec) = scenario.model else {
            throw DatasetExportError(
                .malformedRun, "'\(path)' says run_kind facility but its stored scenario has no facility section")
        }
        return spec
    }

    /// The recording interval, hours, from the first two rows of a table's `time` column.
    func recordingIntervalHours(of table: HDF5Table) -> Double {
        guard let time = table.column("time"), time.count >= 2 else { return 1 }
        return time[1] - time[0]
    }

    /// A table with the named columns required; `.missingChannels` names the absent ones.
    func table(_ path: String, requiring channels: [String]) throws -> HDF5Table {
        let table: HDF5Table
        do { table = try reader.table(path) } catch {
            throw DatasetExportError(.malformedRun, "cannot read '\(self.path):/\(path)': \(error)")
        }
        let missing = channels.filter { !table.columns.contains($0) }
        guard missing.isEmpty else {
            throw DatasetExportError(
                .missingChannels, "'\(self.path):/\(path)' lacks the channels \(missing.joined(separator: ", ")): "
                    + "the scenario's recording.channels left them out; add them (or remove recording.channels) and rerun")
        }
        return table
    }

    /// A string-array attribute of the dataset at `path` (empty when absent).
    func names(_ attribute: String, of path: String) -> [String] {
        if case .strings(let names)? = try? reader.attribute(attribute, of: path) { return names }
        return []
    }

    /// A float attribute of the dataset at `path`.
    func number(_ attribute: String, of path: String) -> Double? {
        switch try? reader.attribute(attribute, of: path) {
        case .double(let value)?: value
        case .int64(let value)?: Double(value)
        default: nil
        }
    }
}
