import Foundation
import GRDB
import Recording

/// One row of the catalog's `runs` table: a run's identity, status, results and where its output is.
///
/// `seed` is a `UInt64` in Swift but SQLite integers are signed 64-bit, so the column stores
/// the seed as decimal TEXT: exact for every seed, and readable as-is in `sqlite3` and pandas
/// (`WHERE seed = '18446744073709551615'`). Times are wall-clock ISO-8601 UTC strings; they
/// describe the run's bookkeeping, never its results. `Codable` is for JSON export (keys are
/// the SQL column names); KPIs may be NaN, so give `JSONEncoder` a
/// `nonConformingFloatEncodingStrategy` when exporting.
public struct RunRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    /// The SQLite row id, nil before the row is inserted.
    public var id: Int64?
    /// The unique run identifier chosen at `beginRun`.
    public var runID: String
    /// The scenario's identifier (e.g. its file stem or declared id).
    public var scenarioID: String
    /// A hash of the scenario text and calibration, so edited scenarios are told apart.
    public var scenarioHash: String
    /// The master seed.
    public var seed: UInt64
    /// The TwinLab version that produced the run.
    public var twinlabVersion: String
    /// The run's regression fingerprint (hex), known once it finished.
    public var fingerprint: String?
    /// The SHA-256 of the output file's content (its `output_digest` attribute), stored when the
    /// run completed; nil for runs without a file, unfinished runs and rows from before it existed.
    public var outputDigest: String?
    /// The life-cycle status.
    public var status: RunStatus
    /// When the run started (ISO-8601 UTC, wall clock).
    public var startedAt: String
    /// When the run finished or was found dead (ISO-8601 UTC, wall clock).
    public var finishedAt: String?
    /// Wall-clock duration in seconds.
    public var wallSeconds: Double?
    /// The run's HDF5 output file, if it writes one.
    public var outputPath: String?
    /// The run's KPIs in the order they were reported.
    public var kpis: [KPI]
    /// Why the run failed or was marked incomplete.
    public var error: String?
    /// The writer process's PID, used by ``RunCatalog/reconcile()``.
    public var writerPID: Int32?
    /// The writer process's host.
    public var writerHost: String?
    /// The simulated span, hours (nil for rows from before the catalog recorded it).
    public var horizonHours: Double?
    /// What the run holds (nil for rows from before the catalog recorded it).
    public var runKind: RunKind?

    public init(
        id: Int64? = nil, runID: String, scenarioID: String, scenarioHash: String, seed: UInt64,
        twinlabVersion: String, fingerprint: String? = nil, status: RunStatus, startedAt: String,
        finishedAt: String? = nil, wallSeconds: Double? = nil, outputPath: String? = nil, kpis: [KPI] = [],
        error: String? = nil, writerPID: Int32? = nil, writerHost: String? = nil, horizonHours: Double? = nil,
        runKind: RunKind? = nil, outputDigest: String? = nil
    ) {
        self.id = id
        self.runID = runID
        self.scenarioID = scenarioID
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.twinlabVersion = twinlabVersion
        self.fingerprint = fingerprint
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.wallSeconds = wallSeconds
        self.outputPath = outputPath
        self.kpis = kpis
        self.error = error
        self.writerPID = writerPID
        self.writerHost = writerHost
        self.horizonHours = horizonHours
        self.runKind = runKind
        self.outputDigest = outputDigest
    }

    /// Column names, shared by the migration, the row mapping and queries.
    enum Column: String {
        case id, runID = "run_id", scenarioID = "scenario_id", scenarioHash = "scenario_hash", seed
        case twinlabVersion = "twinlab_version", fingerprint, status, startedAt = "started_at"
        case finishedAt = "finished_at", wallSeconds = "wall_seconds", outputPath = "output_path", kpis, error
        case writerPID = "writer_pid", writerHost = "writer_host", horizonHours = "horizon_hours", runKind = "run_kind"
        case outputDigest = "output_digest"
    }

    /// JSON keys match the SQL column names, so exports and SQL agree.
    public enum CodingKeys: String, CodingKey {
        case id, runID = "run_id", scenarioID = "scenario_id", scenarioHash = "scenario_hash", seed
        case twinlabVersion = "twinlab_version", fingerprint, status, startedAt = "started_at"
        case finishedAt = "finished_at", wallSeconds = "wall_seconds", outputPath = "output_path", kpis, error
        case writerPID = "writer_pid", writerHost = "writer_host", horizonHours = "horizon_hours", runKind = "run_kind"
        case outputDigest = "output_digest"
    }

    // Explicit row mapping instead of GRDB's Codable path: the seed and KPI columns need
    // formats (decimal text, ordered JSON object) that the generic coders do not give.
    public init(row: Row) throws {
        let seedText: String = row[Column.seed.rawValue]
        guard let seed = UInt64(seedText) else {
            throw RowDecodingError(message: "seed '\(seedText)' is not a decimal UInt64")
        }
        let statusText: String = row[Column.status.rawValue]
        guard let status = RunStatus(rawValue: statusText) else {
            throw RowDecodingError(message: "unknown status '\(statusText)'")
        }
        let kpiText: String = row[Column.kpis.rawValue]
        do {
            kpis = try KPIJSON.decode(kpiText)
        } catch {
            throw RowDecodingError(message: "kpis is not a flat JSON object: expected \(error.expected) at offset \(error.offset)")
        }
        self.seed = seed
        self.status = status
        id = row[Column.id.rawValue]
        runID = row[Column.runID.rawValue]
        scenarioID = row[Column.scenarioID.rawValue]
        scenarioHash = row[Column.scenarioHash.rawValue]
        twinlabVersion = row[Column.twinlabVersion.rawValue]
        fingerprint = row[Column.fingerprint.rawValue]
        startedAt = row[Column.startedAt.rawValue]
        finishedAt = row[Column.finishedAt.rawValue]
        wallSeconds = row[Column.wallSeconds.rawValue]
        outputPath = row[Column.outputPath.rawValue]
        error = row[Column.error.rawValue]
        writerPID = row[Column.writerPID.rawValue]
        writerHost = row[Column.writerHost.rawValue]
        horizonHours = row[Column.horizonHours.rawValue]
        runKind = (row[Column.runKind.rawValue] as String?).flatMap(RunKind.init(rawValue:))
        // Like the v2 columns, absent from older catalogs, which `catalog list` reads without
        // upgrading them: a missing column reads as nil.
        outputDigest = row[Column.outputDigest.rawValue]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Column.id.rawValue] = id
        container[Column.runID.rawValue] = runID
        container[Column.scenarioID.rawValue] = scenarioID
        container[Column.scenarioHash.rawValue] = scenarioHash
        container[Column.seed.rawValue] = String(seed)
        container[Column.twinlabVersion.rawValue] = twinlabVersion
        container[Column.fingerprint.rawValue] = fingerprint
        container[Column.status.rawValue] = status.rawValue
        container[Column.startedAt.rawValue] = startedAt
        container[Column.finishedAt.rawValue] = finishedAt
        container[Column.wallSeconds.rawValue] = wallSeconds
        container[Column.outputPath.rawValue] = outputPath
        container[Column.kpis.rawValue] = KPIJSON.encode(kpis)
        container[Column.error.rawValue] = error
        container[Column.writerPID.rawValue] = writerPID
        container[Column.writerHost.rawValue] = writerHost
        container[Column.horizonHours.rawValue] = horizonHours
        container[Column.runKind.rawValue] = runKind?.rawValue
        container[Column.outputDigest.rawValue] = outputDigest
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A `runs` row whose contents TwinLab cannot interpret (edited by hand or by a newer version).
struct RowDecodingError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
