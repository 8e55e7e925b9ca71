import Foundation
import GRDB
import Recording

/// The SQLite catalog of runs: one row per run, shared by every process of a sweep.
///
/// The file is opened in WAL mode (readers never block the writer) with a busy timeout, so
/// several processes can record runs in the same file at once: a writer that finds the file
/// locked waits up to `busyTimeout` seconds instead of failing. Each `RunCatalog` owns its own
/// connection pool and is safe to share between threads; processes simply open their own.
///
/// A run goes `running` → `complete` / `failed`, or → `incomplete` when its writer died;
/// ``reconcile()`` finds such runs from the writer PID stored in the row.
public final class RunCatalog: Sendable {
    /// The catalog file.
    public let path: String
    private let pool: DatabasePool

    /// The schema migrations, in order. Never edit a shipped migration; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs") { db in
            try db.create(table: RunRecord.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("run_id", .text).notNull().unique()
                table.column("scenario_id", .text).notNull().indexed()
                table.column("scenario_hash", .text).notNull()
                table.column("seed", .text).notNull()
                table.column("twinlab_version", .text).notNull()
                table.column("fingerprint", .text)
                table.column("status", .text).notNull().indexed()
                table.column("started_at", .text).notNull()
                table.column("finished_at", .text)
                table.column("wall_seconds", .double)
                table.column("output_path", .text)
                table.column("kpis", .text).notNull().defaults(to: "{}")
                table.column("error", .text)
                table.column("writer_pid", .integer)
                table.column("writer_host", .text)
                table.check(sql: "status IN ('running', 'complete', 'failed', 'incomplete')")
            }
        }
        // The simulated span and what the run holds, for `catalog list`. Rows from before stay
        // NULL: the catalog does not open run files to guess them.
        migrator.registerMigration("v2-horizon-kind") { db in
            try db.alter(table: RunRecord.databaseTableName) { table in
                table.add(column: "horizon_hours", .double)
                table.add(column: "run_kind", .text)
            }
            try db.create(index: "runs_on_started_at", on: RunRecord.databaseTableName, columns: ["started_at"])
        }
        return migrator
    }

    /// Opens the catalog at `path`, creating the file and applying pending migrations.
    ///
    /// The directory must exist; choosing the path (e.g. `results/catalog.sqlite`) is the caller's job.
    /// - Parameter busyTimeout: seconds a write waits for another process's lock before failing.
    /// - Throws: ``CatalogError`` `.open` or `.migration`.
    public init(path: String, busyTimeout: TimeInterval = 30) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "TwinLab run catalog"
        pool = try Self.openPool(path: path, configuration: configuration, busyTimeout: busyTimeout)
        try migrate()
    }

    /// Opens the pool, retrying while another process holds the lock that switching a fresh
    /// file to WAL needs: SQLite's busy handler does not cover that first `journal_mode`
    /// change, so processes creating the catalog at the same moment would otherwise fail.
    private static func openPool(path: String, configuration: Configuration,
                                 busyTimeout: TimeInterval) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            } catch {
                throw CatalogError(
                    code: .open,
                    message: "cannot open run catalog '\(path)': check that the directory exists and is writable",
                    path: path, cause: "\(error)")
            }
        }
    }

    /// The identifiers of the migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try perform(.read, "list applied migrations") { try pool.read { try Self.migrator.appliedMigrations($0) } }
    }

    /// The SQLite journal mode of the file (`wal` once opened by TwinLab).
    public func journalMode() throws -> String {
        try perform(.read, "read the journal mode") {
            try pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" }
        }
    }

    /// Records the start of a run with status `running` and returns the stored row.
    ///
    /// - Parameters:
    ///   - runID: any text unique in this catalog; defaults to a random UUID.
    ///   - horizonHours: the simulated span, hours.
    ///   - runKind: what the run holds.
    ///   - writer: the process writing the run, for ``reconcile()``; defaults to this process.
    ///   - startedAt: wall-clock start time.
    /// - Throws: ``CatalogError`` `.write` (e.g. `runID` already exists).
    @discardableResult
    public func beginRun(
        runID: String = UUID().uuidString.lowercased(), scenarioID: String, scenarioHash: String, seed: UInt64,
        twinlabVersion: String, outputPath: String? = nil, horizonHours: Double? = nil, runKind: RunKind? = nil,
        writer: RunWriter = .current, startedAt: Date = Date()
    ) throws -> RunRecord {
        var record = RunRecord(
            runID: runID, scenarioID: scenarioID, scenarioHash: scenarioHash, seed: seed,
            twinlabVersion: twinlabVersion, status: .running, startedAt: Self.timestamp(startedAt),
            outputPath: outputPath, writerPID: writer.pid, writerHost: writer.host, horizonHours: horizonHours,
            runKind: runKind)
        return try perform(.write, "record the start of run '\(runID)' (is the run id already used?)") {
            try pool.write { db in
                try record.insert(db)
                return record
            }
        }
    }

    /// Records how a run ended and returns the updated row.
    ///
    /// A run can be finished from `running`, or from `incomplete` (when ``reconcile()`` gave up
    /// on a writer that then finished after all). `wallSeconds` defaults to `finishedAt − startedAt`.
    /// - Throws: ``CatalogError`` `.notFound`, `.invalidArgument` (status `running`, duplicate
    ///   KPI names), `.invalidTransition` (already complete or failed), `.write`.
    /// - Parameter outputPath: where the output now is, when it moved (a partial file renamed
    ///   to its final name); nil keeps the row's path.
    @discardableResult
    public func finishRun(
        id runID: String, status: RunStatus, fingerprint: String?, kpis: [KPI] = [], error: String? = nil,
        finishedAt: Date = Date(), wallSeconds: Double? = nil, outputPath: String? = nil
    ) throws -> RunRecord {
        guard status != .running else {
            throw CatalogError(
                code: .invalidArgument, message: "cannot finish run '\(runID)' with status running in catalog '\(path)'",
                path: path)
        }
        var seen = Set<String>()
        if let duplicate = kpis.first(where: { !seen.insert($0.name).inserted }) {
            throw CatalogError(
                code: .invalidArgument,
                message: "cannot finish run '\(runID)' in catalog '\(path)': KPI '\(duplicate.name)' appears twice",
                path: path)
        }
        return try update(runID, "record the end of run '\(runID)'") { record in
            guard !record.status.isFinal else {
                throw CatalogError(
                    code: .invalidTransition,
                    message: "run '\(runID)' in catalog '\(path)' is already \(record.status.rawValue); it cannot be finished again",
                    path: path)
            }
            record.status = status
            record.fingerprint = fingerprint
            record.kpis = kpis
            record.error = error
            if let outputPath { record.outputPath = outputPath }
            record.finishedAt = Self.timestamp(finishedAt)
            record.wallSeconds = wallSeconds ?? Self.date(record.startedAt).map { finishedAt.timeIntervalSince($0) }
        }
    }

    /// Marks one `running` run as `incomplete` (its writer is known to be gone) and returns it.
    ///
    /// - Throws: ``CatalogError`` `.notFound`, `.invalidTransition` when the run is not running.
    @discardableResult
    public func markInterrupted(runID: String, reason: String, at date: Date = Date()) throws -> RunRecord {
        try update(runID, "mark run '\(runID)' incomplete") { record in
            guard record.status == .running else {
                throw CatalogError(
                    code: .invalidTransition,
                    message: "run '\(runID)' in catalog '\(path)' is \(record.status.rawValue), not running; "
                        + "only running runs can be marked incomplete",
                    path: path)
            }
            record.status = .incomplete
            record.error = reason
            record.finishedAt = Self.timestamp(date)
        }
    }

    /// Marks as `incomplete` every `running` run whose writer PID no longer exists on this host.
    ///
    /// Runs written on other hosts are left alone (their PIDs mean nothing here); reconcile on
    /// each host, or use ``markInterrupted(runID:reason:at:)``. Returns the runs it changed.
    @discardableResult
    public func reconcile(at date: Date = Date()) throws -> [RunRecord] {
        let host = RunWriter.currentHost
        return try perform(.write, "reconcile running runs") {
            try pool.write { db in
                let running = try RunRecord.fetchAll(
                    db, sql: "SELECT * FROM runs WHERE status = 'running' AND writer_host = ? AND writer_pid IS NOT NULL",
                    arguments: [host])
                var changed: [RunRecord] = []
                for var record in running {
                    guard let pid = record.writerPID, !RunWriter(pid: pid, host: host).isAliveOnThisHost else { continue }
                    record.status = .incomplete
                    record.error = "writer process \(pid) on \(host) is gone; the output holds at most its last flush"
                    record.finishedAt = Self.timestamp(date)
                    try record.update(db)
                    changed.append(record)
                }
                return changed
            }
        }
    }

    /// The run with this run id, or nil.
    public func run(id runID: String) throws -> RunRecord? {
        try perform(.read, "read run '\(runID)'") {
            try pool.read { try RunRecord.fetchOne($0, sql: "SELECT * FROM runs WHERE run_id = ?", arguments: [runID]) }
        }
    }

    /// Runs, newest first, optionally filtered by scenario id, status and start time (runs
    /// started at or after `since`).
    public func list(limit: Int? = nil, scenario: String? = nil, status: RunStatus? = nil,
                     since: Date? = nil) throws -> [RunRecord] {
        var sql = "SELECT * FROM runs WHERE 1"
        var arguments = StatementArguments()
        if let scenario {
            sql += " AND scenario_id = ?"
            arguments += [scenario]
        }
        if let status {
            sql += " AND status = ?"
            arguments += [status.rawValue]
        }
        if let since {
            // started_at is UTC ISO 8601 with milliseconds, so text order is time order.
            sql += " AND started_at >= ?"
            arguments += [Self.timestamp(since)]
        }
        sql += " ORDER BY id DESC"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        let (query, values) = (sql, arguments)
        return try perform(.read, "list runs") { try pool.read { try RunRecord.fetchAll($0, sql: query, arguments: values) } }
    }

    /// Clears the output path of every other run whose row names `path` but whose fingerprint
    /// differs from `fingerprint`: that file now holds another run (`twinlab run --overwrite`).
    /// Returns how many rows changed.
    @discardableResult
    public func detachOutput(path: String, keepingFingerprint fingerprint: String, exceptRun runID: String) throws -> Int {
        try perform(.write, "detach runs from the replaced file '\(path)'") {
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE runs SET output_path = NULL WHERE output_path = ? AND run_id != ? "
                        + "AND (fingerprint IS NULL OR fingerprint != ?)",
                    arguments: [path, runID, fingerprint])
                return db.changesCount
            }
        }
    }

    /// The number of runs, optionally with one status.
    public func count(status: RunStatus? = nil) throws -> Int {
        try perform(.read, "count runs") {
            try pool.read { db in
                if let status {
                    return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE status = ?", arguments: [status.rawValue]) ?? 0
                }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0
            }
        }
    }

    private func migrate() throws {
        let migrator = Self.migrator
        do {
            try migrator.migrate(pool)
        } catch {
            // Two processes opening a fresh file can both decide to migrate; the loser fails
            // with "table already exists". That is success if the winner finished the job.
            let done = (try? pool.read { try migrator.hasCompletedMigrations($0) }) ?? false
            if !done {
                throw CatalogError(
                    code: .migration,
                    message: "cannot migrate run catalog '\(path)' to the current schema (written by a newer TwinLab?)",
                    path: path, cause: "\(error)")
            }
        }
    }

    /// Loads a run, lets `change` edit it, and stores it, all in one write transaction.
    private func update(
        _ runID: String, _ what: String, _ change: (inout RunRecord) throws -> Void
    ) throws -> RunRecord {
        try perform(.write, what) {
            try pool.write { db in
                guard var record = try RunRecord.fetchOne(db, sql: "SELECT * FROM runs WHERE run_id = ?", arguments: [runID])
                else {
                    throw CatalogError(code: .notFound, message: "no run '\(runID)' in catalog '\(path)'", path: path)
                }
                try change(&record)
                try record.update(db)
                return record
            }
        }
    }

    /// Runs a database operation, wrapping foreign errors in a ``CatalogError`` that names this catalog.
    private func perform<T>(_ code: CatalogError.Code, _ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CatalogError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw CatalogError(
                code: code, message: "cannot \(what) in run catalog '\(path)': still locked by another process after the busy timeout",
                path: path, cause: "\(error)")
        } catch {
            throw CatalogError(code: code, message: "cannot \(what) in run catalog '\(path)'", path: path, cause: "\(error)")
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
