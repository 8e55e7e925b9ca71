import Foundation
import Testing
import Scenario

/// The `facility.agent` key: who answers the rooms' raised alerts.
@Suite("Facility agent key")
struct FacilityAgentScenarioTests {
    static func parse(_ agent: String?) throws -> Scenario {
        try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: agent
            horizon_hours: 24
            facility:
              \(agent.map { "agent: \($0)" } ?? "start_year: 2025")
              rooms: [{id: flower, floor_area_m2: 60}]
            """, file: "agent.yaml")
    }

    @Test("default none keeps existing runs unchanged; expert is read")
    func values() throws {
        guard case .facility(let plain) = try Self.parse(nil).model,
              case .facility(let expert) = try Self.parse("expert").model else {
            Issue.record("not a facility"); return
        }
        #expect(plain.agent == .none)
        #expect(expert.agent == .expert)
    }

    @Test("an unknown agent is an error at its line with the choices")
    func unknown() throws {
        let error = #expect(throws: ScenarioError.self) { try Self.parse("expret") }
        let issue = error?.issues.first { $0.field == "facility.agent" }
        #expect(issue?.line == 5)
        #expect(issue?.expected.contains("expert") == true)
    }

    @Test("the JSON Schema lists the facility's agent key")
    func schema() throws {
        let json = try JSONSerialization.jsonObject(with: Data(ScenarioLoader.jsonSchema().utf8)) as? [String: Any]
        let facility = (json?["properties"] as? [String: Any])?["facility"] as? [String: Any]
        #expect((facility?["properties"] as? [String: Any])?["agent"] != nil)
    }
}
