import Scenario
import Control

/// Everything needed to run one scenario once.
public struct RunRequest: Sendable {
    public var scenario: Scenario
    /// Replaces the scenario's seed when set.
    public var seed: UInt64?
    /// Stops earlier than the scenario's horizon when set, hours.
    public var untilHours: Double?
    /// Folder for the run's HDF5 file (created if missing).
    public var outputDirectory: String
    /// SQLite catalog to record the run in; nil to skip the catalog.
    public var catalogPath: String?
    /// Replaces `fleet.llm.mode` when set (`twinlab run --llm-mode`), leaving the scenario text
    /// as it is: a run recorded with `record` and replayed with the file's `replay` then
    /// writes the same bytes.
    public var llmMode: LLMAgentConfiguration.Mode?
    /// Replace a file at the run's output name even when it holds a different run (another
    /// TwinLab version, an unfinished or foreign file). The same run is always replaced.
    public var overwrite = false

    public init(scenario: Scenario, seed: UInt64? = nil, untilHours: Double? = nil,
                outputDirectory: String = "results", catalogPath: String? = "results/catalog.sqlite") {
        self.scenario = scenario
        self.seed = seed
        self.untilHours = untilHours
        self.outputDirectory = outputDirectory
        self.catalogPath = catalogPath
    }

    /// The scenario as run: the scenario with `llmMode` applied.
    public var effectiveScenario: Scenario {
        guard let llmMode, case .fleet(var spec) = scenario.model, spec.llm != nil else { return scenario }
        spec.llm?.configuration.mode = llmMode
        var copy = scenario
        copy.model = .fleet(spec)
        return copy
    }

    /// The seed the run uses.
    public var effectiveSeed: UInt64 { seed ?? scenario.seed }
    /// The simulated span, hours.
    public var effectiveHorizonHours: Double { min(untilHours ?? .infinity, scenario.horizonHours) }
}

/// What a finished run reports.
public struct RunSummary: Sendable, Codable, Equatable {
    public var runID: String
    public var scenarioID: String
    public var seed: UInt64
    public var horizonHours: Double
    public var fingerprint: String
    public var outputPath: String
    public var events: UInt64
    public var wallSeconds: Double
    /// KPIs in the order the model reports them: (name, value, unit).
    public var kpis: [RunKPI]
}

/// One key performance indicator with its unit.
public struct RunKPI: Sendable, Codable, Equatable {
    public var name: String
    public var value: Double
    public var unit: String
}

/// Why a run failed, with the run's id so the catalog row can be found.
public struct RunError: Error, CustomStringConvertible {
    public enum Code: String, Sendable {
        case output = "output", simulation = "simulation", catalog = "catalog"
        /// A file the scenario names (weather, prices) is unreadable or malformed.
        case input = "input"
        /// The output name holds a different run and overwriting was not asked for.
        case outputExists = "output-exists"
        /// Another live run holds the claim on the same output name (``OutputClaim``).
        case outputBusy = "output-busy"
        /// The disk (or the user's quota) filled up while writing the run or its catalog row.
        case diskFull = "disk-full"
    }
    public var code: Code
    public var message: String
    public var underlying: (any Error)?
    public var description: String {
        "\(message)" + (underlying.map { ": \($0)" } ?? "")
    }
}
