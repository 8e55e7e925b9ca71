import SimKernel
import TwinModels

/// Cross-entropy-method policy search: minimise a black-box objective over a box of
/// continuous parameters.
///
/// Each iteration samples `populationSize` candidates from independent normals (clamped to
/// the bounds), keeps the `eliteCount` best, and refits mean and standard deviation to the
/// elites with smoothing `α` (Rubinstein & Kroese 2004, *The Cross-Entropy Method*, ch. 4;
/// the smoothed update of de Boer et al. 2005, Ann. Oper. Res. 134:19–67). Plain CEM shrinks
/// the spread of a weakly selected parameter before its mean has moved; as in the "noisy CEM"
/// of Szita & Lőrincz (2006, Neural Comput. 18:2936–2941), noise is added to each variance,
/// decreasing linearly to zero over the run (`extraNoise` × the parameter's range at the start),
/// and the standard deviation is floored at `minimumRelativeDeviation` of the range.
/// Deterministic: candidates come from one seeded stream, evaluated in a fixed order, and
/// ties keep the earlier candidate.
public struct CrossEntropyMethod: Sendable {
    public var populationSize: Int
    public var eliteCount: Int
    public var iterations: Int
    /// Weight of the new elite statistics in the update, 0 < α ≤ 1.
    public var smoothing: Double
    public let lower: [Double]
    public let upper: [Double]
    public var initialMean: [Double]
    public var initialStandardDeviation: [Double]
    /// Smallest standard deviation kept, as a fraction of each parameter's range.
    public var minimumRelativeDeviation = 0.01
    /// Standard deviation of the noise added at the first iteration, as a fraction of each range.
    public var extraNoise = 0.1

    /// What a search found.
    public struct Result: Sendable {
        /// The best parameters evaluated and their objective value.
        public var best: [Double]
        public var bestValue: Double
        /// The best objective value after each iteration.
        public var history: [Double]
        /// Objective evaluations made.
        public var evaluations: Int
    }

    /// - Throws: `ModelInputError` when the bounds, mean or deviations have different lengths,
    ///   a lower bound is not below its upper bound, or the sizes are not 1 ≤ elites ≤ population.
    public init(lower: [Double], upper: [Double], initialMean: [Double]? = nil, initialStandardDeviation: [Double]? = nil,
                populationSize: Int = 16, eliteCount: Int = 4, iterations: Int = 8, smoothing: Double = 0.7)
        throws(ModelInputError) {
        let n = lower.count
        guard upper.count == n, n > 0, zip(lower, upper).allSatisfy({ $0 < $1 }) else {
            throw ModelInputError(code: .inconsistent, quantity: "search bounds", value: Double(n), unit: "parameters",
                                  message: "CEM needs as many upper as lower bounds, each above its lower bound")
        }
        let mean = initialMean ?? zip(lower, upper).map { ($0 + $1) / 2 }
        let sd = initialStandardDeviation ?? zip(lower, upper).map { ($1 - $0) / 4 }
        guard mean.count == n, sd.count == n, sd.allSatisfy({ $0 > 0 }) else {
            throw ModelInputError(code: .inconsistent, quantity: "initial distribution", value: Double(mean.count),
                                  unit: "parameters", message: "CEM's initial mean and deviations must match the bounds")
        }
        _ = try ModelInputError.check(Double(populationSize), "population size", unit: "", in: 2...1e6)
        _ = try ModelInputError.check(Double(eliteCount), "elite count", unit: "", in: 1...Double(populationSize))
        _ = try ModelInputError.check(Double(iterations), "iterations", unit: "", in: 1...1e6)
        _ = try ModelInputError.check(smoothing, "smoothing", unit: "", in: 1e-6...1)
        self.lower = lower
        self.upper = upper
        self.initialMean = mean
        self.initialStandardDeviation = sd
        self.populationSize = populationSize
        self.eliteCount = eliteCount
        self.iterations = iterations
        self.smoothing = smoothing
    }

    /// Minimises `objective` (lower is better; it may throw to abort the search).
    public func minimize(seed: UInt64, objective: ([Double]) throws -> Double) rethrows -> Result {
        var stream = RandomStream(seed: seed)
        var mean = initialMean, sd = initialStandardDeviation
        let floor = zip(lower, upper).map { ($1 - $0) * minimumRelativeDeviation }
        var best = mean, bestValue = Double.infinity
        var history: [Double] = [], evaluations = 0
        let normal = Distribution.normal(mean: 0, sd: 1)
        for iteration in 0..<iterations {
            let noiseScale = extraNoise * (1 - Double(iteration) / Double(iterations))
            var scored: [(value: Double, index: Int, x: [Double])] = []
            for k in 0..<populationSize {
                let x = (0..<mean.count).map { i in
                    min(max(mean[i] + sd[i] * normal.quantile(stream.uniformOpen()), lower[i]), upper[i])
                }
                let value = try objective(x)
                evaluations += 1
                scored.append((value.isNaN ? .infinity : value, k, x))
            }
            scored.sort { ($0.value, $0.index) < ($1.value, $1.index) }
            if scored[0].value < bestValue {
                bestValue = scored[0].value
                best = scored[0].x
            }
            history.append(bestValue)
            let elites = scored.prefix(eliteCount).map(\.x)
            for i in mean.indices {
                let m = elites.reduce(0) { $0 + $1[i] } / Double(elites.count)
                let v = elites.reduce(0) { $0 + ($1[i] - m) * ($1[i] - m) } / Double(elites.count)
                mean[i] = smoothing * m + (1 - smoothing) * mean[i]
                let noise = noiseScale * (upper[i] - lower[i])
                sd[i] = max(smoothing * (v + noise * noise).squareRoot() + (1 - smoothing) * sd[i], floor[i])
            }
        }
        return Result(best: best, bestValue: bestValue, history: history, evaluations: evaluations)
    }
}
