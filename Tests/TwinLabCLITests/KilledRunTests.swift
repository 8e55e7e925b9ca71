import Foundation
import Testing
import Recording
import Catalog

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
        // An earlier complete result must survive the killed run untouched.
        let earlier = dir.appendingPathComponent("results/long-shop-seed1234567.h5")
        try FileManager.default.createDirectory(at: earlier.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("earlier result".utf8).write(to: earlier)

        let process = Process()
        process.executableURL = try CommandLineTests.binary()
        process.arguments = ["run", scenario.path, "--quiet"]
        process.currentDirectoryURL = dir
        try process.run()
        let partial = earlier.path + ".partial"
        // Each flush adds 4,096 hourly rows and ~67,000 events (~1.7 MB): past 4 MB at least
        // one flush is complete, wherever the kill lands.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: partial)[.size] as? Int) ?? 0
            if size > 4_000_000 || !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(process.isRunning, "the run finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try Data(contentsOf: earlier) == Data("earlier result".utf8))
        let file = try HDF5File.open(at: partial)
        #expect(try file.stringAttribute("status") == "incomplete")
        let table = try file.readTable("timeseries/machine_shop")
        #expect(table.rowCount >= 4096)
        #expect(table.rowCount % 4096 == 0)
        #expect(table[table.rowCount - 1, 0] == Double(table.rowCount - 1))

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
        let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        #expect(rows?.first?["status"] as? String == "incomplete")
    }
}
