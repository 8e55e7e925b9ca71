import Foundation
import GRDB

/// Opening a catalog file: for reading without changing a byte, or for writing only once the
/// file is known to be a healthy run catalog; and SQLite's failures as ``CatalogError``s that
/// say which of missing, empty, foreign, damaged, locked or not writable the file is.
enum CatalogFile {
    /// What a catalog file holds, from its tables and migration record.
    enum Contents: Equatable {
        /// No tables at all: a new or empty database that a writer may set up.
        case fresh
        /// A run catalog with these migrations applied (all known to this TwinLab).
        case catalog(applied: [String])
    }

    /// Opens `path` read-only (SQLITE_OPEN_READONLY: no journal-mode switch, no migration, no
    /// file created). A WAL catalog in a folder the reader cannot write, whose `-shm` file is
    /// gone, is opened as immutable: SQLite could not create its shared-memory file, and no
    /// writer can be at work in a folder where no `-wal` file can be made either.
    static func openForReading(path: String, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        try requireNonEmpty(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "TwinLab run catalog (read-only)"
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError
            where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) && !folderIsWritable(path) {
            do {
                return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
            } catch {
                throw classify(error, path: path, action: "open run catalog '\(path)'")
            }
        } catch {
            throw classify(error, path: path, action: "open run catalog '\(path)'")
        }
    }

    /// Checks, before a writer opens `path`, that it is writable and either absent, empty, a
    /// database without tables, or a healthy run catalog of a schema this TwinLab knows; reads
    /// only, so a file that fails is left exactly as it was.
    static func preflightForWriting(path: String, migrator: DatabaseMigrator, busyTimeout: TimeInterval) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            let folder = (path as NSString).deletingLastPathComponent
            guard folder.isEmpty || FileManager.default.fileExists(atPath: folder) else {
                throw CatalogError(
                    code: .open, message: "cannot create run catalog '\(path)': the folder '\(folder)' does not exist",
                    path: path)
            }
            guard folderIsWritable(path) else {
                throw CatalogError(
                    code: .notWritable, message: "cannot create run catalog '\(path)': its folder is not writable; "
                        + "pass a --catalog in a writable folder", path: path)
            }
            return
        }
        guard access(path, W_OK) == 0, folderIsWritable(path) else {
            let what = access(path, W_OK) == 0 ? "its folder is not writable (SQLite keeps its -wal and -shm files "
                + "beside the catalog)" : "the file is read-only"
            throw CatalogError(
                code: .notWritable, message: "run catalog '\(path)' is not writable: \(what); `twinlab catalog list` "
                    + "and `show` still read it; to record runs, make it writable or pass another --catalog",
                path: path, cause: String(cString: strerror(errno)))
        }
        if fileSize(path) == 0 { return }
        let queue = try openForReading(path: path, busyTimeout: busyTimeout)
        do {
            _ = try queue.read { db in try inspect(db, path: path, migrator: migrator, checkIntegrity: true) }
        } catch {
            throw classify(error, path: path, action: "check run catalog '\(path)'")
        }
    }

    /// What the open database holds; throws for a foreign database, a schema from a newer
    /// TwinLab, and (with `checkIntegrity`) a database that fails `PRAGMA quick_check`.
    static func inspect(_ db: Database, path: String, migrator: DatabaseMigrator, checkIntegrity: Bool) throws -> Contents {
        if checkIntegrity {
            let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard problems == ["ok"] else {
                throw CatalogError(
                    code: .damaged, message: "run catalog '\(path)' is damaged (SQLite's quick_check: "
                        + "\(problems.prefix(3).joined(separator: "; "))); TwinLab does not write to a damaged catalog: "
                        + "restore it from a backup, or move it aside and a new one is created",
                    path: path)
            }
        }
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if tables.isEmpty { return .fresh }
        guard tables.contains("grdb_migrations") else {
            throw CatalogError(
                code: .notACatalog, message: "'\(path)' is a SQLite database but not a TwinLab run catalog (it holds "
                    + "\(tables.prefix(5).joined(separator: ", ")) and no migration record); pass another --catalog",
                path: path)
        }
        let applied = try migrator.appliedIdentifiers(db)
        let known = migrator.migrations
        let unknown = applied.subtracting(known).sorted()
        guard unknown.isEmpty else {
            throw CatalogError(
                code: .newerSchema, message: "run catalog '\(path)' has migrations this TwinLab does not know "
                    + "(\(unknown.joined(separator: ", "))): it was written by a newer TwinLab; use that version, "
                    + "or pass another --catalog",
                path: path)
        }
        if !applied.isEmpty, !tables.contains("runs") {
            throw CatalogError(
                code: .damaged, message: "run catalog '\(path)' records migrations but has no runs table", path: path)
        }
        return .catalog(applied: known.filter(applied.contains))
    }

    /// A ``CatalogError`` for a failure of `action` (e.g. `list runs in run catalog 'x'`) on
    /// the catalog at `path`, with the code SQLite's result code calls for; ``CatalogError``s
    /// pass through, and other failures get `code`.
    static func classify(_ error: any Error, path: String, action: String,
                         otherwise code: CatalogError.Code = .open) -> CatalogError {
        if let error = error as? CatalogError { return error }
        let cause = "\(error)"
        guard let error = error as? DatabaseError else {
            return CatalogError(code: code, message: "cannot \(action)", path: path, cause: cause)
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return CatalogError(
                code: .locked, message: "cannot \(action): the catalog is locked by another process (still busy "
                    + "after the timeout); wait for that process, or find it with `fuser \(path)`",
                path: path, cause: cause)
        case .SQLITE_NOTADB:
            return CatalogError(
                code: .notADatabase, message: "'\(path)' is not a SQLite database (damaged, or another kind of file); "
                    + "TwinLab leaves it as it is: move it aside, or pass another --catalog",
                path: path, cause: cause)
        case .SQLITE_CORRUPT:
            return CatalogError(
                code: .damaged, message: "run catalog '\(path)' is damaged (SQLite: database disk image is malformed); "
                    + "restore it from a backup, or move it aside and a new one is created",
                path: path, cause: cause)
        case .SQLITE_READONLY, .SQLITE_PERM:
            return CatalogError(
                code: .notWritable, message: "cannot \(action): the catalog is not writable (read-only file, folder "
                    + "or file system); `twinlab catalog list` and `show` still read it",
                path: path, cause: cause)
        case .SQLITE_FULL:
            return CatalogError(
                code: .write, message: "cannot \(action): the disk is full", path: path, cause: cause)
        case .SQLITE_CANTOPEN:
            let reason = access(path, R_OK) != 0 && FileManager.default.fileExists(atPath: path)
                ? "no permission to read it" : "check that the file and its folder exist and are accessible"
            return CatalogError(code: .open, message: "cannot \(action): \(reason)", path: path, cause: cause)
        default:
            return CatalogError(code: code, message: "cannot \(action)", path: path, cause: cause)
        }
    }

    /// Throws `.missing` or `.empty` unless `path` is a non-empty file.
    private static func requireNonEmpty(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CatalogError(
                code: .missing, message: "no catalog at '\(path)' (run a scenario first, or pass --catalog)", path: path)
        }
        guard !isFolder.boolValue else {
            throw CatalogError(code: .open, message: "'\(path)' is a folder, not a run catalog", path: path)
        }
        if fileSize(path) == 0 {
            throw CatalogError(
                code: .empty, message: "'\(path)' is empty (0 bytes): no run has been recorded there yet "
                    + "(`twinlab run --catalog \(path)` creates the catalog)", path: path)
        }
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    private static func folderIsWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// A SQLite URI for `path` with `immutable=1`.
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "%?#")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }
}
