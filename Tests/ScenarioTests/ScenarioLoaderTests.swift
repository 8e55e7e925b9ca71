import Foundation
import Testing
import SimKernel
import Scenario

/// Every validation error class, one fixture file each, checked for file:line, field and expectation.
@Suite("Scenario loading and validation")
struct ScenarioLoaderTests {
    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.path(forResource: name, ofType: "yaml", inDirectory: "Fixtures"))
    }

    func issues(_ name: String) throws -> [ScenarioIssue] {
        let path = try fixture(name)
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        #expect(error?.code == .invalid)
        return error?.issues ?? []
    }

    @Test func validFileWithDefaults() throws {
        let scenario = try ScenarioLoader.load(path: try fixture("valid"))
        #expect(scenario.id == "small-shop")
        #expect(scenario.seed == 7)
        #expect(scenario.recordingIntervalMinutes == 60)
        guard case .machineShop(let shop) = scenario.model else { Issue.record("wrong model"); return }
        #expect(shop.timeToFailure == .exponential(mean: 50))
        #expect(shop.repairTime == .lognormal(mean: 4, sd: 2))
    }

    @Test func unknownKeyGetsADidYouMean() throws {
        let found = try issues("unknown-key")
        let typo = try #require(found.first { $0.field == "machine_shop.technicans" })
        #expect(typo.line == 6)
        #expect(typo.column == 3)
        #expect(typo.expected.contains("did you mean 'technicians'?"))
        // The real key is then missing, and that is reported too (all errors at once).
        #expect(found.contains { $0.field == "machine_shop.technicians" && $0.value == nil })
    }

    @Test func wrongTypesNameTheValueAndTheUnit() throws {
        let found = try issues("wrong-types")
        let horizon = try #require(found.first { $0.field == "horizon_hours" })
        #expect(horizon.value == "a year")
        #expect(horizon.line == 3)
        #expect(horizon.expected.contains("hours"))
        #expect(found.contains { $0.field == "machine_shop.machines" && $0.value == "2.5" })
    }

    @Test func impossibleValuesAreAllReported() throws {
        let found = try issues("impossible-values")
        #expect(Set(found.map(\.field)) == ["horizon_hours", "recording.interval_minutes", "machine_shop.machines",
                                             "machine_shop.repair_time_hours"])
        let repair = try #require(found.first { $0.field == "machine_shop.repair_time_hours" })
        #expect(repair.expected.contains("sd"))
        #expect(repair.line == 9)
    }

    @Test func missingFieldsPointAtTheirSection() throws {
        let found = try issues("missing-fields")
        #expect(found.map(\.field).sorted() == ["horizon_hours", "id", "machine_shop.machines"])
        #expect(found.allSatisfy { $0.value == nil })
    }

    @Test func channelNamesAreCheckedOneByOne() throws {
        let found = try issues("bad-channels")
        #expect(found.count == 2)
        #expect(found[0].field == "recording.channels")
        #expect(found[0].value == "machines_dwn")
        #expect(found[0].expected.contains("did you mean 'machines_down'?"))
        #expect(found[1].value == "machines_down")
        #expect(found[1].expected == "each name once")
        #expect(found.allSatisfy { $0.line == 5 })
    }

    @Test func unsupportedSchemaVersion() throws {
        let found = try issues("wrong-schema")
        #expect(found.first?.field == "schema")
        #expect(found.first?.expected.contains("twinlab/scenario@1") == true)
    }

    @Test func malformedYAMLAndMissingFiles() throws {
        let malformed = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: try fixture("malformed")) }
        #expect(malformed?.code == .malformed)
        #expect(malformed?.description.contains("malformed.yaml") == true)
        let missing = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: "/nonexistent/x.yaml") }
        #expect(missing?.code == .fileNotFound)
    }

    @Test func shippedScenariosAreValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty)
        for file in files { _ = try ScenarioLoader.load(path: root.appendingPathComponent(file).path) }
    }
}
