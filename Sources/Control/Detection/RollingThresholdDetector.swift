import TwinModels

/// Dynamic threshold: alarm when a sample leaves mean ± k·s of the previous N samples.
///
/// Each sample is scored against the window *before* it is added, so a spike cannot
/// mask itself; it is then added, so the band follows slow drifts and, after a sustained
/// step, re-centres within N samples (this is a spike/step detector, not a drift
/// detector). s is the n − 1 sample standard deviation. `score` is |x − mean|/s in
/// standard deviations. Updates are O(1): a ring buffer with a sliding Welford update,
/// re-summed exactly once per N replacements so rounding cannot accumulate.
///
/// Parameters: window N (samples; 20–200 typical; the first N samples only fill the
/// window); k in standard deviations (3 gives ≈ 0.3 % false alarms for Gaussian noise,
/// somewhat more for small N since s is estimated; 4 is quieter). Source: the classic
/// Shewhart individuals chart with a moving baseline (Montgomery 2009 §6.4).
public struct RollingThresholdDetector: StreamingDetector, Equatable {
    /// Window length N, samples, ≥ 2.
    public let window: Int
    /// Band half-width k, standard deviations, > 0.
    public let k: Double
    /// Floor for s, signal unit, ≥ 0; keeps a perfectly flat window from scoring ∞.
    public let minimumStandardDeviation: Double

    private var buffer: [Double]
    private var head = 0
    private var count = 0
    private var replacementsSinceResum = 0
    private var mean = 0.0
    private var m2 = 0.0

    /// Creates a rolling threshold.
    ///
    /// - Parameters:
    ///   - window: N, 2…10⁷ samples.
    ///   - k: band half-width, σ units, > 0.
    ///   - minimumStandardDeviation: floor for s, signal unit, ≥ 0 (default 0: a flat
    ///     window scores ∞ for any different sample).
    /// - Throws: `ModelInputError` for a parameter outside its range.
    public init(window: Int, k: Double, minimumStandardDeviation: Double = 0) throws(ModelInputError) {
        _ = try ModelInputError.check(Double(window), "rolling window", unit: "samples", in: 2...1e7)
        self.window = window
        self.k = try ModelInputError.check(k, "rolling band width k", unit: "σ", in: Double.leastNormalMagnitude...100)
        self.minimumStandardDeviation = try ModelInputError.check(
            minimumStandardDeviation, "rolling minimum standard deviation", unit: "signal unit",
            in: 0...Double.greatestFiniteMagnitude)
        buffer = Array(repeating: 0, count: window)
    }

    /// Mean of the current window, signal unit (nil until it holds N samples).
    public var windowMean: Double? { count == window ? mean : nil }

    /// Sample standard deviation of the current window after the floor, signal unit
    /// (nil until it holds N samples).
    public var windowStandardDeviation: Double? {
        count == window ? max((max(m2, 0) / Double(window - 1)).squareRoot(), minimumStandardDeviation) : nil
    }

    public mutating func update(_ x: Double) -> DetectorOutput {
        guard x.isFinite else { return .invalidSample }
        let output: DetectorOutput
        if let mu = windowMean, let s = windowStandardDeviation {
            let deviation = x - mu
            let score = s > 0 ? abs(deviation) / s : (deviation == 0 ? 0 : .infinity)
            output = DetectorOutput(score: score, alarm: score > k, direction: deviation > 0 ? .up : .down)
        } else {
            output = .warmingUp
        }
        insert(x)
        return output
    }

    public mutating func reset() {
        for i in buffer.indices { buffer[i] = 0 }
        head = 0
        count = 0
        replacementsSinceResum = 0
        mean = 0
        m2 = 0
    }

    private mutating func insert(_ x: Double) {
        if count < window {
            buffer[head] = x
            count += 1
            let delta = x - mean
            mean += delta / Double(count)
            m2 += delta * (x - mean)
        } else {
            let old = buffer[head]
            buffer[head] = x
            let oldMean = mean
            mean += (x - old) / Double(window)
            m2 += (x - old) * (x - mean + old - oldMean)
            replacementsSinceResum += 1
            if replacementsSinceResum == window { resum() }
        }
        head = head + 1 == window ? 0 : head + 1
    }

    /// Exact two-pass recomputation; amortised O(1) because it runs once per N samples.
    private mutating func resum() {
        var sum = 0.0
        for v in buffer { sum += v }
        let mu = sum / Double(window)
        var ss = 0.0
        for v in buffer { ss += (v - mu) * (v - mu) }
        mean = mu
        m2 = ss
        replacementsSinceResum = 0
    }
}
