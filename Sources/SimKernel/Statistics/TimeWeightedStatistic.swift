/// The time-average, integral, minimum and maximum of a piecewise-constant level over `SimTime`.
///
/// For queue lengths, busy servers (utilisation), stock levels, power draw: call
/// `update(level:at:)` whenever the level changes; between updates the level is held constant.
/// The integral is accumulated in level × ticks (each span's tick count converts to `Double`
/// exactly) and reported in level × seconds, so for a level in kW, `integral(until:) / 3600`
/// is kWh.
///
/// Times must not go backwards (a precondition: an out-of-order update is a model bug that
/// would silently corrupt the statistic).
public struct TimeWeightedStatistic: Sendable, Hashable, Codable {
    /// When the observation window starts (construction or the last `reset(at:)`).
    public private(set) var startTime: SimTime
    /// When the level last changed (or the window started).
    public private(set) var lastUpdate: SimTime
    /// The level held since `lastUpdate`.
    public private(set) var level: Double
    /// Largest level held at any instant of the window.
    public private(set) var max: Double
    /// Smallest level held at any instant of the window.
    public private(set) var min: Double
    // ∫ level dt from `startTime` to `lastUpdate`, in level × ticks.
    private var areaTicks: Double = 0

    /// A statistic that holds `level` from time `start` on.
    public init(level: Double = 0, at start: SimTime = .zero) {
        startTime = start
        lastUpdate = start
        self.level = level
        max = level
        min = level
    }

    /// Sets the level to `newLevel` from time `time` on (`time` ≥ the previous update).
    public mutating func update(level newLevel: Double, at time: SimTime) {
        precondition(time >= lastUpdate,
                     "TimeWeightedStatistic: update at \(time) is before the previous update at \(lastUpdate)")
        areaTicks += level * Double(time.ticks - lastUpdate.ticks)
        lastUpdate = time
        level = newLevel
        if newLevel > max { max = newLevel }
        if newLevel < min { min = newLevel }
    }

    /// Adds `delta` to the current level at `time` (e.g. +1 on arrival, −1 on departure).
    public mutating func add(_ delta: Double, at time: SimTime) {
        update(level: level + delta, at: time)
    }

    /// ∫ level dt from `startTime` to `lastUpdate`, in level × seconds.
    public var integral: Double { areaTicks / Double(SimTime.ticksPerSecond) }

    /// ∫ level dt from `startTime` to `time` (≥ `lastUpdate`), in level × seconds, holding the
    /// current level after the last update.
    public func integral(until time: SimTime) -> Double {
        precondition(time >= lastUpdate,
                     "TimeWeightedStatistic: integral until \(time) is before the last update at \(lastUpdate)")
        return (areaTicks + level * Double(time.ticks - lastUpdate.ticks)) / Double(SimTime.ticksPerSecond)
    }

    /// The time-average level over [`startTime`, `time`]; NaN for an empty window.
    public func mean(until time: SimTime) -> Double {
        precondition(time >= lastUpdate,
                     "TimeWeightedStatistic: mean until \(time) is before the last update at \(lastUpdate)")
        let span = time.ticks - startTime.ticks
        guard span > 0 else { return .nan }
        return (areaTicks + level * Double(time.ticks - lastUpdate.ticks)) / Double(span)
    }

    /// Starts a new window at `time` keeping the current level (e.g. to discard a warm-up
    /// period): integral, minimum and maximum restart from the current level.
    public mutating func reset(at time: SimTime) {
        precondition(time >= lastUpdate,
                     "TimeWeightedStatistic: reset at \(time) is before the last update at \(lastUpdate)")
        startTime = time
        lastUpdate = time
        areaTicks = 0
        max = level
        min = level
    }
}
