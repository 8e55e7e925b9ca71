import Foundation
import Testing
import Scenario
import TwinModels

/// `facility.machines`: defaults per served device, and every mistake reported with its line.
@Suite("Room machine scenarios")
struct RoomMachinesScenarioTests {
    static func text(_ machines: String, technicians: String = "") -> String {
        """
        schema: twinlab/scenario@1
        id: machines
        horizon_hours: 24
        facility:
          rooms:
            - {id: flower-1, floor_area_m2: 60, canopy_area_m2: 50, hvac: {dehumidifier_l_per_day: 0}}
        \(technicians)
          machines:
        \(machines)
        """
    }

    @Test("a machine takes its kind from the device it serves; pumps get a default root zone")
    func defaults() throws {
        let scenario = try ScenarioLoader.parse(Self.text("""
                - {id: comp, room: flower-1, serves: cooling}
                - {id: pump, room: flower-1, serves: irrigation, preset: worn_bearings, cooling_factor: 0.5}
            """, technicians: "  machine_technicians: 2"), file: "m.yaml")
        guard case .facility(let facility) = scenario.model else { Issue.record("not a facility"); return }
        #expect(facility.machines.map(\.kind) == [.compressor, .pump])
        #expect(facility.machines[0].irrigation == nil)
        #expect(facility.machines[1].irrigation == IrrigationSpec())
        #expect(facility.machines[1].resolvedInitialBearingWear == 0.6)
        #expect(facility.machines[1].resolvedBearingWearMultiplier == 2)
        #expect(facility.machines[1].resolvedCoolingFactor == 0.5)
        #expect(facility.machineTechnicians == 2)
        #expect(facility.machines[0].repairTime == .lognormal(mean: 8, sd: 4))
    }

    @Test("no machines section: no machines, no technician pool")
    func absent() throws {
        let scenario = try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: plain
            horizon_hours: 24
            facility:
              rooms: [{id: r, floor_area_m2: 10}]
            """, file: "plain.yaml")
        guard case .facility(let facility) = scenario.model else { Issue.record("not a facility"); return }
        #expect(facility.machines.isEmpty && facility.machineTechnicians == nil)
    }

    @Test("bad machines: unknown kind, dangling room, negative TAW, missing device, misplaced irrigation, duplicates")
    func mistakes() throws {
        let text = Self.text("""
                - {id: comp, room: flower-1, serves: cooling, kind: turbine}
                - {id: fan, room: flower-2, serves: fans}
                - {id: pump, room: flower-1, serves: irrigation, irrigation: {total_available_water_mm: -5}}
                - {id: dehum, room: flower-1, serves: dehumidifier}
                - {id: comp, room: flower-1, serves: fans, irrigation: {interval_hours: 4}}
                - {id: pump2, room: flower-1, serves: irrigation, repair_time_hours: {kind: lognormal, mean: -1, sd: 1}}
            """)
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(text, file: "m.yaml") }
        let issues = error?.issues ?? []
        func issue(_ field: String) -> ScenarioIssue? { issues.first { $0.field == field } }
        let kind = try #require(issue("facility.machines[0].kind"))
        #expect(kind.value == "turbine" && kind.expected.contains("compressor"))
        #expect(kind.line == 9 && kind.file == "m.yaml")
        let room = try #require(issue("facility.machines[1].room"))
        #expect(room.expected.contains("did you mean 'flower-1'"))
        #expect(room.line == 10)
        let taw = try #require(issue("facility.machines[2].irrigation.total_available_water_mm"))
        #expect(taw.value == "-5" && taw.line == 11)
        #expect(issue("facility.machines[3].serves")?.expected.contains("dehumidifier_l_per_day") == true)
        #expect(issue("facility.machines[4].id")?.expected.contains("'comp' is taken") == true)
        #expect(issue("facility.machines[4].irrigation")?.expected.contains("only irrigation pumps") == true)
        #expect(issue("facility.machines[5].serves")?.expected.contains("one machine per room and device") == true)
        #expect(issue("facility.machines[5].repair_time_hours") != nil)
        #expect(issues.count == 8, "\(issues.map(\.field))")
    }

    @Test("a typo'd machine key gets a did-you-mean")
    func typo() throws {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse(Self.text("    - {id: c, room: flower-1, serves: cooling, bearing_wear_multipler: 3}"),
                                     file: "m.yaml")
        }
        #expect(error?.issues.first?.expected.contains("did you mean 'bearing_wear_multiplier'") == true)
    }

    @Test("the JSON Schema lists the machine fields")
    func schema() throws {
        let json = try JSONSerialization.jsonObject(with: Data(ScenarioLoader.jsonSchema().utf8)) as? [String: Any]
        let facility = (json?["properties"] as? [String: Any])?["facility"] as? [String: Any]
        let properties = facility?["properties"] as? [String: Any]
        #expect(properties?["machine_technicians"] != nil)
        let machines = properties?["machines"] as? [String: Any]
        let fields = (machines?["items"] as? [String: Any])?["properties"] as? [String: Any]
        #expect(fields?["serves"] != nil && fields?["repair_time_hours"] != nil && fields?["irrigation"] != nil)
    }
}
