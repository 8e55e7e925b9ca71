import Control

/// Helpers that run a detector over a series and summarise its alarms.
enum DetectorRuns {
    /// Index of the first alarm, or nil.
    static func firstAlarm<D: StreamingDetector>(_ detector: inout D, _ series: [Double]) -> Int? {
        for (i, x) in series.enumerated() where detector.update(x).alarm { return i }
        return nil
    }

    /// Zero-state run length: samples up to and including the first alarm on a stream of
    /// N(shift, 1), capped at `cap`; averaged over `replications` seeds.
    static func averageRunLength<D: StreamingDetector>(
        _ make: () -> D, shift: Double, replications: Int, cap: Int = 50_000, seed: UInt64
    ) -> Double {
        var total = 0
        for r in 0..<replications {
            var g = GaussianSequence(seed: seed &+ UInt64(r) &* 1_000_003)
            var d = make()
            var n = 0
            while n < cap {
                n += 1
                if d.update(g.next(mean: shift)).alarm { break }
            }
            total += n
        }
        return Double(total) / Double(replications)
    }
}
