import Foundation
import Testing
import Scenario
import Recording
import Lab

/// The run-file size estimate that `validate` prints and `validate` and `run` check, and the
/// chunking that keeps short runs small: checked against files really written.
@Suite("Run output estimate", .serialized)
struct RunOutputEstimateTests {
    static func facility(rooms: Int, horizonHours: Double = 24, intervalMinutes: Double = 60) -> String {
        var text = """
            schema: twinlab/scenario@1
            id: rooms-\(rooms)
            horizon_hours: \(horizonHours)
            recording: {interval_minutes: \(intervalMinutes)}
            facility:
              rooms:

            """
        for index in 0..<rooms { text += "    - {id: room-\(index), floor_area_m2: 100}\n" }
        return text
    }

    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "twinlab-estimate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("rows are the samples at 0 and every interval up to the horizon; chunks hold at most 4096 of them")
    func rowsAndChunks() {
        #expect(RunOutputEstimate.rows(horizonHours: 1, intervalMinutes: 60) == 2)
        #expect(RunOutputEstimate.rows(horizonHours: 1e7, intervalMinutes: 1.0 / 60) == 36_000_000_001)
        #expect(RunOutputEstimate.chunkRows(forRows: 2) == 2)
        #expect(RunOutputEstimate.chunkRows(forRows: 1_000_000) == 4096)
        #expect(RunOutputEstimate.chunkRows(forRows: 0) == 1)
    }

    @Test("10⁴ rooms for 1 h are estimated at tens of MB, not the 11.5 GB that 4096-row chunks wrote")
    func manyRoomsShortRun() throws {
        let scenario = try ScenarioLoader.parse(Self.facility(rooms: 10_000), file: "rooms.yaml")
        let estimate = RunOutputEstimate(scenario: scenario, horizonHours: 1)
        #expect(estimate.rows == 2)
        #expect(estimate.largestCount == 10_000 && estimate.largestKind == "rooms")
        #expect(estimate.bytes > 50e6 && estimate.bytes < 100e6, "\(estimate)")
        #expect(throws: Never.self) { try estimate.check(limitBytes: RunOutputEstimate.defaultLimitBytes) }
    }

    @Test("a 1-second interval over 10⁷ h is refused, naming the estimate, the limit and what drives the size")
    func hugeOutputRefused() throws {
        let scenario = try ScenarioLoader.parse(Self.facility(rooms: 1, horizonHours: 1e7, intervalMinutes: 1.0 / 60),
                                                file: "huge.yaml")
        let estimate = RunOutputEstimate(scenario: scenario)
        let error = #expect(throws: RunOutputTooLarge.self) { try estimate.check(limitBytes: 2e9) }
        let message = error?.description ?? ""
        #expect(message.contains("about 12.1 TB"), "\(message)")
        #expect(message.contains("1 rooms × 35 values × 36000000001 samples × 8 bytes"), "\(message)")
        #expect(message.contains("more than the limit of 2.00 GB"), "\(message)")
        // --until shortens the run, and the estimate with it.
        #expect(throws: Never.self) { try RunOutputEstimate(scenario: scenario, horizonHours: 1).check(limitBytes: 2e9) }
    }

    @Test("a short run's series are chunked to its sample count; the file is near the estimate and far below 1 MB a room")
    func shortRunFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = try ScenarioLoader.parse(Self.facility(rooms: 200), file: "rooms.yaml")
        let summary = try RunPipeline.execute(RunRequest(scenario: scenario, untilHours: 1, outputDirectory: dir,
                                                         catalogPath: nil))
        let file = try HDF5File.open(at: summary.outputPath)
        let room = try file.openDataset("timeseries/rooms/room-0")
        #expect(try room.storage()?.chunkRows == 2)
        #expect(try file.readTable("timeseries/rooms/room-199").rowCount >= 1)
        let size = Double(try FileManager.default.attributesOfItem(atPath: summary.outputPath)[.size] as? Int ?? 0)
        let estimate = RunOutputEstimate(scenario: scenario, horizonHours: 1)
        // 4096-row chunks made this 200 × 1.15 MB = 230 MB.
        #expect(size < 5e6, "\(size) bytes")
        #expect(size < estimate.bytes * 1.5 && size > estimate.bytes / 3, "file \(size) bytes, estimate \(estimate)")
    }
}
