import Testing
import Control
import Scenario

/// The `fleet.agent: llm` choice and its `fleet.llm` section.
@Suite("Fleet LLM agent keys")
struct FleetLLMScenarioTests {
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

    @Test("a full section: every key read, the cassette resolved against the scenario's folder")
    func full() throws {
        let extra = """
              agent: llm
              llm:
                endpoint: https://llm.example.com/v1/chat/completions
                model: qwen2.5:7b
                api_key_env: LLM_KEY
                timeout_s: 12
                retries: 4
                backoff_s: 0.25
                breaker_failures: 5
                breaker_cooldown: 20
                mode: record
                cassette: cassettes/f.json
            """
        let scenario = try ScenarioLoader.parse(Self.text(extra), file: "/data/scenarios/f.yaml")
        guard case .fleet(let fleet) = scenario.model, let llm = fleet.llm else { Issue.record("no llm"); return }
        #expect(fleet.agent == .llm)
        #expect(llm.endpoint == "https://llm.example.com/v1/chat/completions")
        #expect(llm.apiKeyEnvironmentVariable == "LLM_KEY")
        #expect(llm.cassettePath == "/data/scenarios/cassettes/f.json")
        #expect(llm.configuration == LLMAgentConfiguration(model: "qwen2.5:7b", timeoutSeconds: 12, retries: 4,
                                                           backoffSeconds: 0.25, breakerFailures: 5,
                                                           breakerCooldown: 20, mode: .record))
    }

    @Test("defaults: live, 30 s, 2 retries from 0.5 s, breaker 3 / 10, no key, no cassette")
    func defaults() throws {
        let extra = """
              agent: llm
              llm: {endpoint: "http://127.0.0.1:8080/v1/chat/completions", model: m}
            """
        let scenario = try ScenarioLoader.parse(Self.text(extra), file: "f.yaml")
        guard case .fleet(let fleet) = scenario.model, let llm = fleet.llm else { Issue.record("no llm"); return }
        #expect(llm.configuration == LLMAgentConfiguration(model: "m"))
        #expect(llm.configuration.mode == .live && llm.apiKeyEnvironmentVariable == nil && llm.cassettePath == nil)
    }

    @Test("mistakes are reported together, each at its field", arguments: [
        ("agent: llm", "fleet.agent"),
        ("agent: expert\n  llm: {endpoint: \"http://h/v1\", model: m}", "fleet.llm"),
        ("agent: llm\n  llm: {endpoint: \"ftp://h/v1\", model: m}", "fleet.llm.endpoint"),
        ("agent: llm\n  llm: {endpoint: \"not a url\", model: m}", "fleet.llm.endpoint"),
        ("agent: llm\n  llm: {endpoint: \"http://h/v1\"}", "fleet.llm.model"),
        ("agent: llm\n  llm: {endpoint: \"http://h/v1\", model: m, api_key_env: \"sk-abc123!\"}", "fleet.llm.api_key_env"),
        ("agent: llm\n  llm: {endpoint: \"http://h/v1\", model: m, mode: record}", "fleet.llm.mode"),
        ("agent: llm\n  llm: {endpoint: \"http://h/v1\", model: m, mode: replay}", "fleet.llm.mode"),
        ("agent: llm\n  llm: {endpoint: \"http://h/v1\", model: m, mode: playback, cassette: c.json}", "fleet.llm.mode"),
        ("agent: llm\n  llm: {endpoint: \"http://h/v1\", model: m, timeout_s: 0}", "fleet.llm.timeout_s"),
        ("agent: llm\n  llm: {endpoint: \"http://h/v1\", model: m, retries: 11}", "fleet.llm.retries"),
        ("agent: llm\n  llm: {endpoint: \"http://h/v1\", model: m, breaker_failures: 0}", "fleet.llm.breaker_failures"),
        ("agent: llm\n  llm: {endpoint: \"http://h/v1\", model: m, breaker_cooldwn: 3}", "fleet.llm.breaker_cooldwn"),
    ])
    func mistakes(extra: String, field: String) {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse(Self.text("  " + extra), file: "f.yaml")
        }
        let issues = error?.issues ?? []
        #expect(issues.contains { $0.field == field && $0.line != nil }, "\(issues.map(\.field))")
    }

    @Test("a misspelt key gets a did-you-mean")
    func suggestion() {
        let extra = "  agent: llm\n  llm: {endpoint: \"http://h/v1\", model: m, breaker_cooldwn: 3}"
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(Self.text(extra), file: "f.yaml") }
        #expect(error?.issues.first?.expected.contains("did you mean 'breaker_cooldown'") == true)
    }
}
