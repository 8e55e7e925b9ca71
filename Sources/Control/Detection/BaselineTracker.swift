/// Resolves a `DetectorBaseline` into (μ₀, σ), running the warm-up if there is one.
///
/// Shared by the detectors that compare against an in-control reference so that every
/// one of them warms up the same way.
struct BaselineTracker: Sendable, Equatable {
    let baseline: DetectorBaseline
    private(set) var mean: Double = 0
    private(set) var standardDeviation: Double = 1
    private(set) var isResolved = false
    private var count = 0
    private var m2 = 0.0

    init(_ baseline: DetectorBaseline) {
        self.baseline = baseline
        reset()
    }

    mutating func reset() {
        count = 0
        m2 = 0
        switch baseline {
        case let .known(mu, sd):
            mean = mu
            standardDeviation = sd
            isResolved = true
        case .warmUp:
            mean = 0
            standardDeviation = 1
            isResolved = false
        }
    }

    /// Absorbs `x` into the warm-up; returns false once the baseline is resolved (then
    /// `x` is for the caller to monitor).
    mutating func absorb(_ x: Double) -> Bool {
        guard !isResolved, case let .warmUp(n) = baseline else { return false }
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
        if count == n {
            // A constant warm-up would make every later deviation infinite; a floor
            // relative to the mean's magnitude keeps scores finite but still huge.
            let sd = (m2 / Double(n - 1)).squareRoot()
            standardDeviation = max(sd, 1e-12 * max(1, abs(mean)))
            isResolved = true
        }
        return true
    }
}
