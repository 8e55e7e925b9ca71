/// Running count, sum, mean, variance, minimum and maximum of a sequence of observations.
///
/// Mean and variance use Welford's update, which stays accurate when the values are large
/// relative to their spread (e.g. timestamps in hours, waiting times near a big constant) where
/// the textbook Σx² − n·mean² cancels catastrophically. Tallies from separate runs or shards
/// combine exactly with `merge(_:)` (Chan, Golub & LeVeque's pairwise formula).
///
/// Empty: `count` 0, `sum` 0, `mean` NaN, `min` +∞, `max` −∞. `variance` needs two observations.
public struct Tally: Sendable, Hashable, Codable {
    /// Number of observations.
    public private(set) var count: Int = 0
    /// Plain sum of the observations (accumulated separately, in arrival order).
    public private(set) var sum: Double = 0
    /// Sum of squared deviations from the running mean.
    public private(set) var sumOfSquaredDeviations: Double = 0
    // Kept finite (0) while empty so that empty tallies compare equal and encode to JSON;
    // the public accessors below report NaN / ±∞ instead.
    private var runningMean: Double = 0
    private var lowest: Double = 0
    private var highest: Double = 0

    private enum CodingKeys: String, CodingKey {
        case count, sum, sumOfSquaredDeviations
        case runningMean = "mean", lowest = "min", highest = "max"
    }

    /// Arithmetic mean (NaN when empty).
    public var mean: Double { count > 0 ? runningMean : .nan }
    /// Smallest observation (+∞ when empty).
    public var min: Double { count > 0 ? lowest : .infinity }
    /// Largest observation (−∞ when empty).
    public var max: Double { count > 0 ? highest : -.infinity }

    /// An empty tally.
    public init() {}

    /// A tally of `values`, added in order.
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        for value in values { add(value) }
    }

    /// Adds one observation.
    public mutating func add(_ value: Double) {
        count += 1
        sum += value
        if count == 1 {
            runningMean = value
            lowest = value
            highest = value
            return
        }
        let delta = value - runningMean
        runningMean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - runningMean)
        if value < lowest { lowest = value }
        if value > highest { highest = value }
    }

    /// Whether no observation has been added.
    public var isEmpty: Bool { count == 0 }

    /// Sample variance with n − 1 in the denominator (NaN below two observations).
    public var variance: Double {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : .nan
    }

    /// Population variance with n in the denominator (NaN when empty).
    public var populationVariance: Double {
        count > 0 ? sumOfSquaredDeviations / Double(count) : .nan
    }

    /// Sample standard deviation, √variance.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Standard error of the mean, s/√n.
    public var standardError: Double { (variance / Double(count)).squareRoot() }

    /// Adds all observations of `other`, as if they had been added here after this tally's own.
    ///
    /// Count, sum, min and max are exact; mean and variance agree with sequential adding to
    /// within rounding (not bit for bit), so merge in a fixed order when results must be
    /// reproducible.
    public mutating func merge(_ other: Tally) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let n1 = Double(count), n2 = Double(other.count), n = n1 + n2
        let delta = other.runningMean - runningMean
        runningMean += delta * (n2 / n)
        sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * (n1 * n2 / n)
        count += other.count
        sum += other.sum
        lowest = Swift.min(lowest, other.lowest)
        highest = Swift.max(highest, other.highest)
    }

    /// This tally combined with `other` (see `merge(_:)`).
    public func merging(_ other: Tally) -> Tally {
        var copy = self
        copy.merge(other)
        return copy
    }
}
