/// A validated experiment file (`schema: twinlab/experiment@1`): which scenario, what to vary,
/// which seeds every variant runs with, for how long, and which KPIs to compare.
///
/// Written by users as YAML; docs/experiments.md describes every key. ``ExperimentLoader``
/// checks the file on its own; ``ExperimentPlan/make(_:)`` then checks every variant against
/// the scenario.
public struct ExperimentSpec: Sendable, Equatable {
    /// The schema identifier this version of TwinLab reads.
    public static let schema = "twinlab/experiment@1"

    /// Where keys whose problems only the plan can find were written (1-based lines).
    public struct Lines: Sendable, Equatable {
        public var scenario: Int
        public var untilHours: Int?
        /// One per response, in order.
        public var responses: [Int]
        public var baseline: Int?

        public init(scenario: Int, untilHours: Int?, responses: [Int], baseline: Int?) {
            self.scenario = scenario
            self.untilHours = untilHours
            self.responses = responses
            self.baseline = baseline
        }
    }

    /// Machine-friendly name (same rule as scenario ids: it names output folders).
    public var id: String
    public var title: String
    /// The experiment file as given.
    public var sourcePath: String
    /// The scenario file, absolute, resolved relative to the experiment file.
    public var scenarioPath: String
    /// Stop every run after this many simulated hours; nil runs each scenario's horizon.
    public var untilHours: Double?
    /// The seeds every variant or design point runs with, in order (common random numbers).
    public var seeds: [UInt64]
    /// The variant the others are compared with; required for variants, nil for designs.
    public var baseline: String?
    /// KPI names of the scenario's model to summarise.
    public var responses: [String]
    /// Overrides every cell starts from (`set:` at the top), before its variant's or point's own:
    /// the scenario adjusted for the study (a longer horizon, a common setting).
    public var overrides: [ExperimentOverride]
    public var design: ExperimentDesign
    /// Optional: add replications until the responses' intervals are narrow enough.
    public var sequential: SequentialRule?
    public var lines: Lines

    public init(id: String, title: String, sourcePath: String, scenarioPath: String, untilHours: Double?,
                seeds: [UInt64], baseline: String?, responses: [String], overrides: [ExperimentOverride] = [],
                design: ExperimentDesign, sequential: SequentialRule?, lines: Lines) {
        self.id = id
        self.title = title
        self.sourcePath = sourcePath
        self.scenarioPath = scenarioPath
        self.untilHours = untilHours
        self.seeds = seeds
        self.baseline = baseline
        self.responses = responses
        self.overrides = overrides
        self.design = design
        self.sequential = sequential
        self.lines = lines
    }

    /// `seeds` and `count` more after them: the next integers above the largest seed, as the
    /// sequential rule adds replications (every variant gets the same new seeds).
    public static func extending(_ seeds: [UInt64], by count: Int) -> [UInt64] {
        var extended = seeds
        var next = (seeds.max() ?? 0) &+ 1
        let known = Set(seeds)
        while extended.count < seeds.count + count {
            if !known.contains(next) { extended.append(next) }
            next &+= 1
        }
        return extended
    }

    /// Every scenario file the experiment runs, absolute, the experiment's first, each once:
    /// variants, list points and a `scenario` factor may name others.
    public var scenarioPaths: [String] {
        var paths = [scenarioPath]
        func add(_ path: String?) { if let path, !paths.contains(path) { paths.append(path) } }
        switch design {
        case .variants(let variants), .list(let variants):
            variants.forEach { add($0.scenarioPath) }
        case .fullFactorial(let factors):
            for factor in factors where factor.isScenario {
                if case .levels(let levels) = factor.values { levels.forEach { add($0.value) } }
            }
        case .latinHypercube, .sobol:
            break
        }
        return paths
    }

    /// Number of cells: variants or design points × seeds.
    public var cellCount: Int { design.pointCount * seeds.count }
}
