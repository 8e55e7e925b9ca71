import Foundation
import Recording
import Scenario

/// A finished run file opened for a dataset export: checked to be a complete TwinLab run,
/// with its model read from the layout and its scenario parsed back from `scenario_text`.
///
/// The scenario is parsed leniently: a facility scenario may name files relative to where it
/// lived (`prices_file`, `calibration_dir`) that are gone, and the facility export needs
/// nothing from it. Fleet exports ask for ``fleetSpec()``, which fails then.
struct ExportedRun {
    /// The model a run file holds, judged by its layout (docs/run-file-format.md).
    enum Model: String {
        case fleet, facility, other
    }

    let path: String
    let reader: RunFileReader
    let model: Model
    /// The stored scenario, or nil when it no longer parses here.
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
            reader = try RunFileReader(path: path)
        } catch {
            throw DatasetExportError(.notARunFile, "cannot read '\(path)' as a TwinLab run file: \(error)")
        }
        let schema = reader.attribute("schema")
        guard schema == "twinlab/run@1" else {
            throw DatasetExportError(
                .notARunFile, "'\(path)' is not a TwinLab run file (root attribute schema is '\(schema)', expected 'twinlab/run@1')")
        }
        let status = reader.attribute("status")
        guard status == "complete" else {
            throw DatasetExportError(
                .incompleteRun, "run '\(path)' has status '\(status)': it did not finish; rerun it to the end before exporting")
        }
        do {
            scenario = try ScenarioLoader.parse(reader.attribute("scenario_text"), file: "\(path):/scenario_text")
            scenarioProblem = ""
        } catch {
            scenario = nil
            scenarioProblem = "\(error)"
        }
        if reader.contains("timeseries/machines") {
            model = .fleet
        } else if reader.contains("timeseries/rooms") {
            model = .facility
        } else {
            model = .other
        }
    }

    /// The scenario id, for default dataset names.
    var scenarioID: String { reader.attribute("scenario_id") }

    /// The model's name for messages: the scenario's section name when it parses.
    var modelName: String {
        switch scenario?.model {
        case .machineShop?: "machine_shop"
        case .processing?: "processing"
        case .facility?: "facility"
        case .fleet?: "fleet"
        case nil: model == .other ? "non-fleet, non-facility" : model.rawValue
        }
    }

    /// The fleet section of the stored scenario (downtime cost, machine groups).
    func fleetSpec() throws -> FleetSpec {
        guard model == .fleet else {
            throw DatasetExportError(.wrongModel, "'\(path)' is a \(modelName) run, not a fleet run")
        }
        guard case .fleet(let spec)? = scenario?.model else {
            throw DatasetExportError(.malformedRun, "cannot read back the fleet scenario stored in '\(path)': \(scenarioProblem)")
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
