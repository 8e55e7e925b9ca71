/// Time-bucketed rolling statistics of one signal over the last `span` seconds, in fixed memory.
///
/// Readings may arrive at any spacing, so a sample-count ring buffer would not cover a fixed
/// time span; instead the span is cut into `bucketCount` equal buckets, each holding the sum
/// of the readings, of their times and their count. A bucket older than the span is dropped
/// whole, so the window covers between (N−1)/N and 1 span. The bucket means are exact for a
/// linear signal (the mean reading sits at the mean time), which makes the slope from the
/// oldest bucket to the newest reading exact for a ramp. Totals are updated incrementally
/// and re-summed from the buckets once per N new buckets, so rounding cannot accumulate;
/// nothing allocates after `init`.
struct RollingWindow: Sendable, Hashable {
    /// Buckets per span; 30 gives 2-minute buckets on a 1-hour window.
    static let bucketCount = 30

    let span: Double
    let bucketWidth: Double
    private var slots: [Int64]
    private var sums: [Double]
    private var timeSums: [Double]
    private var counts: [Int]
    private var currentSlot = Int64.min
    private var totalSum = 0.0
    private var totalCount = 0
    /// Bucket index of the oldest non-empty bucket, −1 when empty.
    private var oldest = -1
    private var slotsSinceResum = 0

    init(span: Double) {
        self.span = span
        bucketWidth = span / Double(Self.bucketCount)
        slots = Array(repeating: .min, count: Self.bucketCount)
        sums = Array(repeating: 0, count: Self.bucketCount)
        timeSums = Array(repeating: 0, count: Self.bucketCount)
        counts = Array(repeating: 0, count: Self.bucketCount)
    }

    private func slot(of time: Double) -> Int64 { Int64((time / bucketWidth).rounded(.down)) }

    private static func index(of slot: Int64) -> Int {
        let n = Int64(bucketCount)
        return Int(((slot % n) + n) % n)
    }

    /// Drops the buckets that fell out of the window ending at `time` (time never decreases).
    ///
    /// Only the buckets between the previous and the new window start are visited, so a
    /// call costs O(1) amortised; a full re-sum once per N new buckets bounds rounding.
    mutating func advance(to time: Double) {
        let now = slot(of: time)
        guard now != currentSlot else { return }
        let n = Int64(Self.bucketCount)
        let firstLive = now - n + 1
        if currentSlot == .min || now - currentSlot >= n {
            clearAll()
        } else {
            var s = currentSlot - n + 1
            while s < firstLive {
                let i = Self.index(of: s)
                if slots[i] == s { reset(i) }
                s += 1
            }
        }
        slotsSinceResum += currentSlot == .min ? 0 : Int(min(now - currentSlot, n))
        currentSlot = now
        if slotsSinceResum >= Self.bucketCount {
            resum()
        } else if oldest >= 0, counts[oldest] == 0 {
            oldest = -1
            var s = firstLive
            while s <= now {
                let i = Self.index(of: s)
                if slots[i] == s, counts[i] > 0 {
                    oldest = i
                    break
                }
                s += 1
            }
        }
    }

    private mutating func reset(_ i: Int) {
        totalSum -= sums[i]
        totalCount -= counts[i]
        slots[i] = .min
        sums[i] = 0
        timeSums[i] = 0
        counts[i] = 0
    }

    private mutating func clearAll() {
        for i in 0..<Self.bucketCount {
            slots[i] = .min
            sums[i] = 0
            timeSums[i] = 0
            counts[i] = 0
        }
        totalSum = 0
        totalCount = 0
        oldest = -1
    }

    /// Exact totals and oldest bucket from the buckets themselves.
    private mutating func resum() {
        slotsSinceResum = 0
        totalSum = 0
        totalCount = 0
        oldest = -1
        var oldestSlot = Int64.max
        for i in 0..<Self.bucketCount where counts[i] > 0 {
            totalSum += sums[i]
            totalCount += counts[i]
            if slots[i] < oldestSlot {
                oldestSlot = slots[i]
                oldest = i
            }
        }
    }

    /// Advances to `time`, returns the mean of the readings before this one (nil until half
    /// the span is covered) and the slope to (`time`, `value`) in units per hour (likewise),
    /// then adds the reading if `learn`. One call per reading keeps the hot path to a single
    /// in-place access.
    mutating func observe(time: Double, value: Double, learn: Bool) -> (mean: Double?, ratePerHour: Double?) {
        advance(to: time)
        let result = (mean(at: time), ratePerHour(at: time, value: value))
        if learn { insert(time: time, value: value) }
        return result
    }

    /// Adds a reading taken at `time` (after `advance(to: time)`).
    mutating func insert(time: Double, value: Double) {
        let s = slot(of: time)
        let i = Self.index(of: s)
        if slots[i] != s {
            if slots[i] != .min { reset(i) }
            slots[i] = s
        }
        sums[i] += value
        timeSums[i] += time
        counts[i] += 1
        totalSum += value
        totalCount += 1
        if oldest < 0 { oldest = i }
    }

    /// How far back the data reach from `time`, s (0 when empty): the age of the oldest bucket's mean time.
    func coverage(at time: Double) -> Double {
        guard oldest >= 0 else { return 0 }
        return time - timeSums[oldest] / Double(counts[oldest])
    }

    /// Mean of the readings in the window; nil when less than half the span is covered.
    func mean(at time: Double) -> Double? {
        guard totalCount > 0, coverage(at: time) >= span / 2 else { return nil }
        return totalSum / Double(totalCount)
    }

    /// Slope from the oldest bucket's mean to (`time`, `value`), units per hour; nil when
    /// less than half the span is covered.
    func ratePerHour(at time: Double, value: Double) -> Double? {
        let age = coverage(at: time)
        guard age >= span / 2, age > 0 else { return nil }
        let then = sums[oldest] / Double(counts[oldest])
        return (value - then) / age * 3600
    }
}
