import Foundation
import Scenario
import Control

/// Builds the decision agent a fleet scenario names: the expert policy, nobody, or the LLM
/// agent over HTTP with its cassette.
enum FleetAgentFactory {
    static func agent(for spec: FleetSpec,
                      environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (any DecisionAgent)? {
        switch spec.agent {
        case .none: return nil
        case .expert: return ExpertPolicyAgent()
        case .llm:
            guard let llm = spec.llm else {
                throw RunError(code: .input, message: "fleet.agent is llm but there is no fleet.llm section")
            }
            return try llmAgent(llm, environment: environment)
        }
    }

    private static func llmAgent(_ llm: LLMAgentSpec, environment: [String: String]) throws -> LLMDecisionAgent {
        let mode = llm.configuration.mode
        var cassette = LLMCassette()
        if let path = llm.cassettePath, mode == .replay || FileManager.default.fileExists(atPath: path) {
            do {
                cassette = try LLMCassette.load(from: path)
            } catch {
                let hint = mode == .replay ? " (record it first: mode: record, or twinlab run --llm-mode record)" : ""
                throw RunError(code: .input, message: "cannot use the LLM cassette of fleet.llm.cassette\(hint)",
                               underlying: error)
            }
        }
        var transport: (any ChatTransport)?
        if mode != .replay {
            guard let url = URL(string: llm.endpoint) else {
                throw RunError(code: .input, message: "fleet.llm.endpoint '\(llm.endpoint)' is not a URL")
            }
            var key: String?
            if let variable = llm.apiKeyEnvironmentVariable {
                guard let value = environment[variable], !value.isEmpty else {
                    throw RunError(code: .input, message: "the environment variable \(variable) named by "
                                   + "fleet.llm.api_key_env is not set")
                }
                key = value
            }
            transport = HTTPChatTransport(endpoint: url, apiKey: key)
        }
        return LLMDecisionAgent(configuration: llm.configuration, transport: transport, cassette: cassette,
                                cassettePath: mode == .record ? llm.cassettePath : nil)
    }
}
