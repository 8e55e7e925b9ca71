import Foundation

/// Wall-clock times of an experiment run, in `timings.json` (`timings-I-of-N.json` for a
/// shard): kept apart from the summary, whose bytes must not depend on them.
public struct ExperimentTimings: Encodable {
    struct Cell: Encodable {
        var cell: Int
        var status: String
        var wallSeconds: Double
        enum CodingKeys: String, CodingKey { case cell, status, wallSeconds = "wall_seconds" }
    }
    var jobs: Int
    var shard: String?
    var wallSeconds: Double
    var cells: [Cell]
    enum CodingKeys: String, CodingKey { case jobs, shard, cells, wallSeconds = "wall_seconds" }

    public init(jobs: Int, shard: ExperimentShard?, results: [CellResult], elapsed: Duration) {
        self.jobs = jobs
        self.shard = shard?.description
        wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        cells = results.map { Cell(cell: $0.cell, status: $0.status.rawValue, wallSeconds: $0.wallSeconds) }
    }

    public func write(to folder: ExperimentFolder) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let name = shard.map { "timings-\($0.replacingOccurrences(of: "/", with: "-of-")).json" } ?? "timings.json"
        try ExperimentFolder.writeAtomically(String(decoding: try encoder.encode(self), as: UTF8.self) + "\n",
                                             to: (folder.path as NSString).appendingPathComponent(name))
    }
}
