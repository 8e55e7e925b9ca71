/// A failed run-catalog operation, naming the catalog file and what was attempted.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; stable for scripts and tests.
    public enum Code: String, Sendable, Equatable {
        /// The catalog file could not be opened or created (for a reason not listed below).
        case open
        /// Nothing at the path (reading never creates a catalog).
        case missing
        /// The file is empty (0 bytes): no catalog has been written there yet.
        case empty
        /// The file is not a SQLite database (SQLITE_NOTADB): damaged, or another kind of file.
        case notADatabase
        /// A SQLite database that is not a run catalog (tables of its own, no migration record).
        case notACatalog
        /// SQLite finds the database damaged (SQLITE_CORRUPT, or `PRAGMA quick_check` fails).
        case damaged
        /// Another process holds a lock for longer than the busy timeout (SQLITE_BUSY).
        case locked
        /// The file or its folder cannot be written (SQLITE_READONLY, EACCES, read-only mount).
        case notWritable
        /// The file was written by a newer TwinLab (migrations this one does not know).
        case newerSchema
        /// A schema migration failed.
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
