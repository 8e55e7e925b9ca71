/// Why a set of replications produced no summary.
public struct ReplicationError: Error, CustomStringConvertible {
    /// A stable, machine-readable category.
    public enum Code: String, Sendable, Codable {
        /// A replication threw; `underlying` holds its error.
        case replicationFailed
        /// One replication reported the same metric name more than once.
        case duplicateMetric
        /// The number of result lists does not match the number of seeds.
        case countMismatch
    }

    public let code: Code
    /// The seed of the offending replication, if one is to blame.
    public let seed: UInt64?
    /// Its position in the seed list.
    public let index: Int?
    /// The error the replication threw (for `replicationFailed`).
    public let underlying: (any Error)?
    /// A human-readable explanation naming the seed and the cause.
    public let message: String

    public init(code: Code, seed: UInt64?, index: Int?, underlying: (any Error)? = nil, message: String) {
        self.code = code
        self.seed = seed
        self.index = index
        self.underlying = underlying
        self.message = message
    }

    static func failed(seed: UInt64, index: Int, error: any Error) -> ReplicationError {
        ReplicationError(code: .replicationFailed, seed: seed, index: index, underlying: error,
                         message: "replication with seed \(seed) (#\(index)) failed: \(error)")
    }

    public var description: String { message }
}
