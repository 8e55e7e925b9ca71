import Testing
import Scenario

/// The prices of a fleet's maintenance: `technicians.cost_per_hour`,
/// `technicians.overtime_cost_per_hour` and `downtime_cost_per_hour`.
@Suite("Fleet cost keys")
struct FleetCostScenarioTests {
    /// The fleet section of a one-pump scenario with `technicians` and `extra` fleet keys.
    static func fleet(_ technicians: String, _ extra: String = "") throws -> FleetSpec? {
        let text = """
            schema: twinlab/scenario@1
            id: f
            horizon_hours: 24
            fleet:
              machines: [{id_prefix: p, kind: pump}]
              technicians: \(technicians)
            \(extra)
            """
        if case .fleet(let fleet) = try ScenarioLoader.parse(text, file: "f.yaml").model { return fleet }
        return nil
    }

    @Test("defaults: the BLS median wage, time and a half for overtime, the ABB survey's downtime cost")
    func defaults() throws {
        let fleet = try #require(try Self.fleet("{count: 2}"))
        #expect(fleet.technicians.costPerHour == 26.40)
        #expect(fleet.technicians.overtimeCostPerHour == 1.5 * 26.40)
        #expect(fleet.downtimeCostPerHour == 125_000)
    }

    @Test("a shift rate alone sets overtime at 1.5 times it; both rates and the downtime cost can be set")
    func overrides() throws {
        #expect(try Self.fleet("{count: 2, cost_per_hour: 40}")?.technicians.overtimeCostPerHour == 60)
        let fleet = try #require(try Self.fleet("{count: 2, cost_per_hour: 40, overtime_cost_per_hour: 80}",
                                                "  downtime_cost_per_hour: 5000"))
        #expect(fleet.technicians.costPerHour == 40 && fleet.technicians.overtimeCostPerHour == 80)
        #expect(fleet.downtimeCostPerHour == 5000)
    }

    @Test("negative or absurd rates are reported with their field")
    func mistakes() {
        let error = #expect(throws: ScenarioError.self) {
            try Self.fleet("{count: 2, cost_per_hour: -1, overtime_cost_per_hour: 1e9}")
        }
        let fields = error?.issues.map(\.field) ?? []
        #expect(fields.contains("fleet.technicians.cost_per_hour"))
        #expect(fields.contains("fleet.technicians.overtime_cost_per_hour"))
    }
}
