/// How one cell of an experiment ended.
public struct CellResult: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Simulated now.
        case ran
        /// A finished run file of the same effective scenario, seed, horizon and TwinLab
        /// version was already there (a resumed or repeated experiment).
        case reused
        /// The run failed; `error` says why. The other cells go on.
        case failed
    }

    /// The cell's position in the plan.
    public var cell: Int
    public var status: Status
    /// The cell's run file (its final name; absent for a failed run).
    public var runFile: String
    /// Why the run failed.
    public var error: String?
    /// Wall-clock seconds spent on the cell (0 when reused).
    public var wallSeconds: Double
}
