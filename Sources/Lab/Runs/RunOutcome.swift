/// What a model's run hands back to the pipeline: fingerprint, event count, KPIs, and
/// tables (ground-truth labels, energy accounts) to store once the time series are closed.
struct RunOutcome {
    var fingerprint: String
    var events: UInt64
    var kpis: [RunKPI]
    var tables: [ResultTable] = []
}

/// A table written at the end of a run (`<group>/<name>` in the run file, e.g.
/// `labels/device_faults`): rows of numbers, with the names that coded columns refer to
/// stored as string-array attributes.
struct ResultTable {
    var group: String
    var name: String
    var columns: [String]
    var units: [String]
    /// Row-major values, `columns.count` per row.
    var values: [Double]
    /// Attribute name → the names a coded column indexes (e.g. `rooms`, `kinds`).
    var names: [(attribute: String, values: [String])]
}
