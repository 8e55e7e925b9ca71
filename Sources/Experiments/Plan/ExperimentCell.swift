import Scenario

/// One run of an experiment: a variant or design point with one seed, and the effective
/// scenario it runs (overrides applied, loaded and validated).
public struct ExperimentCell: Sendable {
    /// Position in the plan, 0..<cells.count; stable for the same experiment file.
    public var index: Int
    /// The variant's name, or `p<k>` for design point k.
    public var variant: String
    /// The design point's index (nil for named variants).
    public var point: Int?
    /// Numeric factor values of a design point, by path (empty for variants).
    public var factors: [String: Double]
    /// Every factor's value as written, text levels and scenario files included (empty for variants).
    public var settings: [String: String]
    public var seed: UInt64
    /// The overrides that made `scenario` from its scenario file, in order.
    public var overrides: [ScenarioEditor.Edit]
    /// The scenario file the cell starts from, absolute.
    public var scenarioPath: String
    /// The effective scenario: `sourceText` holds the overrides and `overrides` lists them, so a
    /// run file of it records both. Cells of one point share it (only the seed differs).
    public var scenario: Scenario

    public init(index: Int, variant: String, point: Int?, factors: [String: Double], settings: [String: String],
                seed: UInt64, overrides: [ScenarioEditor.Edit], scenarioPath: String, scenario: Scenario) {
        self.index = index
        self.variant = variant
        self.point = point
        self.factors = factors
        self.settings = settings
        self.seed = seed
        self.overrides = overrides
        self.scenarioPath = scenarioPath
        self.scenario = scenario
    }
}
