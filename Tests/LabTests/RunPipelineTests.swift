import Foundation
import Testing
import Scenario
import Recording
import Catalog
import Lab

/// The main job end to end: scenario → run → HDF5 → catalog, read back for real.
@Suite("Run pipeline", .serialized)
struct RunPipelineTests {
    let text = """
    schema: twinlab/scenario@1
    id: pipeline-shop
    seed: 11
    horizon_hours: 2000
    recording: {interval_minutes: 120}
    machine_shop: {machines: 12, technicians: 2}
    """

    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "twinlab-pipeline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesAReadableFileAndACatalogRow() throws {
        let dir = try temporaryDirectory()
        let scenario = try ScenarioLoader.parse(text, file: "inline.yaml")
        let summary = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: dir,
                                                         catalogPath: dir + "/catalog.sqlite"))
        let file = try HDF5File.open(at: summary.outputPath)
        #expect(try file.stringAttribute("status") == "complete")
        #expect(try file.stringAttribute("fingerprint") == summary.fingerprint)
        #expect(try file.stringAttribute("scenario_text") == text)
        #expect(try file.stringAttribute("seed") == "11")
        let table = try file.readTable("timeseries/machine_shop")
        #expect(table.columns == ["time", "machines_down", "technicians_busy", "waiting_for_technician"])
        #expect(table.units[0] == "h")
        #expect(table.rowCount == 1000)  // every 2 h over 2000 h, the sample at the horizon excluded
        #expect(table[0, 0] == 0)
        let events = try file.readTable("events")
        #expect(events.columns == ["time", "machine", "kind"])
        #expect(try file.openDataset("events").stringArrayAttribute("kinds") == ["failure", "repair_start", "repair_end"])
        let failures = (0..<events.rowCount).filter { events[$0, 2] == 0 }.count
        #expect(Double(failures) == summary.kpis.first { $0.name == "failures" }?.value)
        // Times never go backwards in the event log.
        #expect((1..<events.rowCount).allSatisfy { events[$0, 0] >= events[$0 - 1, 0] })
        let availability = try #require(summary.kpis.first { $0.name == "availability" }).value
        #expect(availability > 0.5 && availability < 1)
        let record = try #require(try RunCatalog(path: dir + "/catalog.sqlite").run(id: summary.runID))
        #expect(record.status == .complete)
        #expect(record.fingerprint == summary.fingerprint)
        #expect(record.kpis.map(\.name) == summary.kpis.map(\.name))
    }

    @Test func sameSeedGivesByteIdenticalFilesAndOtherSeedsDiffer() throws {
        let scenario = try ScenarioLoader.parse(text, file: "inline.yaml")
        let a = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: try temporaryDirectory(), catalogPath: nil))
        let b = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: try temporaryDirectory(), catalogPath: nil))
        let c = try RunPipeline.execute(RunRequest(scenario: scenario, seed: 12, outputDirectory: try temporaryDirectory(),
                                                   catalogPath: nil))
        #expect(a.fingerprint == b.fingerprint)
        #expect(FileManager.default.contents(atPath: a.outputPath) == FileManager.default.contents(atPath: b.outputPath))
        #expect(a.fingerprint != c.fingerprint)
    }

    @Test func compressionKeepsValuesAndShrinksTheFile() throws {
        let plain = try ScenarioLoader.parse(text, file: "inline.yaml")
        let packed = try ScenarioLoader.parse(text.replacingOccurrences(
            of: "recording: {interval_minutes: 120}", with: "recording: {interval_minutes: 120, compression_level: 6}"),
            file: "inline.yaml")
        #expect(packed.compressionLevel == 6)
        let a = try RunPipeline.execute(RunRequest(scenario: plain, outputDirectory: try temporaryDirectory(), catalogPath: nil))
        let b = try RunPipeline.execute(RunRequest(scenario: packed, outputDirectory: try temporaryDirectory(), catalogPath: nil))
        let c = try RunPipeline.execute(RunRequest(scenario: packed, outputDirectory: try temporaryDirectory(), catalogPath: nil))
        #expect(a.fingerprint == b.fingerprint)
        #expect(try HDF5File.open(at: a.outputPath).readTable("timeseries/machine_shop").values
            == HDF5File.open(at: b.outputPath).readTable("timeseries/machine_shop").values)
        let size = { (path: String) in (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        #expect(try size(b.outputPath) < size(a.outputPath) / 2)
        #expect(FileManager.default.contents(atPath: b.outputPath) == FileManager.default.contents(atPath: c.outputPath))
    }

    @Test func onlyTheSelectedChannelsAreRecordedInTheirOrder() throws {
        let scenario = try ScenarioLoader.parse(text.replacingOccurrences(
            of: "recording: {interval_minutes: 120}",
            with: "recording: {interval_minutes: 120, channels: [waiting_for_technician, machines_down]}"), file: "inline.yaml")
        let all = try RunPipeline.execute(RunRequest(
            scenario: try ScenarioLoader.parse(text, file: "inline.yaml"), outputDirectory: try temporaryDirectory(),
            catalogPath: nil))
        let some = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: try temporaryDirectory(),
                                                      catalogPath: nil))
        let full = try HDF5File.open(at: all.outputPath).readTable("timeseries/machine_shop")
        let picked = try HDF5File.open(at: some.outputPath).readTable("timeseries/machine_shop")
        #expect(picked.columns == ["time", "waiting_for_technician", "machines_down"])
        #expect(picked.column("machines_down") == full.column("machines_down"))
        #expect(picked.column("waiting_for_technician") == full.column("waiting_for_technician"))
        // time_ratio is wall clock, different in every run.
        #expect(all.kpis.filter { $0.name != "time_ratio" } == some.kpis.filter { $0.name != "time_ratio" })
    }

    @Test func aFailedRunKeepsTheEarlierResultAndIsCataloguedAsFailed() throws {
        let dir = try temporaryDirectory()
        let scenario = try ScenarioLoader.parse(text, file: "inline.yaml")
        let first = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: dir, catalogPath: dir + "/c.sqlite"))
        let before = FileManager.default.contents(atPath: first.outputPath)
        // A directory where the partial file should go makes the HDF5 create fail.
        try FileManager.default.createDirectory(atPath: first.outputPath + ".partial", withIntermediateDirectories: true)
        #expect(throws: RunError.self) {
            try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: dir, catalogPath: dir + "/c.sqlite"))
        }
        #expect(FileManager.default.contents(atPath: first.outputPath) == before)
        let runs = try RunCatalog(path: dir + "/c.sqlite").list(limit: 10)
        #expect(runs.map(\.status) == [.failed, .complete])
    }
}
