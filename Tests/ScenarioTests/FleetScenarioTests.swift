import Foundation
import Testing
import TwinModels
import Scenario

/// The `fleet` section: shipped files, defaults, and every kind of mistake reported at once.
@Suite("Fleet scenarios")
struct FleetScenarioTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("every shipped fleet scenario loads with its preset",
          arguments: [("fleet-normal", MachineScenarioPreset.normal), ("fleet-heavy-load", .heavyLoad),
                      ("fleet-overheated", .overheated), ("fleet-worn-bearings", .wornBearings)])
    func shippedScenariosLoad(_ name: String, _ preset: MachineScenarioPreset) throws {
        let scenario = try ScenarioLoader.load(path: Self.repository.appendingPathComponent("scenarios/\(name).yaml").path)
        guard case .fleet(let fleet) = scenario.model else { Issue.record("not a fleet"); return }
        #expect(fleet.machineCount == 34)
        #expect(fleet.machines.allSatisfy { $0.preset == preset })
        #expect(scenario.sourceText.hasPrefix("# What question does this answer?"))
    }

    @Test("a minimal fleet gets documented defaults; overrides replace the preset's conditions")
    func defaults() throws {
        let scenario = try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: small-fleet
            horizon_hours: 24
            fleet:
              machines:
                - {id_prefix: p, kind: pump, count: 3}
                - {id_prefix: c, kind: compressor, preset: overheated, load: 0.9}
              technicians: {count: 1, shift: {start_hour: 22, hours: 10}}
            """, file: "small-fleet.yaml")
        guard case .fleet(let fleet) = scenario.model else { Issue.record("not a fleet"); return }
        #expect(fleet.machineCount == 4)
        #expect(fleet.sampleIntervalMinutes == 1)
        #expect(fleet.spareParts == .init(bearings: 5, restockDays: 14))
        #expect(fleet.approval == .init(probabilityRejected: 0.05, reviewHours: 2))
        #expect(fleet.repairTime == .lognormal(mean: 6, sd: 3))
        #expect(fleet.maintenance.preventive == .none && fleet.maintenance.conditionBasedHealthBelow == nil)
        let shift = try #require(fleet.technicians.shift)
        #expect(shift.days == Set(0...4))  // days: weekdays
        #expect(shift.startHour == 22 && shift.hours == 10 && shift.isWorking(atHours: 24 + 7))  // past midnight
        let everyDay = try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: all-week
            horizon_hours: 24
            fleet:
              machines: [{id_prefix: p, kind: pump, count: 1}]
              technicians: {count: 1, shift: {start_hour: 6, hours: 12, days: all}}
            """, file: "all-week.yaml")
        guard case .fleet(let allWeek) = everyDay.model else { Issue.record("not a fleet"); return }
        #expect(allWeek.technicians.shift?.days == Set(0...6))
        let conditions = try fleet.machines[1].conditions()
        #expect(conditions.load == 0.9 && conditions.coolingFactor == 0.2)
        #expect(fleet.machines[0].machineID(2) == "p-3")
    }

    @Test("all mistakes at once: bad kinds, ranges, duplicates, typos, conflicting intervals")
    func everyMistakeReported() throws {
        let path = try #require(Bundle.module.path(forResource: "fleet-errors", ofType: "yaml", inDirectory: "Fixtures"))
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        let issues = error?.issues ?? []
        func issue(_ field: String) -> ScenarioIssue? { issues.first { $0.field == field } }
        #expect(issue("fleet.machines[0].kind")?.expected.contains("did you mean 'pump'") == true)
        #expect(issue("fleet.machines[0].kind")?.line == 6)
        #expect(issue("fleet.machines[0].count")?.value == "0")
        #expect(issue("fleet.machines[1].id_prefix")?.expected.contains("not used by another group") == true)
        #expect(issue("fleet.machines[1].preset") != nil)
        #expect(issue("fleet.machines[1].ambient_temperature_c")?.value == "90")
        #expect(issue("fleet.machines[2].load") != nil)
        #expect(issue("fleet.machines[2].cooling_factr")?.expected.contains("did you mean 'cooling_factor'") == true)
        #expect(issue("fleet.technicians.shift.start_hour") != nil)
        #expect(issue("fleet.technicians.shift.days")?.value == "weekend")
        #expect(issue("fleet.maintenance.preventive_interval_calendar_days")?.expected.contains("not both") == true)
        #expect(issue("fleet.maintenance.condition_based_health_below") != nil)
        #expect(issue("fleet.spare_parts.bearings") != nil)
        #expect(issue("fleet.repair_time_hours") != nil)
        #expect(issue("fleet.approval.probability_rejected") != nil)
        #expect(issue("fleet.sample_interval_minutes") != nil)
        #expect(issues.count == 15)
    }

    @Test("fleet is one model section among three: not together with another")
    func oneModel() {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse("""
                schema: twinlab/scenario@1
                id: x
                horizon_hours: 1
                machine_shop: {machines: 2, technicians: 1}
                fleet: {machines: [{id_prefix: p, kind: pump}], technicians: {count: 1}}
                """, file: "x.yaml")
        }
        #expect(error?.issues.contains { $0.expected.contains("one model section") } == true)
    }

    @Test("recording channels of a fleet are the machine channels")
    func channels() throws {
        let text = """
            schema: twinlab/scenario@1
            id: x
            horizon_hours: 1
            recording: {channels: [health, rul, air_temperature]}
            fleet: {machines: [{id_prefix: p, kind: pump}], technicians: {count: 1}}
            """
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(text, file: "x.yaml") }
        #expect(error?.issues.map(\.field) == ["recording.channels"])
        #expect(error?.issues.first?.value == "air_temperature")
    }

    @Test("the JSON Schema describes the fleet section")
    func schema() throws {
        let json = try JSONSerialization.jsonObject(with: Data(ScenarioLoader.jsonSchema().utf8)) as? [String: Any]
        let fleet = (json?["properties"] as? [String: Any])?["fleet"] as? [String: Any]
        let properties = fleet?["properties"] as? [String: Any]
        #expect(properties?["machines"] != nil && properties?["technicians"] != nil && properties?["approval"] != nil)
    }
}
