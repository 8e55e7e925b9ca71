import Testing
import Control
import Scenario

/// The fleet's `default_rules`, `rules`, `agent` and `downtime_cost_per_hour` keys.
@Suite("Fleet rules and agent keys")
struct FleetRulesScenarioTests {
    static func text(_ extra: String) -> String {
        """
        schema: twinlab/scenario@1
        id: f
        horizon_hours: 24
        fleet:
          machines: [{id_prefix: p, kind: pump}]
          technicians: {count: 1}
        \(extra)
        """
    }

    @Test("defaults: the documents' rules, the expert agent, the ABB survey's 125,000 per hour")
    func defaults() throws {
        let scenario = try ScenarioLoader.parse(Self.text(""), file: "f.yaml")
        guard case .fleet(let fleet) = scenario.model else { Issue.record("not a fleet"); return }
        #expect(fleet.rules == RuleSet.documentDefaults.rules)
        #expect(fleet.agent == .expert && fleet.downtimeCostPerHour == 125_000)
    }

    @Test("own rules replace or extend the defaults; agent none")
    func custom() throws {
        let extra = """
              default_rules: false
              agent: none
              downtime_cost_per_hour: 250
              rules:
                - {id: hot, signal: temperature, above: 60, severity: WARNING}
            """
        let scenario = try ScenarioLoader.parse(Self.text(extra), file: "f.yaml")
        guard case .fleet(let fleet) = scenario.model else { Issue.record("not a fleet"); return }
        #expect(fleet.rules.map(\.id) == ["hot"])
        #expect(fleet.agent == .none && fleet.downtimeCostPerHour == 250)
    }

    @Test("wrong agent, unknown signal, a taken rule id and a negative cost are all reported")
    func mistakes() {
        let extra = """
              agent: oracle
              downtime_cost_per_hour: -1
              rules:
                - {id: temperature-warning, signal: temperature, above: 60, severity: WARNING}
                - {id: x, signal: humidity, above: 60, severity: WARNING}
            """
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(Self.text(extra), file: "f.yaml") }
        let fields = error?.issues.map(\.field) ?? []
        #expect(fields.contains("fleet.agent"))
        #expect(fields.contains("fleet.downtime_cost_per_hour"))
        #expect(fields.contains("fleet.rules"))
        #expect(fields.contains { $0.hasPrefix("fleet.rules") && $0.contains("signal") })
    }
}
