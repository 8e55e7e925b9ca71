import Scenario

/// One variant or design point, expanded: what all the cells of one row of the plan run
/// (they differ only by seed).
public struct ExperimentPoint: Sendable, Equatable {
    /// The variant's name, or `p<k>` for design point k.
    public var name: String
    /// The design point's index; nil for a named variant.
    public var index: Int?
    /// 1-based line of the variant, point or first factor in the experiment file.
    public var line: Int
    /// The scenario file the point starts from (absolute); nil for the experiment's.
    public var scenarioPath: String?
    /// The overrides in the order they are applied, each with its line in the experiment file.
    public var overrides: [ExperimentOverride]
    /// Numeric factor values by path (design points only; levels that are text are left out).
    public var factors: [String: Double]
    /// Every factor's value as written (text levels and scenario files included), by path.
    public var settings: [String: String]

    public init(name: String, index: Int?, line: Int, scenarioPath: String?, overrides: [ExperimentOverride],
                factors: [String: Double], settings: [String: String]) {
        self.name = name
        self.index = index
        self.line = line
        self.scenarioPath = scenarioPath
        self.overrides = overrides
        self.factors = factors
        self.settings = settings
    }
}

extension ExperimentDesign {
    /// The variants or design points in plan order: variants and list points in file order,
    /// full factorial combinations with the first factor varying slowest, Latin hypercube
    /// points in sample order, Sobol points in the ``SaltelliDesign`` order.
    public func points() -> [ExperimentPoint] {
        switch self {
        case .variants(let variants):
            return variants.map { variant in
                ExperimentPoint(name: variant.name, index: nil, line: variant.line, scenarioPath: variant.scenarioPath,
                                overrides: variant.overrides, factors: [:], settings: [:])
            }
        case .list(let points):
            return points.enumerated().map { k, point in
                var factors: [String: Double] = [:], settings: [String: String] = [:]
                for override in point.overrides {
                    settings[override.edit.path] = override.edit.value
                    if let number = Double(override.edit.value), number.isFinite { factors[override.edit.path] = number }
                }
                if let path = point.scenarioPath { settings[ExperimentFactor.scenarioPath] = path }
                return ExperimentPoint(name: "p\(k)", index: k, line: point.line, scenarioPath: point.scenarioPath,
                                       overrides: point.overrides, factors: factors, settings: settings)
            }
        case .fullFactorial(let factors):
            let levels = factors.map { factor -> [ExperimentLevel] in
                if case .levels(let levels) = factor.values { return levels }
                return []
            }
            var points: [ExperimentPoint] = []
            var choice = Array(repeating: 0, count: factors.count)
            for k in 0..<pointCount {
                var point = ExperimentPoint(name: "p\(k)", index: k, line: factors.first?.line ?? 0, scenarioPath: nil,
                                            overrides: [], factors: [:], settings: [:])
                for (f, factor) in factors.enumerated() {
                    let level = levels[f][choice[f]]
                    point.settings[factor.path] = level.value
                    if factor.isScenario {
                        point.scenarioPath = level.value
                        continue
                    }
                    point.overrides.append(ExperimentOverride(.init(path: factor.path, value: level.value), line: level.line))
                    if let number = level.number { point.factors[factor.path] = number }
                }
                points.append(point)
                // Odometer: the last factor turns fastest.
                for f in factors.indices.reversed() {
                    choice[f] += 1
                    if choice[f] < levels[f].count { break }
                    choice[f] = 0
                }
            }
            return points
        case .latinHypercube(let factors, let samples, let seed):
            return LatinHypercube.sample(points: samples, factors: factors.count, seed: seed).enumerated().map {
                Self.point($0, unit: $1, factors: factors)
            }
        case .sobol(let factors, let baseSamples):
            // The loader allows at most SaltelliDesign.maximumFactors factors, so the design exists.
            let unit = SaltelliDesign.points(factors: factors.count, baseSamples: baseSamples) ?? []
            return unit.enumerated().map { Self.point($0, unit: $1, factors: factors) }
        }
    }

    /// Design point `k` at the unit-cube coordinates `unit`, scaled to each factor's range.
    private static func point(_ k: Int, unit: [Double], factors: [Factor]) -> ExperimentPoint {
        var point = ExperimentPoint(name: "p\(k)", index: k, line: factors.first?.line ?? 0, scenarioPath: nil,
                                    overrides: [], factors: [:], settings: [:])
        for (factor, u) in zip(factors, unit) {
            let value = factor.value(at: u)
            let edit = ScenarioEditor.Edit(path: factor.path, number: value)
            point.overrides.append(ExperimentOverride(edit, line: factor.line))
            point.factors[factor.path] = value
            point.settings[factor.path] = edit.value
        }
        return point
    }
}
