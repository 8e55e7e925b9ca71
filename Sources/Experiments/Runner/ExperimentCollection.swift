import Catalog
import Foundation
import Recording

/// What an experiment folder adds up to: its summary, and the cells without a finished run.
///
/// Made from the run files alone (``ExperimentResults``), so it is the same whichever process,
/// shard or attempt ran each cell; ``write(to:)`` puts `runs.csv`, `summary.json` and
/// `summary.csv` in the folder.
public struct ExperimentCollection: Sendable {
    /// A planned cell without a finished run, and why, when the catalog knows.
    public struct MissingCell: Sendable {
        public var cell: ExperimentCell
        /// The error of the cell's last failed or killed run (nil when it never ran).
        public var error: String?
    }

    public var summary: ExperimentSummary
    public var missing: [MissingCell]
    /// `runs.csv`'s text.
    public var runsTable: String

    /// Reads every cell of `plan` from `runner`'s folder and summarises them; `trusted` run
    /// files (just written by this process) skip verification (``ExperimentResults``).
    public init(plan: ExperimentPlan, runner: ExperimentRunner, trusted: Set<String> = []) throws {
        let results = try ExperimentResults(plan: plan, runner: runner, trusted: trusted)
        summary = try ExperimentSummary.make(plan: plan, observations: results.observations)
        runsTable = results.runsTable
        let errors = results.missing.isEmpty ? [:] : Self.failures(in: runner.folder)
        missing = results.missing.map { cell in
            MissingCell(cell: cell, error: errors[FailureKey(hash: cell.scenario.contentHash, seed: cell.seed)])
        }
    }

    /// Writes `runs.csv`, `summary.json` and `summary.csv`, each replaced in one step, and
    /// `missing.csv` when cells have no finished run (removed once none is missing).
    public func write(to folder: ExperimentFolder) throws {
        try ExperimentFolder.writeAtomically(runsTable, to: folder.runsTable)
        try ExperimentFolder.writeAtomically(summary.json(), to: folder.summaryJSON)
        try ExperimentFolder.writeAtomically(summary.csv(), to: folder.summaryCSV)
        if missing.isEmpty {
            if unlink(folder.missingTable) != 0 && errno != ENOENT {
                throw ExperimentRunError(.output, "cannot remove the stale '\(folder.missingTable)': "
                                             + String(cString: strerror(errno)))
            }
        } else {
            try ExperimentFolder.writeAtomically(missingTable, to: folder.missingTable)
        }
    }

    /// `missing.csv`: `cell, variant, point, seed, error` per cell without a finished run.
    public var missingTable: String {
        let rows = missing.map { entry in
            [String(entry.cell.index), CSVField.quote(entry.cell.variant), entry.cell.point.map(String.init) ?? "",
             String(entry.cell.seed), CSVField.quote(entry.error ?? "not run yet")].joined(separator: ",")
        }
        return (["cell,variant,point,seed,error"] + rows).joined(separator: "\n") + "\n"
    }

    private struct FailureKey: Hashable {
        var hash: String
        var seed: UInt64
    }

    /// The last recorded error per (scenario hash, seed) among the catalog's failed and killed runs; empty
    /// when there is no catalog (a cell that never ran has nothing to say).
    private static func failures(in folder: ExperimentFolder) -> [FailureKey: String] {
        guard FileManager.default.fileExists(atPath: folder.catalog),
              let catalog = try? RunCatalog(readingFrom: folder.catalog),
              let records = try? catalog.runsAsSeenNow()
        else { return [:] }
        var errors: [FailureKey: String] = [:]
        // Newest first: keep the first error seen per key.
        for record in records where record.status == .failed || record.status == .incomplete {
            let key = FailureKey(hash: record.scenarioHash, seed: record.seed)
            if errors[key] == nil, let error = record.error { errors[key] = error }
        }
        return errors
    }
}
