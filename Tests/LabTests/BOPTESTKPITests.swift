import Foundation
import Testing
import Scenario
import Recording
@testable import Lab

/// The BOPTEST-style KPIs added to facility runs: emissions, light-phase discomfort, actuator
/// travel, g/kWh, and the wall-clock time ratio kept out of the run file.
@Suite("BOPTEST KPIs", .serialized)
struct BOPTESTKPITests {
    static let text = FacilityRunTests.text.replacingOccurrences(
        of: "tariff: {kind: flat, price_per_kwh: 0.2, demand_charge_per_kw: 10}",
        with: "tariff: {kind: flat, price_per_kwh: 0.2, demand_charge_per_kw: 10, emission_factor_kg_per_kwh: 0.5}")

    @Test("emissions are energy × the tariff's factor; lit + dark discomfort is the total; travel sums the rooms")
    func kpisAreConsistent() throws {
        let dir = NSTemporaryDirectory() + "twinlab-boptest-\(UUID().uuidString)"
        let summary = try RunPipeline.execute(RunRequest(scenario: try ScenarioLoader.parse(Self.text, file: "b.yaml"),
                                                         outputDirectory: dir))
        let k = Dictionary(uniqueKeysWithValues: summary.kpis.map { ($0.name, $0.value) })
        #expect(abs(k["emissions"]! - 0.5 * k["energy_total"]!) < 1e-9 * k["energy_total"]!)
        let split = k["temperature_discomfort_lit"]! + k["temperature_discomfort_dark"]!
        #expect(abs(split - k["temperature_discomfort"]!) < 1e-6 * max(1, split))
        // The cooling failure heats room a with the lights on.
        #expect(k["temperature_discomfort_lit"]! > 0)
        let file = try HDF5File.open(at: summary.outputPath)
        let travel = try file.readTable("actuators/travel")
        let actuators = try file.openDataset("actuators/travel").stringArrayAttribute("actuators")
        for (a, name) in actuators.enumerated() {
            let rooms = (0..<travel.rowCount).filter { Int(travel[$0, 1]) == a }.reduce(0.0) { $0 + travel[$1, 2] }
            #expect(abs(rooms - k["actuator_travel_\(name)"]!) < 1e-9 * max(1, rooms))
        }
        // Lights switch on and off once a day in each room: about two strokes a day.
        #expect(k["actuator_travel_lighting"]! >= 2 * 2 * 2)
        // Wall clock: in the summary, never in the (byte-identical) file.
        #expect(k["time_ratio"]! > 0)
        let stored = try file.openGroup("kpis").attributeNames()
        #expect(stored.contains("emissions") && !stored.contains("time_ratio"))
    }

    @Test("a negative emission factor is rejected with its field named")
    func badEmissionFactor() throws {
        let bad = Self.text.replacingOccurrences(of: "emission_factor_kg_per_kwh: 0.5", with: "emission_factor_kg_per_kwh: -1")
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(bad, file: "b.yaml") }
        #expect(error?.issues.contains { $0.field.hasSuffix("emission_factor_kg_per_kwh") } == true)
    }
}
