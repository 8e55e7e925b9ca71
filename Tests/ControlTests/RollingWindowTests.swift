import Testing
@testable import Control

@Suite("Rolling window of the rate and baseline rules")
struct RollingWindowTests {
    @Test("irregular readings with gaps: mean and slope agree with a brute-force recomputation over the live buckets")
    func matchesBruteForce() {
        var g = GaussianSequence(seed: 21)
        let span = 3600.0
        var window = RollingWindow(span: span)
        var history: [(t: Double, x: Double)] = []
        var t = 0.0
        var checked = 0
        for k in 0..<20_000 {
            // Steps of 5 s … 3 min, and now and then a gap of up to 2 h (a dropout).
            t += k % 997 == 0 ? 7200 * abs(g.next()) : 5 + 175 * abs(g.next(sd: 0.5))
            let x = 50 + 10 * g.next()
            let (mean, rate) = window.observe(time: t, value: x, learn: true)
            // Brute force: readings whose bucket is among the N newest, up to the current one.
            let width = span / Double(RollingWindow.bucketCount)
            let now = (t / width).rounded(.down)
            let live = history.filter { ($0.t / width).rounded(.down) > now - Double(RollingWindow.bucketCount) }
            history = live
            history.append((t, x))
            guard !live.isEmpty else { #expect(mean == nil && rate == nil); continue }
            let oldestSlot = live.map { ($0.t / width).rounded(.down) }.min()!
            let oldest = live.filter { ($0.t / width).rounded(.down) == oldestSlot }
            let oldestTime = oldest.map(\.t).reduce(0, +) / Double(oldest.count)
            let oldestValue = oldest.map(\.x).reduce(0, +) / Double(oldest.count)
            let covered = t - oldestTime >= span / 2
            #expect((mean != nil) == covered && (rate != nil) == covered)
            guard covered, let mean, let rate else { continue }
            let expectedMean = live.map(\.x).reduce(0, +) / Double(live.count)
            let expectedRate = (x - oldestValue) / (t - oldestTime) * 3600
            #expect(abs(mean - expectedMean) < 1e-9 * max(1, abs(expectedMean)))
            #expect(abs(rate - expectedRate) < 1e-9 * max(1, abs(expectedRate)))
            checked += 1
        }
        #expect(checked > 15_000)
    }
}
