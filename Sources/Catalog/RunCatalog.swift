import Foundation
import GRDB
import Recording

/// The SQLite catalog of runs: one row per run, shared by every process of a sweep.
///
/// Opened for writing (``init(path:busyTimeout:)``), the file is in WAL mode (readers never
/// block the writer) with a busy timeout, so several processes can record runs in the same
/// file at once: a writer that finds the file locked waits up to `busyTimeout` seconds instead
/// of failing. Opened for reading (``init(readingFrom:busyTimeout:)``), nothing is written:
/// no file is created, no migration or journal-mode switch runs, and a damaged or foreign file
/// is refused as it is. Each `RunCatalog` owns its connections and is safe to share between
/// threads; processes simply open their own.
///
/// A run goes `running` → `complete` / `failed`, or → `incomplete` when its writer died;
/// ``reconcile()`` finds such runs from the writer PID stored in the row.
public final class RunCatalog: Sendable {
    /// The catalog file.
    public let path: String
    /// Whether the catalog was opened for reading only; writes then throw `.notWritable`.
    public let isReadOnly: Bool
    private let database: any DatabaseWriter

    /// Opens the catalog at `path` for recording runs, creating the file and applying pending
    /// migrations.
    ///
    /// An existing file is first checked without writing to it: a file that is not SQLite, a
    /// database SQLite finds damaged (`PRAGMA quick_check`), a foreign database or one from a
    /// newer TwinLab, a read-only file or folder are refused before anything else happens, and
    /// left exactly as they were. An empty (0-byte) file becomes a new catalog, as SQLite
    /// treats it. The directory must exist; choosing the path (e.g. `results/catalog.sqlite`)
    /// is the caller's job.
    /// - Parameter busyTimeout: seconds a write waits for another process's lock before failing.
    /// - Throws: ``CatalogError`` `.notWritable`, `.notADatabase`, `.damaged`, `.notACatalog`,
    ///   `.newerSchema`, `.locked`, `.open` or `.migration`.
    public init(path: String, busyTimeout: TimeInterval = 30) throws {
        self.path = path
        isReadOnly = false
        try CatalogFile.preflightForWriting(path: path, migrator: Self.migrator, busyTimeout: busyTimeout)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "TwinLab run catalog"
        database = try Self.openPool(path: path, configuration: configuration, busyTimeout: busyTimeout)
        try migrate()
    }

    /// Opens the catalog at `path` for reading only: `catalog list` and `show`.
    ///
    /// Reads catalogs of this schema and older ones as they are (columns added later read as
    /// nil); never creates, upgrades, reconciles or otherwise changes the file.
    /// - Parameter busyTimeout: seconds a read waits for a lock another process holds.
    /// - Throws: ``CatalogError`` `.missing`, `.empty`, `.notADatabase`, `.notACatalog` (also
    ///   a database without tables), `.newerSchema`, `.damaged`, `.locked` or `.open`.
    public init(readingFrom path: String, busyTimeout: TimeInterval = 5) throws {
        self.path = path
        isReadOnly = true
        let queue = try CatalogFile.openForReading(path: path, busyTimeout: busyTimeout)
        database = queue
        let contents: CatalogFile.Contents
        do {
            contents = try queue.read { db in
                try CatalogFile.inspect(db, path: path, migrator: Self.migrator, checkIntegrity: false)
            }
        } catch {
            throw CatalogFile.classify(error, path: path, action: "read run catalog '\(path)'")
        }
        if contents == .fresh {
            throw CatalogError(
                code: .notACatalog, message: "'\(path)' is a SQLite database without tables, not a run catalog yet "
                    + "(`twinlab run --catalog \(path)` sets it up)", path: path)
        }
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
                throw CatalogFile.classify(error, path: path, action: "open run catalog '\(path)'")
            }
        }
    }

    /// The identifiers of the migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try perform(.read, "list applied migrations") { try database.read { try Self.migrator.appliedMigrations($0) } }
    }

    /// The SQLite journal mode of the file (`wal` once opened by TwinLab).
    public func journalMode() throws -> String {
        try perform(.read, "read the journal mode") {
            try database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" }
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
            try database.write { db in
                try record.insert(db)
                return record
            }
        }
    }

    /// Records how a run ended and returns the updated row.
    ///
    /// A run can be finished from `running`, or from `incomplete` (when ``reconcile()`` gave up
    /// on a writer that then finished after all). `wallSeconds` defaults to `finishedAt − startedAt`;
    /// `outputDigest` is the output file's `output_digest`.
    /// - Throws: ``CatalogError`` `.notFound`, `.invalidArgument` (status `running`, duplicate
    ///   KPI names), `.invalidTransition` (already complete or failed), `.write`.
    /// - Parameter outputPath: where the output now is, when it moved (a partial file renamed
    ///   to its final name); nil keeps the row's path.
    @discardableResult
    public func finishRun(
        id runID: String, status: RunStatus, fingerprint: String?, outputDigest: String? = nil, kpis: [KPI] = [],
        error: String? = nil, finishedAt: Date = Date(), wallSeconds: Double? = nil, outputPath: String? = nil
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
            record.outputDigest = outputDigest
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
            try database.write { db in
                let running = try RunRecord.fetchAll(
                    db, sql: "SELECT * FROM runs WHERE status = 'running' AND writer_host = ? AND writer_pid IS NOT NULL",
                    arguments: [host])
                var changed: [RunRecord] = []
                for record in running {
                    guard let interrupted = Self.interrupted(record, host: host, at: date) else { continue }
                    try interrupted.update(db)
                    changed.append(interrupted)
                }
                return changed
            }
        }
    }

    /// The run with this run id, or nil.
    public func run(id runID: String) throws -> RunRecord? {
        try perform(.read, "read run '\(runID)'") {
            try database.read { try RunRecord.fetchOne($0, sql: "SELECT * FROM runs WHERE run_id = ?", arguments: [runID]) }
        }
    }

    /// Runs, newest first, optionally filtered by scenario id, status and start time (runs
    /// started at or after `since`), as stored.
    public func list(limit: Int? = nil, scenario: String? = nil, status: RunStatus? = nil,
                     since: Date? = nil) throws -> [RunRecord] {
        try list(limit: limit, scenario: scenario, statuses: status.map { [$0] }, since: since)
    }

    /// Runs as ``list(limit:scenario:status:since:)`` gives them, except that a `running` run
    /// whose writer process is gone from this host reads as `incomplete`, as ``reconcile()``
    /// would record it; nothing is written, so this works on a catalog opened read-only. The
    /// status filter applies to what the runs read as.
    public func runsAsSeenNow(limit: Int? = nil, scenario: String? = nil, status: RunStatus? = nil,
                              since: Date? = nil, at date: Date = Date()) throws -> [RunRecord] {
        let host = RunWriter.currentHost
        let seen = { (record: RunRecord) in Self.interrupted(record, host: host, at: date) ?? record }
        switch status {
        case nil, .complete?, .failed?:
            return try list(limit: limit, scenario: scenario, status: status, since: since).map(seen)
        case .running?, .incomplete?:
            // A stored `running` row may read as either, so the limit applies after the rule.
            let rows = try list(scenario: scenario, statuses: status == .running ? [.running] : [.running, .incomplete],
                                since: since)
            let matching = rows.map(seen).filter { $0.status == status }
            return limit.map { Array(matching.prefix($0)) } ?? matching
        }
    }

    private func list(limit: Int? = nil, scenario: String? = nil, statuses: [RunStatus]?, since: Date?) throws
        -> [RunRecord] {
        var sql = "SELECT * FROM runs WHERE 1"
        var arguments = StatementArguments()
        if let scenario {
            sql += " AND scenario_id = ?"
            arguments += [scenario]
        }
        if let statuses {
            sql += " AND status IN (" + statuses.map { _ in "?" }.joined(separator: ", ") + ")"
            for status in statuses { arguments += [status.rawValue] }
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
        return try perform(.read, "list runs") { try database.read { try RunRecord.fetchAll($0, sql: query, arguments: values) } }
    }

    /// The record as ``reconcile()`` marks it when its writer is gone: nil when the run is not
    /// `running` on `host`, or its writer process is still alive.
    static func interrupted(_ record: RunRecord, host: String, at date: Date) -> RunRecord? {
        guard record.status == .running, record.writerHost == host, let pid = record.writerPID,
              !RunWriter(pid: pid, host: host).isAliveOnThisHost else { return nil }
        var changed = record
        changed.status = .incomplete
        changed.error = "writer process \(pid) on \(host) is gone; the output holds at most its last flush"
        changed.finishedAt = timestamp(date)
        return changed
    }

    /// Clears the output path of every other run whose row names `path` but whose fingerprint
    /// differs from `fingerprint`: that file now holds another run (`twinlab run --overwrite`).
    /// Returns how many rows changed.
    @discardableResult
    public func detachOutput(path: String, keepingFingerprint fingerprint: String, exceptRun runID: String) throws -> Int {
        try perform(.write, "detach runs from the replaced file '\(path)'") {
            try database.write { db in
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
            try database.read { db in
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
            try migrator.migrate(database)
        } catch {
            // Two processes opening a fresh file can both decide to migrate; the loser fails
            // with "table already exists". That is success if the winner finished the job.
            let done = (try? database.read { try migrator.hasCompletedMigrations($0) }) ?? false
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
            try database.write { db in
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

    /// Runs a database operation, wrapping foreign errors in a ``CatalogError`` that names this
    /// catalog and says whether it was locked, damaged or not writable.
    private func perform<T>(_ code: CatalogError.Code, _ what: String, _ body: () throws -> T) throws -> T {
        if code == .write, isReadOnly {
            throw CatalogError(
                code: .notWritable, message: "cannot \(what) in run catalog '\(path)': it was opened read-only", path: path)
        }
        do {
            return try body()
        } catch {
            throw CatalogFile.classify(error, path: path, action: "\(what) in run catalog '\(path)'", otherwise: code)
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
