import CGSL
import Foundation
import Testing
@testable import SimKernel

@Suite struct DistributionQuantileTests {
    @Test func standardNormalKnownValues() {
        let z = Distribution.normal(mean: 0, sd: 1)
        #expect(randomTestsClose(z.quantile(0.975), 1.959963984540054, relative: 1e-15))
        #expect(randomTestsClose(z.quantile(0.025), -1.959963984540054, relative: 1e-15))
        #expect(z.quantile(0.5) == 0)
        #expect(randomTestsClose(z.cdf(1.959963984540054), 0.975, relative: 1e-15))
        #expect(randomTestsClose(Distribution.normal(mean: 10, sd: 2).quantile(0.975),
                                 10 + 2 * 1.959963984540054, relative: 1e-15))
    }

    @Test func closedForms() {
        let e = Distribution.exponential(mean: 2.5)
        #expect(randomTestsClose(e.quantile(0.5), 2.5 * log(2), relative: 1e-15))
        #expect(randomTestsClose(e.cdf(2.5), 1 - exp(-1), relative: 1e-15))
        // Tiny p keeps full relative precision on both the log and the log1p path.
        #expect(randomTestsClose(e.quantile(0x1.0p-53), 2.5 * 0x1.0p-53, relative: 1e-15))
        #expect(randomTestsClose(e.quantile(1e-300), 2.5e-300, relative: 1e-15))
        #expect(e.quantile(0).sign == .plus)
        let w = Distribution.weibull(shape: 2, scale: 100)
        // The scale is the 63.2 % life: F(λ) = 1 − 1/e.
        #expect(randomTestsClose(w.quantile(1 - exp(-1)), 100, relative: 1e-13))
        #expect(randomTestsClose(w.quantile(0.5), 100 * sqrt(log(2)), relative: 1e-15))
        let t = Distribution.triangular(min: 1, mode: 2, max: 4)
        #expect(randomTestsClose(t.quantile(1.0 / 3), 2, relative: 1e-15))
        #expect(randomTestsClose(t.cdf(2), 1.0 / 3, relative: 1e-15))
        #expect(Distribution.uniform(min: -1, max: 3).quantile(0.25) == 0)
        #expect(Distribution.bernoulli(p: 0.1).quantile(0.9) == 0)
        #expect(Distribution.bernoulli(p: 0.1).quantile(0.9000001) == 1)
        #expect(Distribution.constant(7).quantile(0.3) == 7)
        let table = Distribution.empirical(values: [5, 1, 2], weights: [0.2, 0.5, 0.3])
        #expect([0.1, 0.5, 0.50001, 0.8, 0.9].map(table.quantile) == [1, 1, 2, 2, 5])
        #expect([0.0, 1.0, 1.5, 4.99, 5.0].map(table.cdf) == [0, 0.5, 0.5, 0.8, 1.0])
        let linear = Distribution.empiricalContinuous(points: [4, 0, 1, 3])
        #expect([0.0, 1.0 / 6, 0.5, 5.0 / 6, 1.0].map(linear.quantile) == [0, 0.5, 2, 3.5, 4])
        #expect(linear.cdf(2) == 0.5)
        #expect(linear.cdf(-1) == 0 && linear.cdf(9) == 1)
    }

    /// Quantiles, CDFs at three points, against SciPy (Golden/distribution-reference.json).
    @Test func agreesWithScipy() throws {
        let golden = try RandomGolden.json("distribution-reference.json")
        let entries = try #require(golden["distributions"] as? [[String: Any]])
        #expect(entries.count >= 10)
        for entry in entries {
            let spec = try JSONSerialization.data(withJSONObject: entry["distribution"]!)
            let d = try JSONDecoder().decode(Distribution.self, from: spec)
            let ps = try #require(entry["p"] as? [Double])
            let qs = try #require(entry["quantile"] as? [Double])
            for (p, q) in zip(ps, qs) {
                let tolerance = d.isDiscreteInteger ? 0 : 1e-9
                #expect(randomTestsClose(d.quantile(p), q, relative: tolerance, absolute: 1e-300),
                        "\(d).quantile(\(p)) = \(d.quantile(p)), scipy \(q)")
            }
            let xs = try #require(entry["x"] as? [Double])
            let cdfs = try #require(entry["cdf"] as? [Double])
            for (x, c) in zip(xs, cdfs) {
                #expect(randomTestsClose(d.cdf(x), c, relative: 1e-10), "\(d).cdf(\(x)) = \(d.cdf(x)), scipy \(c)")
            }
        }
    }

    @Test(arguments: DistributionTestCases.all.filter { !$0.isDiscreteInteger })
    func quantileInvertsTheCdf(_ d: Distribution) {
        var worst = 0.0
        for i in 1..<200 {
            let p = Double(i) / 200
            let x = d.quantile(p)
            if case .empirical = d {
                // Generalised inverse of a step CDF: F(x) ≥ p and nothing smaller reaches p.
                #expect(d.cdf(x) >= p)
                #expect(d.cdf(x.nextDown) < p)
            } else if case .constant = d {
                #expect(x == 7)
            } else {
                worst = max(worst, abs(d.cdf(x) - p))
            }
        }
        #expect(worst < 1e-9, "\(d): worst |F(Q(p)) - p| = \(worst)")
    }

    @Test(arguments: [3.5, 29.9, 30.0, 250.0, 1e5, 1e6])
    func poissonQuantileIsTheGeneralisedInverse(_ mean: Double) {
        let d = Distribution.poisson(mean: mean)
        let ps = [1e-12, 0x1.0p-53, 0.001, 0.1, 0.5, 0.63, 0.9, 0.999, 1 - 0x1.0p-53]
        for p in ps {
            let k = d.quantile(p)
            #expect(k.isFinite && k == k.rounded() && k >= 0)
            // F(k) ≥ p and F(k − 1) < p, up to the rounding of GSL's CDF near 1.
            #expect(d.cdf(k) >= p - 1e-12, "mean \(mean) p \(p) k \(k) F(k) \(d.cdf(k))")
            if k > 0 {
                #expect(d.cdf(k - 1) < p + 1e-12, "mean \(mean) p \(p) k \(k) F(k-1) \(d.cdf(k - 1))")
            }
        }
    }

    @Test(arguments: DistributionTestCases.all)
    func extremeUniformsGiveFiniteVariates(_ d: Distribution) {
        for u in [0x1.0p-53, 0x1.0p-40, 0.5, 1 - 0x1.0p-40, 1 - 0x1.0p-53] {
            let x = d.quantile(u)
            #expect(x.isFinite, "\(d).quantile(\(u)) = \(x)")
        }
    }

    @Test func endsAndOutOfRangeProbabilities() {
        let n = Distribution.normal(mean: 0, sd: 1)
        #expect(n.quantile(0) == -.infinity && n.quantile(1) == .infinity)
        #expect(Distribution.exponential(mean: 1).quantile(0) == 0)
        #expect(Distribution.exponential(mean: 1).quantile(1) == .infinity)
        #expect(Distribution.gamma(shape: 2, scale: 1).quantile(0) == 0)
        #expect(Distribution.beta(a: 2, b: 3).quantile(1) == 1)
        #expect(Distribution.poisson(mean: 3).quantile(1) == .infinity)
        for d in DistributionTestCases.all {
            #expect(d.quantile(-0.1).isNaN && d.quantile(1.1).isNaN && d.quantile(.nan).isNaN, "\(d)")
            #expect(d.cdf(.nan).isNaN, "\(d)")
        }
    }

    @Test func degenerateSpreadIsAPointMass() {
        #expect(Distribution.normal(mean: 3, sd: 0).quantile(0.2) == 3)
        #expect(Distribution.lognormal(mean: 3, sd: 0).quantile(0.9) == 3)
        #expect(Distribution.normal(mean: 3, sd: 0).cdf(2.9) == 0)
        #expect(Distribution.normal(mean: 3, sd: 0).cdf(3) == 1)
    }

    @Test func lognormalParameterisations() {
        let (mu, sigma) = Distribution.lognormalParameters(mean: 4, sd: 2)
        #expect(randomTestsClose(mu, 1.2747225854627857, relative: 1e-15))
        #expect(randomTestsClose(sigma, 0.47238072707743883, relative: 1e-15))
        let byLog = Distribution.lognormal(mu: mu, sigma: sigma)
        guard case let .lognormal(mean, sd) = byLog else {
            Issue.record("lognormal(mu:sigma:) built \(byLog)")
            return
        }
        #expect(randomTestsClose(mean, 4, relative: 1e-14) && randomTestsClose(sd, 2, relative: 1e-14))
        // The median of a lognormal is e^μ.
        #expect(randomTestsClose(byLog.quantile(0.5), exp(mu), relative: 1e-13))
    }

    @Test func tDistributionQuantilesMatchScipy() throws {
        let golden = try RandomGolden.json("distribution-reference.json")
        let rows = try #require(golden["tQuantiles"] as? [[String: Double]])
        _ = Distribution.gslErrorHandlerOff
        for row in rows {
            let t = gsl_cdf_tdist_Pinv(row["p"]!, row["df"]!)
            #expect(randomTestsClose(t, row["t"]!, relative: 1e-10), "\(row)")
        }
    }
}
