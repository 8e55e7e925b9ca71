import Foundation
import Recording

/// The responses of an experiment's finished cells, read back from their run files.
///
/// Read from the files, not from the runs' summaries, so a resumed, sharded or repeated
/// experiment sees exactly the same numbers as one that ran straight through (the wall-clock
/// `time_ratio` of a summary is not in the file).
public struct ExperimentResults: Sendable {
    /// One value per finished cell and response, in cell order, then response order.
    public var observations: [ResponseObservation]
    /// Cells whose run file is missing or holds something else.
    public var missing: [ExperimentCell]
    /// `runs.csv`: one row per run and response (long format), for pandas. Columns: `cell,
    /// variant, point, seed, response, value, unit, run_file` (relative to the experiment folder).
    public var runsTable: String

    /// Reads every cell of `plan` from `runner`'s folder.
    ///
    /// Each run file is verified first (`RunFileReader(verifying:)`: every dataset's checksum and
    /// the output digest, which covers the KPIs), so a damaged file never enters a summary;
    /// `trusted` lists files this process has just written and sealed, which are read as they are.
    public init(plan: ExperimentPlan, runner: ExperimentRunner, trusted: Set<String> = []) throws {
        var observations: [ResponseObservation] = []
        var missing: [ExperimentCell] = []
        var lines = ["cell,variant,point,seed,response,value,unit,run_file"]
        for cell in plan.cells {
            guard runner.isFinished(cell) else {
                missing.append(cell)
                continue
            }
            let path = runner.runFile(of: cell)
            let reader: RunFileReader
            let values: [String: Double]
            let units: [String: String]
            do {
                reader = trusted.contains(path) ? try RunFileReader(path: path) : try RunFileReader(verifying: path)
                values = Dictionary(try reader.kpis().map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
                units = try reader.kpiUnits()
            } catch {
                throw ExperimentRunError(.unreadable, "cannot read the KPIs of cell \(cell.index) from '\(path)'",
                                      underlying: error)
            }
            for response in plan.spec.responses {
                guard let value = values[response] else {
                    throw ExperimentRunError(
                .unreadable, "run file '\(path)' has no KPI '\(response)'; it has \(values.keys.sorted().joined(separator: ", "))")
                }
                let observation = ResponseObservation(variant: cell.variant, point: cell.point, seed: cell.seed,
                                                      response: response, value: value, unit: units[response] ?? "")
                observations.append(observation)
                lines.append([
                    String(cell.index), CSVField.quote(cell.variant), cell.point.map(String.init) ?? "", String(cell.seed),
                    CSVField.quote(response), "\(value)", CSVField.quote(observation.unit),
                    CSVField.quote(runner.folder.relative(path)),
                ].joined(separator: ","))
            }
        }
        self.observations = observations
        self.missing = missing
        runsTable = lines.joined(separator: "\n") + "\n"
    }
}
