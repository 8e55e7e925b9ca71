/// A discrete distribution given as a table of values and optional weights.
///
/// P(X = values[i]) = weights[i] / Σ weights (equal weights when `weights` is nil). Values may
/// repeat (their weights add up) and come in any order: the table is sorted by value once, at
/// construction, so the quantile is monotone in p — the property inversion sampling needs for
/// common random numbers. Use it for observed categories such as batch sizes or repair crews.
///
/// Valid: at least one value, all values finite; if given, one weight per value, each finite
/// and ≥ 0, with a positive sum.
public struct EmpiricalDiscrete: Sendable, Equatable, Codable {
    /// The values as given (their order is kept for encoding).
    public let values: [Double]
    /// The weights as given, or nil for equal weights.
    public let weights: [Double]?

    // Derived once: values ascending, and the cumulative probability up to each of them.
    // Left empty when the table is invalid; `validate()` reports why.
    let sortedValues: [Double]
    let cumulative: [Double]

    /// A table of `values` with `weights` (nil = equal). Does not throw; call `validate()`.
    public init(values: [Double], weights: [Double]? = nil) {
        self.values = values
        self.weights = weights
        let w = weights ?? Array(repeating: 1.0, count: values.count)
        let usable = !values.isEmpty && w.count == values.count
            && values.allSatisfy(\.isFinite) && w.allSatisfy { $0.isFinite && $0 >= 0 }
        let total = usable ? w.reduce(0, +) : 0
        guard usable, total > 0 else {
            sortedValues = []
            cumulative = []
            return
        }
        // Sorting on (value, weight) is a total order, so ties never depend on the sort algorithm.
        let pairs = zip(values, w).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var sorted: [Double] = []
        var cum: [Double] = []
        var running = 0.0
        for (value, weight) in pairs {
            running += weight
            if let last = sorted.last, last == value {
                cum[cum.count - 1] = running / total
            } else {
                sorted.append(value)
                cum.append(running / total)
            }
        }
        cum[cum.count - 1] = 1.0  // rounding must not leave the top of the table below 1
        sortedValues = sorted
        cumulative = cum
    }

    private enum CodingKeys: String, CodingKey { case values, weights }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(values: try c.decode([Double].self, forKey: .values),
                  weights: try c.decodeIfPresent([Double].self, forKey: .weights))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(values, forKey: .values)
        try c.encodeIfPresent(weights, forKey: .weights)
    }

    /// Throws a `DistributionError` naming the first invalid entry.
    public func validate() throws {
        let kind = "empirical"
        if values.isEmpty {
            throw DistributionError(code: .emptyTable, kind: kind, parameter: "values", value: "[]",
                                    expected: "at least one value")
        }
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            throw DistributionError(code: .invalidParameter, kind: kind, parameter: "values[\(i)]",
                                    value: "\(values[i])", expected: "a finite number")
        }
        guard let weights else { return }
        if weights.count != values.count {
            throw DistributionError(code: .lengthMismatch, kind: kind, parameter: "weights",
                                    value: "\(weights.count) entries",
                                    expected: "one weight per value (\(values.count))")
        }
        if let i = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw DistributionError(code: .invalidParameter, kind: kind, parameter: "weights[\(i)]",
                                    value: "\(weights[i])", expected: "a finite number ≥ 0")
        }
        if !(weights.reduce(0, +) > 0) {
            throw DistributionError(code: .invalidParameter, kind: kind, parameter: "weights",
                                    value: "sum \(weights.reduce(0, +))", expected: "a positive sum")
        }
    }

    /// The smallest value whose cumulative probability reaches `p` (p in [0, 1]).
    public func quantile(_ p: Double) -> Double {
        guard !cumulative.isEmpty, p >= 0, p <= 1 else { return .nan }
        // Binary search for the first cumulative ≥ p.
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] >= p { hi = mid } else { lo = mid + 1 }
        }
        return sortedValues[lo]
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        guard !cumulative.isEmpty, !x.isNaN else { return .nan }
        // Binary search for the last value ≤ x.
        var lo = 0, hi = sortedValues.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedValues[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 0 : cumulative[lo - 1]
    }

    /// Σ pᵢ·xᵢ.
    public var mean: Double {
        guard !cumulative.isEmpty else { return .nan }
        var sum = 0.0, previous = 0.0
        for (x, c) in zip(sortedValues, cumulative) {
            sum += (c - previous) * x
            previous = c
        }
        return sum
    }

    /// Σ pᵢ·(xᵢ − mean)².
    public var variance: Double {
        let m = mean
        guard !m.isNaN else { return .nan }
        var sum = 0.0, previous = 0.0
        for (x, c) in zip(sortedValues, cumulative) {
            sum += (c - previous) * (x - m) * (x - m)
            previous = c
        }
        return sum
    }
}
