import Foundation
import Control

/// Reading of the `fleet.llm` section (docs/scenario-format.md, docs/agents.md).
extension ScenarioLoader {
    static func readLLM(_ reader: FieldReader) -> LLMAgentSpec {
        let endpoint = reader.string("endpoint")
        if reader.schema == nil, !endpoint.isEmpty {
            let url = URL(string: endpoint)
            if url?.host == nil || !["http", "https"].contains(url?.scheme?.lowercased() ?? "") {
                reader.report("endpoint", expected: "an http:// or https:// URL such as "
                              + "http://127.0.0.1:8080/v1/chat/completions")
            }
        }
        let model = reader.string("model")
        let keyVariable = reader.optionalString("api_key_env",
                                                description: "name of the environment variable holding the API key")
        if reader.schema == nil, let keyVariable,
           keyVariable.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) == nil {
            reader.report("api_key_env", expected: "the NAME of an environment variable (letters, digits, '_'), "
                          + "never the key itself")
        }
        let timeout = reader.double("timeout_s", default: 30, in: 0.1...600, unit: "seconds")
        let retries = reader.int("retries", default: 2, in: 0...10)
        let backoff = reader.double("backoff_s", default: 0.5, in: 0...60, unit: "seconds")
        let failures = reader.int("breaker_failures", default: 3, in: 1...1_000)
        let cooldown = reader.int("breaker_cooldown", default: 10, in: 1...100_000)
        let modeName = reader.string("mode", default: "live", allowed: LLMAgentConfiguration.Mode.allCases.map(\.rawValue))
        let mode = LLMAgentConfiguration.Mode(rawValue: modeName) ?? .live
        let cassette = reader.filePath("cassette", description: "record/replay cassette (JSON), relative to the scenario")
        // A missing replay cassette is reported when the run starts, not here: the usual workflow
        // keeps `mode: replay` in the file and records with `twinlab run --llm-mode record`.
        if reader.schema == nil, mode != .live, cassette == nil {
            reader.report("mode", expected: "a 'cassette' file next to mode: \(modeName)")
        }
        reader.finish()
        let configuration = LLMAgentConfiguration(model: model, timeoutSeconds: timeout, retries: retries,
                                                  backoffSeconds: backoff, breakerFailures: failures,
                                                  breakerCooldown: cooldown, mode: mode)
        return LLMAgentSpec(endpoint: endpoint, configuration: configuration, apiKeyEnvironmentVariable: keyVariable,
                            cassettePath: cassette)
    }
}
