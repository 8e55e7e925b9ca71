import Catalog
import Foundation
import GRDB
import Testing

/// `RunCatalog(readingFrom:)` on real SQLite files: it reads, and it never writes a byte of
/// the catalog, whatever the file holds.
@Suite("Reading a catalog without changing it", .serialized)
struct CatalogReadingTests {
    /// A catalog with one finished and one running run, all connections closed.
    func writeCatalog(_ dir: CatalogDirectory, writer: RunWriter = .current) throws {
        let catalog = try RunCatalog(path: dir.catalogPath)
        try catalog.beginRun(runID: "done-run", scenarioID: "shop", scenarioHash: "abcd", seed: 1, twinlabVersion: "0.1.0")
        try catalog.finishRun(id: "done-run", status: .complete, fingerprint: "ff", outputDigest: String(repeating: "a", count: 64))
        try catalog.beginRun(runID: "live-run", scenarioID: "shop", scenarioHash: "abcd", seed: 2, twinlabVersion: "0.1.0",
                             writer: writer)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("list and show read a catalog and leave its file byte-identical")
    func readsWithoutWriting() throws {
        let dir = try CatalogDirectory()
        try writeCatalog(dir)
        let before = try bytes(dir.catalogPath)
        let modified = try FileManager.default.attributesOfItem(atPath: dir.catalogPath)[.modificationDate] as? Date
        do {
            let catalog = try RunCatalog(readingFrom: dir.catalogPath)
            #expect(catalog.isReadOnly)
            #expect(try catalog.runsAsSeenNow().map(\.runID) == ["live-run", "done-run"])
            #expect(try catalog.run(id: "done-run")?.outputDigest == String(repeating: "a", count: 64))
            let refused = #expect(throws: CatalogError.self) { try catalog.reconcile() }
            #expect(refused?.code == .notWritable)
        }
        #expect(try bytes(dir.catalogPath) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: dir.catalogPath)[.modificationDate] as? Date == modified)
    }

    @Test("a running run whose writer is gone reads as incomplete, without the catalog being changed")
    func deadWriterReadsIncomplete() throws {
        let dir = try CatalogDirectory()
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        try writeCatalog(dir, writer: RunWriter(pid: gone.processIdentifier, host: RunWriter.currentHost))
        let before = try bytes(dir.catalogPath)
        let catalog = try RunCatalog(readingFrom: dir.catalogPath)
        #expect(try catalog.run(id: "live-run")?.status == .running)
        let seen = try catalog.runsAsSeenNow()
        #expect(seen.first { $0.runID == "live-run" }?.status == .incomplete)
        #expect(try catalog.runsAsSeenNow(status: .incomplete).map(\.runID) == ["live-run"])
        #expect(try catalog.runsAsSeenNow(status: .running).isEmpty)
        #expect(try catalog.runsAsSeenNow(limit: 1, status: .complete).map(\.runID) == ["done-run"])
        #expect(try bytes(dir.catalogPath) == before)
    }

    @Test("missing, empty, garbage and foreign files are refused with their own codes and stay as they were")
    func refusals() throws {
        let dir = try CatalogDirectory()
        let missing = #expect(throws: CatalogError.self) { try RunCatalog(readingFrom: dir.catalogPath) }
        #expect(missing?.code == .missing)
        #expect(missing?.message.contains("no catalog at '\(dir.catalogPath)'") == true)
        #expect(!FileManager.default.fileExists(atPath: dir.catalogPath))

        _ = FileManager.default.createFile(atPath: dir.catalogPath, contents: nil)
        let empty = #expect(throws: CatalogError.self) { try RunCatalog(readingFrom: dir.catalogPath) }
        #expect(empty?.code == .empty)
        #expect(try bytes(dir.catalogPath).isEmpty)

        var generator = SystemRandomNumberGenerator()
        let garbage = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: URL(fileURLWithPath: dir.catalogPath))
        let notADatabase = #expect(throws: CatalogError.self) { try RunCatalog(readingFrom: dir.catalogPath) }
        #expect(notADatabase?.code == .notADatabase)
        #expect(notADatabase?.message.contains("is not a SQLite database") == true)
        #expect(try bytes(dir.catalogPath) == garbage)

        try FileManager.default.removeItem(atPath: dir.catalogPath)
        try DatabaseQueue(path: dir.catalogPath).write { try $0.execute(sql: "CREATE TABLE notes (x TEXT)") }
        let foreign = try bytes(dir.catalogPath)
        let notACatalog = #expect(throws: CatalogError.self) { try RunCatalog(readingFrom: dir.catalogPath) }
        #expect(notACatalog?.code == .notACatalog)
        #expect(notACatalog?.message.contains("notes") == true)
        #expect(try bytes(dir.catalogPath) == foreign)
    }

    @Test("a catalog from a newer TwinLab is refused; one from an older TwinLab is read as it is, not upgraded")
    func schemaVersions() throws {
        let dir = try CatalogDirectory()
        try writeCatalog(dir)
        try DatabaseQueue(path: dir.catalogPath).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')")
        }
        let newer = #expect(throws: CatalogError.self) { try RunCatalog(readingFrom: dir.catalogPath) }
        #expect(newer?.code == .newerSchema)
        #expect(newer?.message.contains("v9-from-the-future") == true)

        let old = try CatalogDirectory()
        try DatabaseQueue(path: old.catalogPath).write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1-runs');
                CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL UNIQUE,
                  scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed TEXT NOT NULL,
                  twinlab_version TEXT NOT NULL, fingerprint TEXT, status TEXT NOT NULL, started_at TEXT NOT NULL,
                  finished_at TEXT, wall_seconds DOUBLE, output_path TEXT, kpis TEXT NOT NULL DEFAULT '{}',
                  error TEXT, writer_pid INTEGER, writer_host TEXT);
                INSERT INTO runs (run_id, scenario_id, scenario_hash, seed, twinlab_version, status, started_at)
                  VALUES ('old', 'shop', 'abcd', '7', '0.1.0', 'complete', '2025-01-01T00:00:00.000Z');
                """)
        }
        let before = try bytes(old.catalogPath)
        let catalog = try RunCatalog(readingFrom: old.catalogPath)
        let row = try #require(try catalog.runsAsSeenNow().first)
        #expect(row.runID == "old" && row.horizonHours == nil && row.outputDigest == nil)
        #expect(try catalog.appliedMigrations() == ["v1-runs"])
        #expect(try bytes(old.catalogPath) == before)
    }

    @Test("a read-only file is listed, and stays as it was")
    func readOnlyFile() throws {
        let dir = try CatalogDirectory()
        try writeCatalog(dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: dir.catalogPath)
        let before = try bytes(dir.catalogPath)
        #expect(try RunCatalog(readingFrom: dir.catalogPath).runsAsSeenNow().count == 2)
        #expect(try bytes(dir.catalogPath) == before)
    }

    @Test("a catalog locked by another connection is reported as locked, for readers and writers")
    func locked() throws {
        let dir = try CatalogDirectory()
        try writeCatalog(dir)
        let holder = try DatabaseQueue(path: dir.catalogPath)
        try holder.inDatabase { db in
            // Exclusive locking mode keeps even WAL readers out, as a process holding the file would.
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "BEGIN EXCLUSIVE")
            try db.execute(sql: "UPDATE runs SET error = 'held' WHERE run_id = 'done-run'")
            let reading = #expect(throws: CatalogError.self) {
                try RunCatalog(readingFrom: dir.catalogPath, busyTimeout: 0.2).runsAsSeenNow()
            }
            #expect(reading?.code == .locked, "\(String(describing: reading))")
            #expect(reading?.message.contains("locked by another process") == true)
            let writing = #expect(throws: CatalogError.self) { try RunCatalog(path: dir.catalogPath, busyTimeout: 0.2) }
            #expect(writing?.code == .locked, "\(String(describing: writing))")
            try db.execute(sql: "ROLLBACK")
        }
    }
}
