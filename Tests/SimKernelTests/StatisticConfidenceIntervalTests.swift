import Foundation
import Testing
@testable import SimKernel

@Suite struct StatisticConfidenceIntervalTests {
    /// scipy.stats.t.interval on a fixed sample (Golden/distribution-reference.json).
    @Test func agreesWithScipy() throws {
        let golden = try RandomGolden.json("distribution-reference.json")
        let tInterval = try #require(golden["tInterval"] as? [String: Any])
        let sample = try #require(tInterval["sample"] as? [Double])
        let rows = try #require(tInterval["intervals"] as? [[String: Double]])
        #expect(rows.count == 3)
        for row in rows {
            let ci = ConfidenceInterval(samples: sample, level: row["level"]!)
            #expect(ci.count == sample.count && ci.level == row["level"]!)
            #expect(randomTestsClose(ci.mean, row["mean"]!, relative: 1e-14))
            #expect(randomTestsClose(ci.halfWidth, row["halfWidth"]!, relative: 1e-10))
            #expect(randomTestsClose(ci.lower, row["lower"]!, relative: 1e-10))
            #expect(randomTestsClose(ci.upper, row["upper"]!, relative: 1e-10))
        }
    }

    @Test func containsAndOverlaps() {
        let ci = ConfidenceInterval(samples: [12.1, 9.7, 11.4, 10.9, 13.2, 8.8, 10.1])
        #expect(ci.level == 0.95)
        #expect(ci.contains(ci.mean) && ci.contains(ci.lower) && ci.contains(ci.upper))
        #expect(!ci.contains(ci.upper.nextUp) && !ci.contains(ci.lower.nextDown))
        #expect(ci.overlaps(ConfidenceInterval(mean: 12.5, halfWidth: 0.3, level: 0.95, count: 5)))
        #expect(!ci.overlaps(ConfidenceInterval(mean: 20, halfWidth: 1, level: 0.95, count: 5)))
    }

    @Test func undefinedBelowTwoSamples() throws {
        let one = ConfidenceInterval(samples: [4.2])
        #expect(one.mean == 4.2 && one.halfWidth.isNaN && !one.contains(4.2))
        #expect(one == ConfidenceInterval(samples: [4.2]))
        let data = try JSONEncoder().encode(one)
        #expect(try JSONDecoder().decode(ConfidenceInterval.self, from: data) == one)
        #expect(ConfidenceInterval(samples: []).mean.isNaN)
    }

    /// Coverage: over 2,000 seeded experiments of 10 normal draws, the 90 % interval must
    /// contain the true mean close to 90 % of the time (binomial sd ≈ 0.67 %).
    @Test func coverageIsNominal() {
        let d = Distribution.normal(mean: 5, sd: 2)
        let streams = RandomStreams(masterSeed: 99)
        var covered = 0
        for i in 0..<2000 {
            var s = streams.stream(index: i)
            let ci = ConfidenceInterval(samples: (0..<10).map { _ in d.sample(using: &s) }, level: 0.9)
            if ci.contains(5) { covered += 1 }
        }
        #expect(abs(Double(covered) / 2000 - 0.9) < 0.025)
    }
}
