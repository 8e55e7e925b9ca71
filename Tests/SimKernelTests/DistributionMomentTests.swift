import Foundation
import Testing
@testable import SimKernel

@Suite struct DistributionMomentTests {
    /// 200,000 inversion draws per distribution: the sample mean must lie within 5 standard
    /// errors of `mean`, and the sample variance within 5 of its own standard errors of
    /// `variance` (estimated from the sample's fourth central moment).
    @Test(arguments: DistributionTestCases.all)
    func sampleMomentsMatchTheory(_ d: Distribution) throws {
        try d.validate()
        let n = 200_000
        var stream = RandomStreams(masterSeed: 2024).stream("moments/\(d.kind)")
        var values = [Double](repeating: 0, count: n)
        for i in 0..<n { values[i] = d.sample(using: &stream) }
        let tally = Tally(values)
        let m4 = values.reduce(0) { $0 + pow($1 - tally.mean, 4) } / Double(n)
        let varianceSE = sqrt(max(m4 - tally.populationVariance * tally.populationVariance, 0) / Double(n))

        let meanTolerance = 5 * sqrt(d.variance / Double(n)) + 1e-12 * abs(d.mean)
        #expect(abs(tally.mean - d.mean) <= meanTolerance, "\(d): mean \(tally.mean) vs \(d.mean)")
        #expect(abs(tally.variance - d.variance) <= 5 * varianceSE + 1e-12,
                "\(d): variance \(tally.variance) vs \(d.variance)")
        if d.isDiscreteInteger {
            #expect(values.allSatisfy { $0 == $0.rounded() && $0 >= 0 })
        }
    }

    @Test func momentsAgreeWithScipy() throws {
        let golden = try RandomGolden.json("distribution-reference.json")
        let entries = try #require(golden["distributions"] as? [[String: Any]])
        for entry in entries {
            let spec = try JSONSerialization.data(withJSONObject: entry["distribution"]!)
            let d = try JSONDecoder().decode(Distribution.self, from: spec)
            #expect(randomTestsClose(d.mean, try RandomGolden.number(entry["mean"]), relative: 1e-12), "\(d)")
            #expect(randomTestsClose(d.variance, try RandomGolden.number(entry["variance"]), relative: 1e-10), "\(d)")
        }
    }

    @Test func tableMomentsByHand() {
        let discrete = Distribution.empirical(values: [1, 2, 5], weights: [0.5, 0.3, 0.2])
        #expect(abs(discrete.mean - 2.1) < 1e-15)
        #expect(abs(discrete.variance - (0.5 * 1.21 + 0.3 * 0.01 + 0.2 * 8.41)) < 1e-14)
        // Three gaps of equal probability: uniform on [0,1], [1,3], [3,4].
        let continuous = Distribution.empiricalContinuous(points: [0, 1, 3, 4])
        #expect(abs(continuous.mean - 2) < 1e-15)
        let secondMoment = (1.0 / 3 + 13.0 / 3 + 37.0 / 3) / 3
        #expect(abs(continuous.variance - (secondMoment - 4)) < 1e-14)
    }

    /// Every variate consumes exactly one 64-bit draw, whatever the distribution.
    @Test(arguments: DistributionTestCases.all)
    func everyVariateCostsExactlyOneDraw(_ d: Distribution) {
        var sampled = RandomStream(seed: 8)
        var advanced = RandomStream(seed: 8)
        for _ in 0..<1000 {
            _ = d.sample(using: &sampled)
            _ = advanced.next()
        }
        #expect(sampled == advanced)
    }

    /// Common random numbers: the same stream drives monotonically coupled variates.
    @Test func commonRandomNumbersCoupleScenarios() {
        let pairs: [(Distribution, Distribution)] = [
            (.exponential(mean: 2), .exponential(mean: 3)),
            (.weibull(shape: 2, scale: 90), .weibull(shape: 2, scale: 100)),
            (.gamma(shape: 2, scale: 1), .gamma(shape: 3, scale: 1)),
            (.poisson(mean: 4), .poisson(mean: 5)),
        ]
        for (smaller, larger) in pairs {
            var a = RandomStreams(masterSeed: 3).stream("repairs")
            var b = RandomStreams(masterSeed: 3).stream("repairs")
            var violations = 0
            for _ in 0..<10_000 where smaller.sample(using: &a) > larger.sample(using: &b) {
                violations += 1
            }
            #expect(violations == 0, "\(smaller) vs \(larger)")
        }
    }
}
