/// A point or span of simulated time, counted in integer ticks of one microsecond.
///
/// Simulation time is an integer so that simultaneity is exact and no run depends on
/// floating-point accumulation order (docs/design.md, determinism contract). One tick is
/// 1 µs, which resolves a 2-second sensor period a million times over and still spans
/// ±292,000 years in an `Int64`. Conversions from `Double` round to the nearest tick.
///
/// The same type serves as an instant (time since the start of the run) and as a
/// duration; `SimTime.zero` is the start of every run.
public struct SimTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Ticks since the start of the run (or the length of a span), 1 tick = 1 µs.
    public var ticks: Int64

    /// Ticks per second of simulated time.
    public static let ticksPerSecond: Int64 = 1_000_000
    public static let ticksPerMinute: Int64 = 60 * ticksPerSecond
    public static let ticksPerHour: Int64 = 3_600 * ticksPerSecond
    public static let ticksPerDay: Int64 = 86_400 * ticksPerSecond

    /// The start of a run; also the empty duration.
    public static let zero = SimTime(ticks: 0)
    /// A time after every schedulable event; used as "no limit".
    public static let infinity = SimTime(ticks: .max)

    @inlinable public init(ticks: Int64) { self.ticks = ticks }

    /// Converts a count of `unitTicks`-sized units, rounding to the nearest tick.
    ///
    /// This and the `seconds`/`minutes`/`hours`/`days` factories are always inlined: as calls
    /// they took 6 % of the timeout benchmark (a) and 4 % of M/M/3.
    @inlinable @inline(__always) init(_ value: Double, unitTicks: Int64) {
        let scaled = value * Double(unitTicks)
        // One comparison also rejects NaN and ±∞ (every comparison with NaN is false). The
        // bound (about 146,000 years in microseconds) keeps 2 × scaled inside Int64.
        if !(abs(scaled) < 4.6e18) { SimTime.outOfRange(value) }
        // Round half away from zero, as `rounded()` does, without the libm call that costs
        // as much as the rest of a hold. With w = trunc(x) and x = w + f: doubling is exact,
        // so trunc(2x) = 2w + trunc(2f), and trunc(2f) ∈ {−1, 0, 1} is exactly the
        // correction; hence round(x) = trunc(2x) − trunc(x). Two independent conversions
        // and no comparison: whether a random delay's fraction exceeds one half is a coin
        // toss a branch mispredicts (it cost a fifth of a hold), and the two conversions
        // run in parallel, off the chain from the random draw to the event list.
        ticks = Int64(scaled * 2) &- Int64(scaled)
    }

    @usableFromInline @inline(never)
    static func outOfRange(_ value: Double) -> Never {
        preconditionFailure("time value \(value) is not finite or out of range")
    }

    @inlinable public static func microseconds(_ n: Int64) -> SimTime { SimTime(ticks: n) }
    @inlinable @inline(__always) public static func seconds(_ s: Double) -> SimTime { SimTime(s, unitTicks: ticksPerSecond) }
    @inlinable @inline(__always) public static func minutes(_ m: Double) -> SimTime { SimTime(m, unitTicks: ticksPerMinute) }
    @inlinable @inline(__always) public static func hours(_ h: Double) -> SimTime { SimTime(h, unitTicks: ticksPerHour) }
    @inlinable @inline(__always) public static func days(_ d: Double) -> SimTime { SimTime(d, unitTicks: ticksPerDay) }
    @inlinable public static func seconds(_ s: Int64) -> SimTime { SimTime(ticks: s * ticksPerSecond) }
    @inlinable public static func minutes(_ m: Int64) -> SimTime { SimTime(ticks: m * ticksPerMinute) }
    @inlinable public static func hours(_ h: Int64) -> SimTime { SimTime(ticks: h * ticksPerHour) }
    @inlinable public static func days(_ d: Int64) -> SimTime { SimTime(ticks: d * ticksPerDay) }

    /// The time in seconds (exact for spans below about 285 years).
    @inlinable public var inSeconds: Double { Double(ticks) / Double(Self.ticksPerSecond) }
    @inlinable public var inMinutes: Double { Double(ticks) / Double(Self.ticksPerMinute) }
    @inlinable public var inHours: Double { Double(ticks) / Double(Self.ticksPerHour) }
    @inlinable public var inDays: Double { Double(ticks) / Double(Self.ticksPerDay) }

    @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.ticks < b.ticks }
    @inlinable public static func + (a: SimTime, b: SimTime) -> SimTime { SimTime(ticks: a.ticks + b.ticks) }
    @inlinable public static func - (a: SimTime, b: SimTime) -> SimTime { SimTime(ticks: a.ticks - b.ticks) }
    @inlinable public static func += (a: inout SimTime, b: SimTime) { a.ticks += b.ticks }
    @inlinable public static func -= (a: inout SimTime, b: SimTime) { a.ticks -= b.ticks }
    @inlinable public static func * (a: SimTime, k: Int64) -> SimTime { SimTime(ticks: a.ticks * k) }

    /// A readable rendering such as `3d 04:05:06.250000`.
    public var description: String {
        if self == .infinity { return "∞" }
        let sign = ticks < 0 ? "-" : ""
        let t = ticks.magnitude
        let tps = UInt64(Self.ticksPerSecond)
        let micros = t % tps
        let totalSeconds = t / tps
        let (d, rem) = totalSeconds.quotientAndRemainder(dividingBy: 86_400)
        let h = rem / 3_600, m = (rem % 3_600) / 60, s = rem % 60
        func two(_ v: UInt64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var text = "\(sign)\(d > 0 ? "\(d)d " : "")\(two(h)):\(two(m)):\(two(s))"
        if micros != 0 {
            let digits = String(micros)
            text += "." + String(repeating: "0", count: 6 - digits.count) + digits
        }
        return text
    }
}
