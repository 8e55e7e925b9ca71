import Foundation
import Testing
import Scenario

/// Scenarios name fixtures and cultivars from calibration/; the sets' values become defaults.
@Suite("Calibration sets")
struct CalibrationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func room(_ roomYAML: String, file: String = "scenarios/calibrated.yaml") throws -> Scenario {
        let text = [
            "schema: twinlab/scenario@1", "id: calibrated", "horizon_hours: 24", "facility:", "  rooms:",
            "    - {id: r, floor_area_m2: 100, \(roomYAML)}",
        ].joined(separator: "\n")
        return try ScenarioLoader.parse(text, file: repository.appendingPathComponent(file).path)
    }

    @Test("fixtures and cultivars come from calibration/ by name; explicit keys still win")
    func calibrationSets() throws {
        let scenario = try Self.room(
            "lighting: {fixture: hps-de-1.7}, crop: {kind: cannabis, cultivar: long-sativa, flowering_days: 65}")
        guard case .facility(let facility) = scenario.model, let room = facility.rooms.first else {
            Issue.record("not a facility")
            return
        }
        #expect(room.lighting.lamp == .hps && room.lighting.efficacy == 1.7)
        #expect(room.crop.photonConversionEfficiency == 0.27 && room.crop.cultivar == "long-sativa")
        #expect(room.crop.stageDays["flowering"] == 65 && room.crop.stageDays["vegetative"] == 21)
        #expect(room.crop.optimumTemperature == 27)
    }

    @Test("every entry of the shipped sets loads")
    func shippedSetsLoad() throws {
        for fixture in ["led-2.5", "led-2.8", "led-3.0-greenlight", "hps-de-1.7", "hps-1.8-greenlight", "hps-mogul-1.0"] {
            _ = try Self.room("lighting: {fixture: \(fixture)}")
        }
        for cultivar in ["generic-hybrid", "fast-indica", "long-sativa"] {
            _ = try Self.room("crop: {kind: cannabis, cultivar: \(cultivar)}")
        }
    }

    @Test("an unknown calibration name gets a did-you-mean; a missing calibration folder is named")
    func calibrationErrors() throws {
        let typo = #expect(throws: ScenarioError.self) { try Self.room("lighting: {fixture: led-2.88}") }
        let issue = try #require(typo?.issues.first { $0.field == "facility.rooms[0].lighting.fixture" })
        #expect(issue.expected.contains("did you mean 'led-2.8'"))
        let missing = #expect(throws: ScenarioError.self) {
            try Self.room("lighting: {fixture: led-2.8}", file: "elsewhere/deeper/x.yaml")
        }
        #expect(missing?.issues.first?.expected.contains("not found") == true)
    }
}
