import Foundation
import Testing
import Scenario
@testable import Lab

/// Energy opportunities of machine fleets: thermal stress where frames run hot, none where not.
@Suite("Fleet energy opportunities", .serialized)
struct FleetOpportunityTests {
    static func kpis(_ name: String, hours: Double) throws -> [String: Double] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/\(name).yaml").path
        let scenario = try ScenarioLoader.load(path: path)
        return Dictionary(uniqueKeysWithValues: try RunPipeline.simulate(scenario, horizonHours: hours).kpis.map {
            ($0.name, $0.value) })
    }

    @Test("fleet-overheated shows a thermal-stress opportunity; fleet-normal shows none")
    func thermalStress() throws {
        let hot = try Self.kpis("fleet-overheated", hours: 240)
        let normal = try Self.kpis("fleet-normal", hours: 240)
        #expect(hot["opportunity_thermal_stress"]! > 0)
        #expect(normal["opportunity_thermal_stress"]! == 0)
        // Both run at 0.7 × rated: above the 40 % oversizing threshold.
        #expect(hot["opportunity_oversizing"]! == 0 && normal["opportunity_oversizing"]! == 0)
    }

    @Test("a machine loaded at 30 % is oversized and its saving is a share of its own energy")
    func oversizing() throws {
        let text = """
            schema: twinlab/scenario@1
            id: light-load
            seed: 3
            horizon_hours: 48
            fleet:
              machines:
                - {id_prefix: pump, kind: pump, count: 2, load: 0.3}
              technicians: {count: 1}
              energy_price_per_kwh: 0.2
            """
        let scenario = try ScenarioLoader.parse(text, file: "light.yaml")
        let k = Dictionary(uniqueKeysWithValues: try RunPipeline.simulate(scenario).kpis.map { ($0.name, $0.value) })
        let saving = k["opportunity_oversizing"]!
        let annualCost = k["energy_total"]! * 0.2 * 8760 / 48
        #expect(saving > 0 && saving < 0.2 * annualCost)
    }
}
