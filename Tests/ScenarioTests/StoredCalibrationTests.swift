import Foundation
import Testing
import Scenario

/// A scenario keeps the calibration sets it resolved, and resolves against stored sets alone.
@Suite("Stored calibration")
struct StoredCalibrationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ room: String) -> String {
        ["schema: twinlab/scenario@1", "id: calibrated", "horizon_hours: 24", "facility:", "  rooms:",
         "    - {id: r, floor_area_m2: 100, \(room)}"].joined(separator: "\n")
    }

    static func room(_ scenario: Scenario) -> RoomSpec? {
        guard case .facility(let facility) = scenario.model else { return nil }
        return facility.rooms.first
    }

    @Test("only the sets a scenario looked names up in are kept, whole, with their SHA-256")
    func keepsTheSetsItUsed() throws {
        let file = Self.repository.appendingPathComponent("scenarios/calibrated.yaml").path
        let both = try ScenarioLoader.parse(
            Self.text("lighting: {fixture: led-2.8}, crop: {kind: cannabis, cultivar: fast-indica}"), file: file)
        // In the order the loader needed them: a room's crop is read before its lighting.
        #expect(both.calibration.map(\.file) == ["cultivars.yaml", "fixtures.yaml"])
        let cultivars = Self.repository.appendingPathComponent("calibration/cultivars.yaml").path
        let set = try #require(both.calibration.first)
        #expect(set.text == (try String(contentsOfFile: cultivars, encoding: .utf8)))
        #expect(set.sha256 == SHA256Hash.hex(set.text) && set.name == "cultivars")
        #expect(set.sourcePath == cultivars)
        let plain = try ScenarioLoader.parse(Self.text("crop: {kind: lettuce}"), file: file)
        #expect(plain.calibration.isEmpty)
        // Without calibration the content hash is the file's own SHA-256; with it, it moves.
        #expect(plain.contentHash == SHA256Hash.hex(plain.sourceText))
        #expect(both.contentHash != SHA256Hash.hex(both.sourceText))
    }

    @Test("stored sets are used instead of any folder; an edited stored set changes the values and the hash")
    func storedSetsWin() throws {
        let text = Self.text("crop: {kind: cannabis, cultivar: fast-indica}")
        let loaded = try ScenarioLoader.parse(text, file: Self.repository.appendingPathComponent("scenarios/x.yaml").path)
        // A file name whose folder holds no calibration at all.
        let nowhere = "/nonexistent/run.h5:/scenario_text"
        let rebuilt = try ScenarioLoader.parse(text, file: nowhere, storedCalibration: loaded.calibration)
        #expect(rebuilt == loaded)
        #expect(rebuilt.contentHash == loaded.contentHash)

        var edited = try #require(loaded.calibration.first)
        edited = CalibrationSet(file: edited.file, sourcePath: edited.sourcePath,
                                text: edited.text.replacingOccurrences(of: "pce_g_per_mol: 0.23", with: "pce_g_per_mol: 0.2"))
        let changed = try ScenarioLoader.parse(text, file: nowhere, storedCalibration: [edited])
        #expect(Self.room(changed)?.crop.photonConversionEfficiency == 0.2)
        #expect(changed.contentHash != loaded.contentHash)

        let missing = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse(Self.text("lighting: {fixture: led-2.8}"), file: nowhere,
                                     storedCalibration: loaded.calibration)
        }
        #expect(missing?.issues.first?.expected.contains("stores no calibration set 'fixtures.yaml'") == true)
    }
}
