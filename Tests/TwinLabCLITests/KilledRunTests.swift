import Foundation
import Testing
import Recording
import Catalog
import Scenario
import Lab

/// A run killed with SIGKILL leaves a readable, incomplete file and a catalog that says so.
@Suite("Killed runs", .serialized)
struct KilledRunTests {
    @Test func sigkillLeavesAReadablePartialFileAndAnIncompleteCatalogRow() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Long enough to be killed midway: 500 machines over 100,000 h, one row per hour.
        let scenario = dir.appendingPathComponent("long.yaml")
        try """
        schema: twinlab/scenario@1
        id: long-shop
        horizon_hours: 100000
        machine_shop: {machines: 500, technicians: 30}
        """.write(to: scenario, atomically: true, encoding: .utf8)
        // An earlier result at the run's own name must survive the killed run untouched, even
        // with --overwrite: the replacement is a rename once the new run is complete.
        let earlier = dir.appendingPathComponent("results/" + (try Self.fileName(of: scenario)))
        try FileManager.default.createDirectory(at: earlier.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("earlier result".utf8).write(to: earlier)

        // Each flush adds 4,096 hourly rows and ~67,000 events (~1.7 MB): past 4 MB at least
        // one flush is complete, wherever the kill lands.
        try Self.killMidway(scenario: scenario, in: dir, partial: earlier.path + ".partial", pastBytes: 4_000_000)
        let partial = earlier.path + ".partial"

        #expect(try Data(contentsOf: earlier) == Data("earlier result".utf8))
        let file = try HDF5File.open(at: partial)
        #expect(try file.stringAttribute("status") == "incomplete")
        let table = try file.readTable("timeseries/machine_shop")
        #expect(table.rowCount >= 4096)
        #expect(table.rowCount % 4096 == 0)
        #expect(table[table.rowCount - 1, 0] == Double(table.rowCount - 1))

        #expect(try Self.catalogStatuses(in: dir) == ["incomplete"])
    }

    @Test func sigkillMidwayThroughAFacilityRunKeepsEveryFlushedRoomRow() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // The flower room for two years at a 1-minute recording interval: ~1 million rows, far
        // longer than the time it takes to write the first flushes.
        let repository = CommandLineTests.repository
        var text = try String(contentsOf: repository.appendingPathComponent("scenarios/flower-room.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "horizon_hours: 1464", with: "horizon_hours: 17520")
            .replacingOccurrences(of: "interval_minutes: 15", with: "interval_minutes: 1")
            + "calibration_dir: \(repository.appendingPathComponent("calibration").path)\n"
        let scenario = dir.appendingPathComponent("flower-room.yaml")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let earlier = dir.appendingPathComponent("results/" + (try Self.fileName(of: scenario)))
        try FileManager.default.createDirectory(at: earlier.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("earlier facility result".utf8).write(to: earlier)

        // A room flush is 4,096 rows of the room's channels (~1.1 MB) plus the facility table.
        let partial = earlier.path + ".partial"
        try Self.killMidway(scenario: scenario, in: dir, partial: partial, pastBytes: 3_000_000)

        #expect(try Data(contentsOf: earlier) == Data("earlier facility result".utf8))
        let file = try HDF5File.open(at: partial)
        #expect(try file.stringAttribute("status") == "incomplete")
        let room = try file.readTable("timeseries/rooms/flower-1")
        #expect(room.rowCount >= 4096 && room.rowCount % 4096 == 0)
        // Rows are whole and in time order up to the last flush: one row per minute.
        for row in stride(from: 0, to: room.rowCount, by: 997) {
            #expect(abs(room[row, 0] - Double(row) / 60) < 1e-9)
        }
        #expect(abs(room[room.rowCount - 1, 0] - Double(room.rowCount - 1) / 60) < 1e-9)
        #expect((0..<room.rowCount).allSatisfy { room[$0, 1].isFinite })
        #expect(try Self.catalogStatuses(in: dir) == ["incomplete"])
    }

    /// The name of the file a full run of the scenario at `url` writes.
    static func fileName(of url: URL) throws -> String {
        let scenario = try ScenarioLoader.load(path: url.path)
        return RunFileName.make(scenarioID: scenario.id, seed: scenario.seed, horizonHours: scenario.horizonHours,
                                scenarioHash: scenario.contentHash)
    }

    /// Starts `twinlab run scenario --quiet --overwrite` in `dir`, waits until `partial`
    /// exceeds `pastBytes`, and kills the process with SIGKILL.
    static func killMidway(scenario: URL, in dir: URL, partial: String, pastBytes: Int) throws {
        let process = Process()
        process.executableURL = try CommandLineTests.binary()
        process.arguments = ["run", scenario.path, "--quiet", "--overwrite"]
        process.currentDirectoryURL = dir
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: partial)[.size] as? Int) ?? 0
            if size > pastBytes || !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(process.isRunning, "the run finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
    }

    /// The `status` of every run `twinlab catalog list --json` shows in `dir`.
    static func catalogStatuses(in dir: URL) throws -> [String] {
        let list = Process()
        list.executableURL = try CommandLineTests.binary()
        list.arguments = ["catalog", "list", "--json"]
        list.currentDirectoryURL = dir
        let out = Pipe()
        list.standardOutput = out
        try list.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        list.waitUntilExit()
        #expect(list.terminationStatus == 0)
        let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return rows.compactMap { $0["status"] as? String }
    }
}
