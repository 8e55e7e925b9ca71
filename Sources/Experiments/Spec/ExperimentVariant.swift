/// A named variant: the overrides (and optionally another scenario file) that make it from the
/// experiment's scenario.
public struct ExperimentVariant: Sendable, Equatable {
    /// The variant's name (same rule as scenario ids); names its cells and its rows in summaries.
    public var name: String
    /// 1-based line of the name in the experiment file.
    public var line: Int
    /// Absolute path of the scenario file the variant starts from instead of the experiment's
    /// (`scenario:` in the variant); nil for the experiment's own.
    public var scenarioPath: String?
    /// The `set` overrides in file order.
    public var overrides: [ExperimentOverride]

    public init(name: String, line: Int, scenarioPath: String? = nil, overrides: [ExperimentOverride]) {
        self.name = name
        self.line = line
        self.scenarioPath = scenarioPath
        self.overrides = overrides
    }
}
