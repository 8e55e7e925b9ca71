import Foundation
import Testing
import Scenario
import Control

/// The `facility` section: defaults a grower need not set, and every kind of mistake reported at once.
@Suite("Facility scenarios")
struct FacilityScenarioTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("every shipped scenario loads", arguments: ["flower-room", "veg-room", "lettuce-vertical-farm", "whole-facility"])
    func shippedScenariosLoad(_ name: String) throws {
        let scenario = try ScenarioLoader.load(path: Self.repository.appendingPathComponent("scenarios/\(name).yaml").path)
        guard case .facility(let facility) = scenario.model else { Issue.record("not a facility"); return }
        #expect(!facility.rooms.isEmpty)
        #expect(scenario.sourceText.hasPrefix("# What question does this answer?"))
    }

    @Test("equipment left out is sized from the lamp load")
    func defaultsAreSized() throws {
        let scenario = try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: sized
            horizon_hours: 24
            facility:
              rooms:
                - {id: r, floor_area_m2: 100, canopy_area_m2: 80, lighting: {efficacy_umol_per_j: 2.5, max_ppfd_umol_m2_s: 1000}}
            """, file: "sized.yaml")
        guard case .facility(let facility) = scenario.model else { Issue.record("not a facility"); return }
        let room = try #require(facility.rooms.first)
        let lampKW = 80 * 1000 / 2.5 / 1000
        #expect(abs(room.hvac.coolingKW - (1.25 * lampKW + 2)) < 1e-9)
        #expect(room.hvac.dehumidifierLitresPerDay == 240)
        #expect(room.crop.kind == .cannabis && room.crop.startStage == "flowering")
        #expect(facility.physicsStepSeconds == 60 && facility.controlPeriodSeconds == 60)
        #expect(facility.tariff.pricing == .flat(pricePerKWh: 0.15))
    }

    @Test("all mistakes at once: missing file, impossible values, typos, duplicates, dangling references")
    func everyMistakeReported() throws {
        let path = try #require(Bundle.module.path(forResource: "facility-errors", ofType: "yaml", inDirectory: "Fixtures"))
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        let issues = error?.issues ?? []
        func issue(_ field: String) -> ScenarioIssue? { issues.first { $0.field == field } }
        #expect(issue("facility.weather.file")?.expected.contains("existing") == true)
        #expect(issue("facility.weather.file")?.line == 5)
        #expect(issue("facility.tariff.seasons") != nil)
        #expect(issue("facility.rooms[0].lighting.ppfd_umol_m2_s")?.expected.contains("900") == true)
        #expect(issue("facility.rooms[0].initial_relative_humidity_pct")?.value == "120")
        #expect(issue("facility.rooms[0].hvac.cooling_kw") != nil)
        #expect(issue("facility.rooms[0].hvac.dehumidifer_l_per_day")?.expected.contains("did you mean 'dehumidifier_l_per_day'") == true)
        #expect(issue("facility.rooms[1].id")?.expected.contains("not used by another room") == true)
        #expect(issue("facility.rooms[1].crop.start_stage")?.expected.contains("growing") == true)
        let dangling = try #require(issue("facility.faults[0].room"))
        #expect(dangling.expected.contains("did you mean 'flower-1'"))
        #expect(dangling.line == 18)
        #expect(issue("facility.faults[1].device")?.value == "boiler")
        #expect(issues.count == 10)
    }

    @Test("a scenario needs exactly one model section")
    func oneModel() {
        for body in ["", "machine_shop: {machines: 2, technicians: 1}\nfacility: {rooms: [{id: a, floor_area_m2: 10}]}"] {
            let error = #expect(throws: ScenarioError.self) {
                try ScenarioLoader.parse("schema: twinlab/scenario@1\nid: x\nhorizon_hours: 1\n" + body, file: "x.yaml")
            }
            #expect(error?.issues.contains { $0.expected.contains("model section") || $0.expected.contains("one model section") } == true)
        }
    }

    @Test("the JSON Schema describes rooms as a list of objects with units")
    func schemaHasRooms() throws {
        let json = try JSONSerialization.jsonObject(with: Data(ScenarioLoader.jsonSchema().utf8)) as? [String: Any]
        let facility = (json?["properties"] as? [String: Any])?["facility"] as? [String: Any]
        let rooms = (facility?["properties"] as? [String: Any])?["rooms"] as? [String: Any]
        #expect(rooms?["type"] as? String == "array")
        let room = (rooms?["items"] as? [String: Any])?["properties"] as? [String: Any]
        #expect(room?["floor_area_m2"] != nil && room?["crop"] != nil)
    }
}

extension FacilityScenarioTests {
    static func facility(_ extra: String) throws -> FacilitySpec? {
        let text = "schema: twinlab/scenario@1\nid: r\nhorizon_hours: 1\nfacility:\n  rooms: [{id: a, floor_area_m2: 10}]\n" + extra
        guard case .facility(let spec) = try ScenarioLoader.parse(text, file: "r.yaml").model else { return nil }
        return spec
    }

    @Test("the grow-room rules ship by default; scenarios add their own or replace them")
    func facilityRules() throws {
        #expect(try Self.facility("")?.rules.map(\.id) == RuleSet.growRoom.rules.map(\.id))
        #expect(try Self.facility("  default_rules: false\n")?.rules.isEmpty == true)
        let added = try Self.facility("  rules: [{id: dry, signal: vpd_air, above: 1.8}]\n")
        #expect(added?.rules.last?.id == "dry" && added?.rules.count == RuleSet.growRoom.rules.count + 1)
        let error = #expect(throws: ScenarioError.self) {
            try Self.facility("  rules: [{id: t, signal: air_temprature, above: 30}]\n")
        }
        #expect(error?.issues.first?.expected.contains("did you mean 'air_temperature'") == true)
    }
}
