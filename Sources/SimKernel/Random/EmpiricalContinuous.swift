/// A continuous distribution that interpolates linearly between observed sample points.
///
/// With the n points sorted, x₀ ≤ … ≤ xₙ₋₁, the CDF is piecewise linear and passes through
/// F(xᵢ) = i/(n − 1): each gap between neighbouring points carries probability 1/(n − 1),
/// spread uniformly. Draws therefore never leave [x₀, xₙ₋₁] and fill the gaps between
/// observations, unlike resampling the raw data. Use it for a measured duration (drying
/// times, repair times) when no parametric family fits.
///
/// Points may be given in any order; they are sorted at construction (so `points` is always
/// ascending). Valid: at least two points, all finite, and x₀ < xₙ₋₁. Repeated points are
/// allowed and form a jump in the CDF.
public struct EmpiricalContinuous: Sendable, Equatable, Codable {
    /// The sample points, ascending.
    public let points: [Double]

    /// The distribution through `points` (sorted here). Does not throw; call `validate()`.
    public init(points: [Double]) {
        // NaN has no place in a sort order; keep such input as given for `validate()` to report.
        self.points = points.allSatisfy { !$0.isNaN } ? points.sorted() : points
    }

    private enum CodingKeys: String, CodingKey { case points }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(points: try c.decode([Double].self, forKey: .points))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(points, forKey: .points)
    }

    /// Throws a `DistributionError` naming the first problem.
    public func validate() throws {
        let kind = "empiricalContinuous"
        if points.count < 2 {
            throw DistributionError(code: .emptyTable, kind: kind, parameter: "points",
                                    value: "\(points.count) points", expected: "at least two points")
        }
        if let i = points.firstIndex(where: { !$0.isFinite }) {
            throw DistributionError(code: .invalidParameter, kind: kind, parameter: "points[\(i)]",
                                    value: "\(points[i])", expected: "a finite number")
        }
        if !(points[0] < points[points.count - 1]) {
            throw DistributionError(code: .invalidParameter, kind: kind, parameter: "points",
                                    value: "all equal to \(points[0])",
                                    expected: "at least two distinct points (use constant for a fixed value)")
        }
    }

    var isUsable: Bool { points.count >= 2 && points.allSatisfy(\.isFinite) && points[0] < points[points.count - 1] }

    /// The point at fractional rank p·(n − 1), interpolating between neighbours.
    public func quantile(_ p: Double) -> Double {
        guard isUsable, p >= 0, p <= 1 else { return .nan }
        let segments = points.count - 1
        let position = p * Double(segments)
        let i = Swift.min(Int(position), segments - 1)
        let fraction = position - Double(i)
        return points[i] + fraction * (points[i + 1] - points[i])
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        guard isUsable, !x.isNaN else { return .nan }
        let n = points.count
        if x < points[0] { return 0 }
        if x >= points[n - 1] { return 1 }
        // Last index with points[i] ≤ x; then points[i + 1] > x, so the segment is not empty.
        var lo = 0, hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        let i = lo - 1
        let within = (x - points[i]) / (points[i + 1] - points[i])
        return (Double(i) + within) / Double(n - 1)
    }

    /// The mean of the equal-weight mixture of uniforms on each gap.
    public var mean: Double {
        guard isUsable else { return .nan }
        var sum = 0.0
        for i in 0..<(points.count - 1) { sum += 0.5 * (points[i] + points[i + 1]) }
        return sum / Double(points.count - 1)
    }

    /// E[X²] − mean², with E[X²] over each gap = (a² + ab + b²)/3.
    public var variance: Double {
        guard isUsable else { return .nan }
        let m = mean
        var sum = 0.0
        for i in 0..<(points.count - 1) {
            // Centred on the mean to avoid cancellation for data far from zero.
            let a = points[i] - m, b = points[i + 1] - m
            sum += (a * a + a * b + b * b) / 3
        }
        return sum / Double(points.count - 1)
    }
}
