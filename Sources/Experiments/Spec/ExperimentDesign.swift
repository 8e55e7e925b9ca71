/// What an experiment varies: named variants, or design points over factors.
///
/// Every variant or design point runs with every seed of the experiment (common random
/// numbers). Design points are named `p0`, `p1`, … in design order.
public enum ExperimentDesign: Sendable, Equatable {
    public typealias Variant = ExperimentVariant
    public typealias Factor = ExperimentFactor

    /// Named variants in file order (`variants:`).
    case variants([Variant])
    /// Every combination of the factors' levels; the first factor varies slowest.
    case fullFactorial([Factor])
    /// `samples` points of a Latin hypercube over the factors' ranges (McKay, Beckman & Conover
    /// 1979), drawn from `designSeed` (``LatinHypercube``).
    case latinHypercube([Factor], samples: Int, designSeed: UInt64)
    /// The Saltelli (2010) layout over a Sobol sequence: `baseSamples` × (k + 2) points for k
    /// factors (``SaltelliDesign``), for first-order and total Sobol indices.
    case sobol([Factor], baseSamples: Int)
    /// Explicit points in file order (`points:`), each named `p<k>` and built like a variant.
    case list([Variant])

    /// The `design.kind` of the file (`variants` for named variants).
    public var kind: String {
        switch self {
        case .variants: "variants"
        case .fullFactorial: "full_factorial"
        case .latinHypercube: "latin_hypercube"
        case .sobol: "sobol"
        case .list: "list"
        }
    }

    /// The factors of a factor design; empty for variants and lists.
    public var factors: [Factor] {
        switch self {
        case .variants, .list: []
        case .fullFactorial(let factors), .latinHypercube(let factors, _, _), .sobol(let factors, _): factors
        }
    }

    /// How many variants or design points the design has.
    public var pointCount: Int {
        switch self {
        case .variants(let variants), .list(let variants): variants.count
        case .fullFactorial(let factors):
            factors.reduce(1) { count, factor in
                guard case .levels(let levels) = factor.values else { return count }
                return count * levels.count
            }
        case .latinHypercube(_, let samples, _): samples
        case .sobol(let factors, let baseSamples): baseSamples * (factors.count + 2)
        }
    }
}
