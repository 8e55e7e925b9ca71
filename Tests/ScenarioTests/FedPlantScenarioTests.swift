import Foundation
import Testing
import Scenario

/// A `processing` section beside `facility`: the plant the facility's harvests feed.
@Suite("Facility-fed processing scenarios")
struct FedPlantScenarioTests {
    static func text(arrivals: String) -> String {
        """
        schema: twinlab/scenario@1
        id: fed
        horizon_hours: 48
        facility:
          rooms:
            - {id: flower, floor_area_m2: 60, canopy_area_m2: 50}
        processing:
          arrivals: \(arrivals)
          drying: {min_days: 1}
        """
    }

    @Test("facility + processing load as one facility model that carries the plant")
    func loadsTogether() throws {
        let scenario = try ScenarioLoader.parse(Self.text(arrivals: "{harvest_moisture_pct: 75, cultivars: [{name: x}]}"),
                                                file: "fed.yaml")
        guard case .facility(let facility) = scenario.model else { Issue.record("not a facility"); return }
        let plant = try #require(facility.processing)
        #expect(plant.arrivals.harvestMoisturePercent == 75)
        #expect(plant.drying.minimumDays == 1)
        #expect(scenario.model.channels == FacilitySpec.roomChannels)
    }

    @Test("a facility alone has no plant")
    func facilityAlone() throws {
        let scenario = try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: alone
            horizon_hours: 48
            facility: {rooms: [{id: flower, floor_area_m2: 60, canopy_area_m2: 50}]}
            """, file: "alone.yaml")
        guard case .facility(let facility) = scenario.model else { Issue.record("not a facility"); return }
        #expect(facility.processing == nil)
    }

    @Test("an arrival generator in a fed plant is an error at its line", arguments: [
        "{interval_hours: 6}", "{times_hours: [1, 2]}", "{wet_weight_kg: 30}",
    ])
    func generatorRefused(_ arrivals: String) throws {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse(Self.text(arrivals: arrivals), file: "fed.yaml")
        }
        let key = String(arrivals.dropFirst().prefix { $0 != ":" })
        let issue = error?.issues.first { $0.field == "processing.arrivals.\(key)" }
        #expect(issue?.line == 8)
        #expect(issue?.file == "fed.yaml")
        #expect(issue?.expected.contains("fed by the facility") == true)
    }

    @Test("processing still cannot join the fleet or the machine shop")
    func otherPairsRefused() throws {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse("""
                schema: twinlab/scenario@1
                id: both
                horizon_hours: 24
                facility: {rooms: [{id: flower, floor_area_m2: 60, canopy_area_m2: 50}]}
                machine_shop: {machines: 2, technicians: 1}
                processing: {}
                """, file: "both.yaml")
        }
        #expect(error?.issues.contains { $0.expected.contains("one model section") } == true)
    }
}
