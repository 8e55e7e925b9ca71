import Testing
import Control
import Scenario
@testable import Lab

/// Which agent a fleet scenario gets, and the LLM agent's start-up errors.
@Suite("Fleet agent factory")
struct FleetAgentFactoryTests {
    static func spec(_ llm: String) throws -> FleetSpec {
        let text = """
            schema: twinlab/scenario@1
            id: f
            horizon_hours: 1
            fleet:
              machines: [{id_prefix: p, kind: pump}]
              technicians: {count: 1}
              agent: llm
              llm: {\(llm)}
            """
        guard case .fleet(let spec) = try ScenarioLoader.parse(text, file: "/tmp/f.yaml").model else {
            throw RunError(code: .input, message: "not a fleet")
        }
        return spec
    }

    @Test("expert, none and llm")
    func choices() throws {
        var spec = try Self.spec(#"endpoint: "http://127.0.0.1:1/v1", model: m"#)
        #expect(try FleetAgentFactory.agent(for: spec, environment: [:])?.name == "llm:m")
        spec.agent = .expert
        #expect(try FleetAgentFactory.agent(for: spec, environment: [:])?.name == "expert-policy")
        spec.agent = .none
        #expect(try FleetAgentFactory.agent(for: spec, environment: [:]) == nil)
    }

    @Test("an unset API-key variable fails the run and names the variable, not a key")
    func unsetKey() throws {
        let spec = try Self.spec(#"endpoint: "http://127.0.0.1:1/v1", model: m, api_key_env: TWINLAB_TEST_KEY"#)
        #expect {
            try FleetAgentFactory.agent(for: spec, environment: ["OTHER": "x"])
        } throws: { error in
            (error as? RunError)?.code == .input && "\(error)".contains("TWINLAB_TEST_KEY")
        }
        #expect(try FleetAgentFactory.agent(for: spec, environment: ["TWINLAB_TEST_KEY": "k"]) != nil)
    }

    @Test("replay needs no endpoint key but a readable cassette")
    func replayCassette() throws {
        let spec = try Self.spec(#"endpoint: "http://127.0.0.1:1/v1", model: m, mode: replay, cassette: nope.json, api_key_env: UNSET_KEY"#)
        #expect {
            try FleetAgentFactory.agent(for: spec, environment: [:])
        } throws: { error in
            "\(error)".contains("/tmp/nope.json") && "\(error)".contains("record it first")
        }
    }
}
