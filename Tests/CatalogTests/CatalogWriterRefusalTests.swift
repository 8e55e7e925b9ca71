import Catalog
import Foundation
import GRDB
import Testing

/// `RunCatalog(path:)`, which records runs, refuses a file that is not a healthy run catalog
/// before writing anything to it.
@Suite("Opening a catalog for writing refuses bad files", .serialized)
struct CatalogWriterRefusalTests {
    /// A catalog with a few finished runs, all connections closed.
    func writeCatalog(_ path: String, runs: Int = 40) throws {
        let catalog = try RunCatalog(path: path)
        for index in 0..<runs {
            try catalog.beginRun(runID: "run-\(index)", scenarioID: "shop", scenarioHash: "abcd", seed: UInt64(index),
                                 twinlabVersion: "0.1.0")
            try catalog.finishRun(id: "run-\(index)", status: .complete, fingerprint: "ff",
                                  kpis: (0..<20).map { KPI("kpi_\($0)", Double($0 * index)) })
        }
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func refusal(_ path: String) throws -> CatalogError? {
        let before = try bytes(path)
        let error = #expect(throws: CatalogError.self) { try RunCatalog(path: path) }
        #expect(try bytes(path) == before, "the refused file was changed")
        return error
    }

    @Test("a damaged catalog (truncated, or failing SQLite's quick_check) is refused as damaged and left alone")
    func damaged() throws {
        let dir = try CatalogDirectory()
        try writeCatalog(dir.catalogPath)
        let whole = try bytes(dir.catalogPath)
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: dir.catalogPath))
        let truncated = try refusal(dir.catalogPath)
        #expect(truncated?.code == .damaged, "\(String(describing: truncated))")
        #expect(truncated?.message.contains("is damaged") == true)

        // Byte 20 of the header is the reserved space per page: SQLite then finds every page's
        // free space wrong, which only an integrity check notices.
        var header = whole
        header[20] = 0x10
        try header.write(to: URL(fileURLWithPath: dir.catalogPath))
        let failsCheck = try refusal(dir.catalogPath)
        #expect(failsCheck?.code == .damaged, "\(String(describing: failsCheck))")
    }

    @Test("garbage, a foreign database and a newer schema are refused and left alone")
    func foreignFiles() throws {
        let dir = try CatalogDirectory()
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) }).write(to: URL(fileURLWithPath: dir.catalogPath))
        #expect(try refusal(dir.catalogPath)?.code == .notADatabase)

        try FileManager.default.removeItem(atPath: dir.catalogPath)
        try DatabaseQueue(path: dir.catalogPath).write { db in
            try db.execute(sql: "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')")
        }
        let foreign = try refusal(dir.catalogPath)
        #expect(foreign?.code == .notACatalog)
        #expect(foreign?.message.contains("not a TwinLab run catalog") == true)

        try FileManager.default.removeItem(atPath: dir.catalogPath)
        try writeCatalog(dir.catalogPath, runs: 1)
        try DatabaseQueue(path: dir.catalogPath).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-x')") }
        #expect(try refusal(dir.catalogPath)?.code == .newerSchema)
    }

    @Test("an empty file becomes a catalog, as SQLite treats it")
    func emptyFileIsNew() throws {
        let dir = try CatalogDirectory()
        _ = FileManager.default.createFile(atPath: dir.catalogPath, contents: nil)
        let catalog = try RunCatalog(path: dir.catalogPath)
        #expect(try catalog.appliedMigrations() == ["v1-runs", "v2-horizon-kind", "v3-output-digest"])
    }

    @Test("a read-only catalog file is refused as not writable before anything is written",
          .enabled(if: geteuid() != 0, "root writes to read-only files; the command-line tests check this as nobody"))
    func readOnlyFile() throws {
        let dir = try CatalogDirectory()
        try writeCatalog(dir.catalogPath, runs: 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: dir.catalogPath)
        #expect(try refusal(dir.catalogPath)?.code == .notWritable)
    }
}
