/// What a `StreamingDetector` says about one sample.
public struct DetectorOutput: Sendable, Equatable {
    /// The side of the reference a detected change lies on.
    public enum Direction: String, Sendable, Equatable {
        /// The signal moved above its reference (mean increase).
        case up
        /// The signal moved below its reference (mean decrease).
        case down
    }

    /// The detector's statistic for this sample, compared against its threshold.
    /// Each detector documents the statistic's unit (standard deviations for EWMA, CUSUM
    /// and the rolling threshold; signal units for Page–Hinkley). Zero while warming up.
    public let score: Double
    /// True when `score` crossed the detector's threshold at this sample.
    public let alarm: Bool
    /// Which way the signal moved, when `alarm` is true; nil otherwise.
    public let direction: Direction?
    /// True while the detector is still estimating its reference (no alarm possible).
    public let isWarmingUp: Bool

    /// Creates an output; `direction` is dropped when `alarm` is false.
    public init(score: Double, alarm: Bool, direction: Direction? = nil, isWarmingUp: Bool = false) {
        self.score = score
        self.alarm = alarm
        self.direction = alarm ? direction : nil
        self.isWarmingUp = isWarmingUp
    }

    /// The output for a sample absorbed into a warm-up.
    public static let warmingUp = DetectorOutput(score: 0, alarm: false, isWarmingUp: true)

    /// The output for a NaN or infinite sample, which detectors ignore.
    public static let invalidSample = DetectorOutput(score: .nan, alarm: false)
}
