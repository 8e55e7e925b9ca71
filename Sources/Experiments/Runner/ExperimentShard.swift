/// One slice of an experiment's cells: `index` of `count`, as a Slurm array task runs it.
///
/// Cell `c` belongs to shard `c % count` (a repeated design point to the shard of its first
/// cell, ``ExperimentRunner/primary``), so which cells a shard runs depends only on the plan,
/// never on timing, and the results do not depend on the number of shards.
public struct ExperimentShard: Sendable, Equatable, CustomStringConvertible {
    /// This shard, 0 ..< `count`.
    public var index: Int
    /// The number of shards.
    public var count: Int

    /// Parses `I/N` (`--shard 3/8`).
    ///
    /// - Throws: ``ExperimentRunError`` when the text is not `I/N` with 0 ≤ I < N.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, (0..<count).contains(index)
        else {
            throw ExperimentRunError(
                .invalidShard, "--shard '\(text)' must be I/N with 0 ≤ I < N (a Slurm array task passes "
                    + "$SLURM_ARRAY_TASK_ID/N; shards count from 0)")
        }
        self.init(index: index, count: count)
    }

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Whether the cell at `position` belongs to this shard.
    public func contains(_ position: Int) -> Bool { position % count == index }

    public var description: String { "\(index)/\(count)" }
}
