import Foundation
import Testing
@testable import SimKernel

@Suite struct StatisticTallyTests {
    @Test func smallSampleByHand() {
        let t = Tally([3, 1, 4, 1, 5, 9, 2, 6])
        #expect(t.count == 8)
        #expect(t.sum == 31)
        #expect(t.mean == 3.875)
        #expect(abs(t.variance - 7.553571428571429) < 1e-14)
        #expect(abs(t.populationVariance - 6.609375) < 1e-14)
        #expect(t.min == 1 && t.max == 9)
        #expect(abs(t.standardError - sqrt(7.553571428571429 / 8)) < 1e-14)
    }

    @Test func emptyAndSingle() throws {
        let empty = Tally()
        #expect(empty.isEmpty && empty.count == 0 && empty.sum == 0)
        #expect(empty.mean.isNaN && empty.variance.isNaN)
        #expect(empty.min == .infinity && empty.max == -.infinity)
        #expect(empty == Tally())
        // Empty tallies encode (no NaN/∞ in the stored form).
        let decoded = try JSONDecoder().decode(Tally.self, from: JSONEncoder().encode(empty))
        #expect(decoded == empty)
        let one = Tally([2.5])
        #expect(one.mean == 2.5 && one.variance.isNaN && one.populationVariance == 0)
        #expect(one.min == 2.5 && one.max == 2.5)
    }

    @Test func matchesDirectTwoPassComputationOnRandomData() {
        var s = RandomStream(seed: 17)
        let d = Distribution.lognormal(mean: 1e6, sd: 3)  // large offset, small spread
        let values = (0..<50_000).map { _ in d.sample(using: &s) }
        let t = Tally(values)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        #expect(abs(t.mean - mean) <= 1e-9)
        #expect(abs(t.variance - variance) / variance < 1e-8)
        #expect(t.min == values.min()! && t.max == values.max()!)
        #expect(t.count == values.count)
        // The naive one-pass formula loses most digits here; Welford must not.
        #expect(abs(t.variance - 9) < 0.5)
    }

    @Test func mergeEqualsSequentialAdding() throws {
        var s = RandomStream(seed: 4)
        let values = (0..<10_001).map { _ in Distribution.gamma(shape: 2, scale: 3).sample(using: &s) }
        let whole = Tally(values)
        var merged = Tally()
        for chunk in stride(from: 0, to: values.count, by: 997) {
            merged.merge(Tally(values[chunk..<min(chunk + 997, values.count)]))
        }
        #expect(merged.count == whole.count && merged.min == whole.min && merged.max == whole.max)
        #expect(abs(merged.sum - whole.sum) / whole.sum < 1e-13)
        #expect(abs(merged.mean - whole.mean) / whole.mean < 1e-13)
        #expect(abs(merged.variance - whole.variance) / whole.variance < 1e-12)
        #expect(Tally().merging(whole) == whole)
        #expect(whole.merging(Tally()) == whole)
    }
}
