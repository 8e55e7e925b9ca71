/// One factor of a design: a scenario path (or `scenario`, the scenario file itself) and the
/// values it takes — levels for a full factorial design, a range for Latin hypercube and Sobol.
public struct ExperimentFactor: Sendable, Equatable {
    /// The pseudo-path of a factor whose levels are scenario files (relative to the experiment).
    public static let scenarioPath = "scenario"

    /// The values a factor takes.
    public enum Values: Sendable, Equatable {
        /// Each level in file order (full factorial).
        case levels([ExperimentLevel])
        /// Every number from `low` to `high` (Latin hypercube, Sobol), rounded to whole numbers
        /// when `integer`.
        case range(low: Double, high: Double, integer: Bool)
    }

    /// Dotted scenario path (``ScenarioEditor``), or `scenario`.
    public var path: String
    /// 1-based line of the factor in the experiment file.
    public var line: Int
    public var values: Values

    public init(path: String, line: Int, values: Values) {
        self.path = path
        self.line = line
        self.values = values
    }

    /// Whether the factor swaps the scenario file rather than editing a value.
    public var isScenario: Bool { path == Self.scenarioPath }

    /// The value at `u` in [0, 1) of a range factor: low + u (high − low), rounded when integer.
    public func value(at u: Double) -> Double {
        guard case .range(let low, let high, let integer) = values else { return .nan }
        let x = low + u * (high - low)
        return integer ? min(high, max(low, x.rounded())) : x
    }
}

/// One level of a full factorial factor.
public struct ExperimentLevel: Sendable, Equatable {
    /// The value as YAML text (`1200`, `led-2.8`); for a scenario factor the absolute path.
    public var value: String
    /// The number it is, when it is one (cells list numeric factor values).
    public var number: Double?
    /// 1-based line in the experiment file.
    public var line: Int

    public init(value: String, number: Double?, line: Int) {
        self.value = value
        self.number = number
        self.line = line
    }
}
