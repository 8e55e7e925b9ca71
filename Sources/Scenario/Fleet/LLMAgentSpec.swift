import Control

/// The `fleet.llm` section: where the LLM decision agent sends its requests and how it
/// records them (read when `agent: llm`; docs/scenario-format.md, docs/agents.md).
public struct LLMAgentSpec: Sendable, Equatable {
    /// Chat-completions URL, http or https, e.g. `http://127.0.0.1:8080/v1/chat/completions`.
    public var endpoint: String
    /// Timeout, retries, breaker, model and mode (the agent's own configuration type).
    public var configuration: LLMAgentConfiguration
    /// Name of the environment variable holding the API key (never the key itself); nil:
    /// no `Authorization` header.
    public var apiKeyEnvironmentVariable: String?
    /// Cassette file, resolved against the scenario file's folder; required in record and
    /// replay mode.
    public var cassettePath: String?

    public init(endpoint: String, configuration: LLMAgentConfiguration, apiKeyEnvironmentVariable: String?,
                cassettePath: String?) {
        self.endpoint = endpoint
        self.configuration = configuration
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.cassettePath = cassettePath
    }
}
