import Foundation
import Testing
import Scenario
import Recording
import Lab

/// A run file rebuilds its own scenario from the text and calibration sets it stores.
@Suite("Stored scenario", .serialized)
struct StoredScenarioTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A project folder (`scenarios/`, `calibration/` copied from the repository) with a
    /// one-day flower room that names a cultivar and a fixture.
    static func project() throws -> (root: String, scenario: String) {
        let root = NSTemporaryDirectory() + "twinlab-stored-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/scenarios", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("calibration").path, toPath: root + "/calibration")
        let text = """
            schema: twinlab/scenario@1
            id: stored-room
            seed: 3
            horizon_hours: 24
            facility:
              rooms:
                - {id: r, floor_area_m2: 60, canopy_area_m2: 50,
                   crop: {kind: cannabis, cultivar: long-sativa, start_stage: flowering},
                   lighting: {fixture: hps-de-1.7}}
            """
        try text.write(toFile: root + "/scenarios/room.yaml", atomically: true, encoding: .utf8)
        return (root, root + "/scenarios/room.yaml")
    }

    static func pce(_ scenario: Scenario) -> Double? {
        guard case .facility(let spec) = scenario.model else { return nil }
        return spec.rooms.first?.crop.photonConversionEfficiency
    }

    @Test("the rebuilt scenario equals the one that ran, after its calibration folder was edited and deleted")
    func rebuildIgnoresTheFolder() throws {
        let (root, path) = try Self.project()
        let scenario = try ScenarioLoader.load(path: path)
        #expect(scenario.calibration.map(\.file) == ["cultivars.yaml", "fixtures.yaml"])
        let summary = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: root + "/results", catalogPath: nil))
        let cultivars = root + "/calibration/cultivars.yaml"
        let text = try String(contentsOfFile: cultivars, encoding: .utf8)
        try text.replacingOccurrences(of: "pce_g_per_mol: 0.27", with: "pce_g_per_mol: 0.5")
            .write(toFile: cultivars, atomically: true, encoding: .utf8)
        #expect(Self.pce(try ScenarioLoader.load(path: path)) == 0.5)

        let rebuilt = try StoredScenario.rebuild(from: try RunFileReader(path: summary.outputPath))
        #expect(Self.pce(rebuilt) == 0.27)
        #expect(rebuilt == scenario)
        #expect(rebuilt.contentHash == scenario.contentHash)
        try FileManager.default.removeItem(atPath: root + "/calibration")
        #expect(try StoredScenario.rebuild(from: try RunFileReader(path: summary.outputPath)) == scenario)

        let provenance = try RunProvenance(reader: try RunFileReader(path: summary.outputPath))
        #expect(provenance.kind == .facility)
        #expect(provenance.scenarioHash == scenario.contentHash)
        #expect(provenance.calibration.map(\.name) == ["cultivars", "fixtures"])
        #expect(provenance.calibration.first?.sourcePath == (cultivars as NSString).standardizingPath)
        #expect(provenance.calibration.first?.text == text)
        #expect(provenance.horizonHours == 24 && provenance.seed == 3)
    }

    @Test("a stored set altered after the run is refused, naming the set")
    func tamperedSetsAreRefused() throws {
        let (root, path) = try Self.project()
        let summary = try RunPipeline.execute(RunRequest(scenario: try ScenarioLoader.load(path: path),
                                                         outputDirectory: root + "/results", catalogPath: nil))
        do {
            let file = try HDF5File.open(at: summary.outputPath, mode: .readWrite)
            let set = try file.openGroup("scenario/calibration/fixtures")
            try set.setAttribute("text", try set.stringAttribute("text") + "\n# edited\n")
            try file.close()
        }
        do {
            _ = try StoredScenario.rebuild(from: try RunFileReader(path: summary.outputPath))
            Issue.record("an altered calibration set was accepted")
        } catch let error as StoredScenarioError {
            #expect(error.code == .tampered)
            #expect(error.message.contains("'fixtures'"))
        }
    }

    @Test("a file from before calibration was stored falls back to the calibration folder beside its folder")
    func olderFilesFallBackToTheFolder() throws {
        let (root, path) = try Self.project()
        let scenario = try ScenarioLoader.load(path: path)
        // What a run file looked like then: root attributes only, no run_kind, no /scenario group.
        let old = root + "/results/stored-room-seed3.h5"
        try FileManager.default.createDirectory(atPath: root + "/results", withIntermediateDirectories: true)
        do {
            let file = try HDF5File.create(at: old)
            try file.setAttribute("schema", "twinlab/run@1")
            try file.setAttribute("twinlab_version", "0.1.0")
            try file.setAttribute("scenario_text", scenario.sourceText)
            try file.setAttribute("status", "complete")
            _ = try file.createGroup("timeseries").createGroup("rooms")
            try file.close()
        }
        let reader = try RunFileReader(path: old)
        #expect(reader.kind == .facility)
        #expect(Self.pce(try StoredScenario.rebuild(from: reader)) == 0.27)
        try FileManager.default.removeItem(atPath: root + "/calibration")
        do {
            _ = try StoredScenario.rebuild(from: reader)
            Issue.record("an old file rebuilt without any calibration")
        } catch let error as StoredScenarioError {
            #expect(error.code == .invalid)
            #expect(error.message.contains("before run files stored their calibration sets"))
            #expect(error.message.contains(root + "/calibration"))
        }
    }

    @Test("a facility scenario whose price file is gone still reads back: the run never runs again")
    func missingDataFilesDoNotMatter() throws {
        let (root, _) = try Self.project()
        var prices = "hour,price_per_kwh\n"
        for hour in 0..<24 { prices += "\(hour),\(hour < 12 ? 0.1 : 0.2)\n" }
        try prices.write(toFile: root + "/scenarios/prices.csv", atomically: true, encoding: .utf8)
        let text = """
            schema: twinlab/scenario@1
            id: priced-room
            horizon_hours: 6
            facility:
              tariff: {kind: real_time, prices_file: prices.csv}
              rooms:
                - {id: r, floor_area_m2: 50, canopy_area_m2: 40, lighting: {fixture: led-2.8}}
            """
        try text.write(toFile: root + "/scenarios/priced.yaml", atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: root + "/scenarios/priced.yaml")
        let summary = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: root + "/results", catalogPath: nil))
        try FileManager.default.removeItem(atPath: root + "/scenarios/prices.csv")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: root + "/scenarios/priced.yaml") }
        let rebuilt = try StoredScenario.rebuild(from: try RunFileReader(path: summary.outputPath))
        guard case .facility(let spec) = rebuilt.model, case .realTime = spec.tariff.pricing else {
            Issue.record("the stored real-time tariff did not read back")
            return
        }
        #expect(rebuilt.contentHash == scenario.contentHash)
    }
}
