/// Accuracy of predictions over a trailing time window (e.g. the last 30 days), the drift
/// monitor of the quality predictor.
///
/// Outcomes are added in time order; `accuracy(atDays:)` counts those in (t − window, t].
/// Inputs: times in days, non-decreasing. Output: fraction correct 0…1, nil for an empty window.
public struct RollingAccuracy: Sendable, Equatable {
    /// Window length, days.
    public let windowDays: Double
    private var times: [Double] = []
    private var correct: [Bool] = []
    private var head = 0
    private var hits = 0

    public init(windowDays: Double = 30) { self.windowDays = windowDays }

    /// Adds one scored prediction at `days`.
    public mutating func add(atDays days: Double, correct isCorrect: Bool) {
        times.append(days)
        correct.append(isCorrect)
        if isCorrect { hits += 1 }
    }

    /// Number of outcomes in the current window (after the last `accuracy` call's pruning).
    public var count: Int { times.count - head }

    /// Fraction correct among outcomes in (days − window, days].
    public mutating func accuracy(atDays days: Double) -> Double? {
        while head < times.count, times[head] <= days - windowDays {
            if correct[head] { hits -= 1 }
            head += 1
        }
        return count > 0 ? Double(hits) / Double(count) : nil
    }
}
