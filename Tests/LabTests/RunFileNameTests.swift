import Foundation
import Testing
import Scenario
import Recording
import Catalog
import Lab

/// Run file names keep different runs apart, and a replacement never loses the earlier file
/// before the new one is complete.
@Suite("Run file names", .serialized)
struct RunFileNameTests {
    static let text = """
        schema: twinlab/scenario@1
        id: named-shop
        seed: 11
        horizon_hours: 500
        recording: {interval_minutes: 120}
        machine_shop: {machines: 12, technicians: 2}
        """

    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "twinlab-names-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("the name holds id, seed, horizon and the first 8 digits of the content hash")
    func format() throws {
        let scenario = try ScenarioLoader.parse(Self.text, file: "inline.yaml")
        #expect(scenario.contentHash.count == 64)
        #expect(RunFileName.make(scenarioID: "named-shop", seed: 11, horizonHours: 500, scenarioHash: scenario.contentHash)
            == "named-shop-seed11-500h-\(scenario.contentHash.prefix(8)).h5")
        #expect(RunFileName.make(scenarioID: "a", seed: 18_446_744_073_709_551_615, horizonHours: 0.5,
                                 scenarioHash: "0123456789abcdef") == "a-seed18446744073709551615-0.5h-01234567.h5")
        let dir = try Self.directory()
        let summary = try RunPipeline.execute(RunRequest(scenario: scenario, untilHours: 100, outputDirectory: dir,
                                                         catalogPath: nil))
        #expect((summary.outputPath as NSString).lastPathComponent == "named-shop-seed11-100h-\(scenario.contentHash.prefix(8)).h5")
        let file = try HDF5File.open(at: summary.outputPath)
        #expect(try file.stringAttribute("run_kind") == "machine-shop")
        #expect(try file.stringAttribute("scenario_hash") == scenario.contentHash)
    }

    @Test("an edited copy with the same id, another seed and an --until run never share a file")
    func noCollisions() throws {
        let dir = try Self.directory()
        let scenario = try ScenarioLoader.parse(Self.text, file: "inline.yaml")
        let edited = try ScenarioLoader.parse(Self.text.replacingOccurrences(of: "technicians: 2", with: "technicians: 3"),
                                              file: "copy.yaml")
        let runs = try [
            RunRequest(scenario: scenario, outputDirectory: dir, catalogPath: nil),
            RunRequest(scenario: edited, outputDirectory: dir, catalogPath: nil),
            RunRequest(scenario: scenario, seed: 12, outputDirectory: dir, catalogPath: nil),
            RunRequest(scenario: scenario, untilHours: 250, outputDirectory: dir, catalogPath: nil),
        ].map { try RunPipeline.execute($0) }
        #expect(Set(runs.map(\.outputPath)).count == 4)
        for run in runs {
            #expect(try HDF5File.open(at: run.outputPath).stringAttribute("fingerprint") == run.fingerprint)
        }
        // The same run again replaces its own file with the same bytes.
        let before = FileManager.default.contents(atPath: runs[0].outputPath)
        let again = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: dir, catalogPath: nil))
        #expect(again.outputPath == runs[0].outputPath)
        #expect(FileManager.default.contents(atPath: again.outputPath) == before)
    }

    @Test("a different run at the name is refused before simulating; overwrite replaces it and detaches its catalog rows")
    func refuseThenOverwrite() throws {
        let dir = try Self.directory()
        let catalogPath = dir + "/catalog.sqlite"
        let scenario = try ScenarioLoader.parse(Self.text, file: "inline.yaml")
        let first = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: dir, catalogPath: catalogPath))
        // The same name written by another TwinLab version: a different run.
        do {
            let file = try HDF5File.open(at: first.outputPath, mode: .readWrite)
            try file.setAttribute("twinlab_version", "0.0.9")
            try file.close()
        }
        let planted = FileManager.default.contents(atPath: first.outputPath)
        let catalog = try RunCatalog(path: catalogPath)
        try catalog.finishRun(id: try catalog.beginRun(scenarioID: "named-shop", scenarioHash: scenario.contentHash, seed: 11,
                                                       twinlabVersion: "0.0.9", outputPath: first.outputPath).runID,
                              status: .complete, fingerprint: "00000000deadbeef")
        do {
            _ = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: dir, catalogPath: catalogPath))
            Issue.record("a file of another TwinLab version was replaced without overwrite")
        } catch let error as RunError {
            #expect(error.code == .outputExists)
            #expect(error.message.contains("written by TwinLab 0.0.9") && error.message.contains("--overwrite"))
        }
        #expect(FileManager.default.contents(atPath: first.outputPath) == planted)
        #expect(try catalog.count() == 2, "a refused run leaves no catalog row")

        var request = RunRequest(scenario: scenario, outputDirectory: dir, catalogPath: catalogPath)
        request.overwrite = true
        let replaced = try RunPipeline.execute(request)
        #expect(replaced.outputPath == first.outputPath)
        #expect(try HDF5File.open(at: replaced.outputPath).stringAttribute("twinlab_version") == TwinLabVersion.current)
        let rows = try catalog.list()
        #expect(rows.first { $0.fingerprint == "00000000deadbeef" }?.outputPath == nil)
        #expect(rows.filter { $0.fingerprint == replaced.fingerprint }.allSatisfy { $0.outputPath == replaced.outputPath })
        #expect(rows.filter { $0.fingerprint == replaced.fingerprint }.count == 2)
        #expect(rows.first?.horizonHours == 500 && rows.first?.runKind == .machineShop)
    }

    @Test("a replacement is one rename: when it cannot happen, what was at the name is left whole")
    func replacementNeverDeletesFirst() throws {
        let dir = try Self.directory()
        let scenario = try ScenarioLoader.parse(Self.text, file: "inline.yaml")
        let name = dir + "/" + RunFileName.make(scenarioID: scenario.id, seed: scenario.seed,
                                                horizonHours: scenario.horizonHours, scenarioHash: scenario.contentHash)
        // Something a rename cannot replace: a folder with a file in it. Deleting what is there
        // before moving the new file in would lose it.
        try FileManager.default.createDirectory(atPath: name, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: name + "/notes.txt"))
        var request = RunRequest(scenario: scenario, outputDirectory: dir, catalogPath: dir + "/c.sqlite")
        request.overwrite = true
        #expect(throws: RunError.self) { try RunPipeline.execute(request) }
        #expect(FileManager.default.contents(atPath: name + "/notes.txt") == Data("notes".utf8))
        #expect(try RunCatalog(path: dir + "/c.sqlite").list().map(\.status) == [.failed])
    }

    @Test("every run file path README.md shows matches the name a run of a shipped scenario gets")
    func readmeExamplesMatch() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = Set(readme.matches(of: /results\/[A-Za-z0-9._-]+-seed[^ "'`)]*\.h5/).map { String($0.output) })
        #expect(examples.count >= 2, "\(examples)")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("scenarios").path)
            .filter { $0.hasSuffix(".yaml") }
            .map { try ScenarioLoader.load(path: repository.appendingPathComponent("scenarios/\($0)").path) }
            .map { "results/" + RunFileName.make(scenarioID: $0.id, seed: $0.seed, horizonHours: $0.horizonHours,
                                                 scenarioHash: $0.contentHash) }
        for example in examples {
            // The README writes the hash as a shell/glob `*` or as `<hash8>`.
            let pattern = example.replacingOccurrences(of: "<hash8>", with: "*")
            #expect(shipped.contains { fnmatch(pattern, $0, 0) == 0 }, "\(example) names no run of a shipped scenario")
        }
    }
}
