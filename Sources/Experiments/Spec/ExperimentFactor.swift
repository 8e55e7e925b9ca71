/// One factor of a design: a scenario path (or `scenario`, the scenario file itself) and the
/// values it takes — levels for a full factorial design, a range for Latin hypercube and Sobol.
public struct ExperimentFactor: Sendable, Equatable {
    /// The pseudo-path of a factor whose levels are scenario files (relative to the experiment).
    public static let scenarioPath = "scenario"

    /// The values a factor takes.
    public enum Values: Sendable, Equatable {
        /// Each level in file order (full factorial).
        case levels([ExperimentLevel])
        /// Every number from `low` to `high` (Latin hypercube, Sobol), or with `integer` every
        /// whole number from `low` to `high`, each as likely.
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

    /// The value at `u` in [0, 1) of a range factor: low + u (high − low); for an integer factor
    /// the ⌊u n⌋-th of the n whole numbers from low to high, so each gets an equal share of
    /// [0, 1) (rounding low + u (high − low) would give the two ends half a share).
    public func value(at u: Double) -> Double {
        guard case .range(let low, let high, let integer) = values else { return .nan }
        guard integer else { return low + u * (high - low) }
        let first = low.rounded(.up), count = high.rounded(.down) - first + 1
        return first + min(count - 1, (u * count).rounded(.down))
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
