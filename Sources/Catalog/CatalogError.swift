/// A failed run-catalog operation, naming the catalog file and what was attempted.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; stable for scripts and tests.
    public enum Code: String, Sendable, Equatable {
        /// The catalog file could not be opened or created.
        case open
        /// A schema migration failed (or the file was written by a newer TwinLab).
        case migration
        /// A write failed (locked for longer than the busy timeout, disk full, read-only file).
        case write
        /// A query failed or returned a row TwinLab cannot decode.
        case read
        /// No run with the given run id.
        case notFound
        /// An argument was rejected before touching the database.
        case invalidArgument
        /// The run is not in a status that allows the requested change.
        case invalidTransition
    }

    /// The kind of failure.
    public let code: Code
    /// A sentence naming the catalog path, the operation and what to do.
    public let message: String
    /// The catalog file.
    public let path: String
    /// The underlying SQLite/GRDB error text, or empty.
    public let cause: String

    public init(code: Code, message: String, path: String, cause: String = "") {
        self.code = code
        self.message = message
        self.path = path
        self.cause = cause
    }

    public var description: String {
        cause.isEmpty ? message : "\(message) [cause: \(cause)]"
    }
}
