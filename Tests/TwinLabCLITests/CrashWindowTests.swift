import Foundation
import Testing
import TestSupport
import Catalog
import Recording
import Lab

/// A run killed at every named instant of its write path leaves files and a catalog that tell
/// the truth: no `complete` row points at an unreadable file, an earlier result is never lost,
/// the partial file reads up to its last flush, and the next run works.
@Suite("Crash windows of the run write path", .serialized)
struct CrashWindowTests {
    /// Two days of the flower room: series, KPIs and result tables (labels, energy accounts),
    /// so every step of the write path has something to do.
    static let arguments = [
        "run", TwinLabProcess.repository.appendingPathComponent("scenarios/flower-room.yaml").path,
        "--until", "48", "--json",
    ]

    @Test("SIGKILL at each point keeps the earlier result and every row true", arguments: RunCrashPoint.allCases)
    func killAt(_ point: RunCrashPoint) throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogPath = dir.appendingPathComponent("results/catalog.sqlite").path

        let earlier = try TwinLabProcess.run(Self.arguments, in: dir)
        try #require(earlier.status == 0, "the first run failed: \(earlier.err)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(earlier.out.utf8)) as? [String: Any])
        let output = dir.appendingPathComponent(try #require(summary["outputPath"] as? String))
        let fingerprint = try #require(summary["fingerprint"] as? String)
        let earlierBytes = try Data(contentsOf: output)

        let killed = try TwinLabProcess.run(Self.arguments, in: dir, environment: ["TWINLAB_TEST_KILL_AT": point.rawValue])
        #expect(killed.signalled && killed.status == SIGKILL, "not killed at \(point.rawValue): \(killed.err)")

        // The same run writes the same bytes, so whatever instant the kill hit, the final name
        // holds the earlier result or its identical replacement, whole.
        #expect(try Data(contentsOf: output) == earlierBytes)
        #expect(try RunFileProbe.read(output.path) == .init(status: "complete", fingerprint: fingerprint))
        let partial = output.path + ".partial"
        if FileManager.default.fileExists(atPath: partial) {
            if point == .beforeClose {
                // Killed while the results were added (outside single-writer mode): the
                // file says so, and clearing the "open for writing" mark makes it whole.
                #expect(throws: HDF5Error.self) { try HDF5File.open(at: partial) }
                do {
                    _ = try HDF5File.open(at: partial)
                } catch let error as HDF5Error {
                    #expect(error.message.contains("h5clear -s"))
                }
                #expect(try SystemCommand.run("/usr/bin/h5clear", ["-s", partial]) == 0)
            }
            // What was flushed reads back; the closed partial files read as plain HDF5 too.
            let file = try HDF5File.open(at: partial)
            let status = try file.stringAttribute("status")
            #expect(status == (point == .afterSimulation ? "incomplete" : "complete"))
            #expect(try file.readTable("timeseries/rooms/flower-1").rowCount > 0)
        }
        #expect([.afterRename, .afterCatalog].contains(point) != FileManager.default.fileExists(atPath: partial))

        let rows = try RunFileProbe.expectTruthfulRows(in: catalogPath, relativeTo: dir)
        try #require(rows.count == 2)
        let killedRow = rows[0]
        #expect(killedRow.status == (point == .afterCatalog ? .complete : .incomplete))
        // Until the catalog says complete, the killed run's row names its partial file, never
        // the final name that holds another run's result.
        #expect(killedRow.outputPath == (point == .afterCatalog ? output.path : partial)
            .replacingOccurrences(of: dir.path + "/", with: ""))

        let next = try TwinLabProcess.run(Self.arguments, in: dir)
        #expect(next.status == 0, "the run after the kill failed: \(next.err)")
        #expect(try Data(contentsOf: output) == earlierBytes)
        #expect(!FileManager.default.fileExists(atPath: partial))
        #expect(!FileManager.default.fileExists(atPath: output.path + ".lock"))
        let after = try RunFileProbe.expectTruthfulRows(in: catalogPath, relativeTo: dir)
        #expect(after.filter { $0.status == .complete }.count == (point == .afterCatalog ? 3 : 2))
    }
}
