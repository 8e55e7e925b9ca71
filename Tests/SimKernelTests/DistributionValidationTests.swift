import Testing
@testable import SimKernel

@Suite struct DistributionValidationTests {
    @Test(arguments: DistributionTestCases.all)
    func goodParametersPass(_ d: Distribution) throws {
        try d.validate()
    }

    /// Each bad distribution, the parameter the error must name and its code.
    static let bad: [(Distribution, String, DistributionError.Code)] = [
        (.exponential(mean: 0), "mean", .invalidParameter),
        (.exponential(mean: -.infinity), "mean", .invalidParameter),
        (.normal(mean: .nan, sd: 1), "mean", .invalidParameter),
        (.normal(mean: 0, sd: -1), "sd", .invalidParameter),
        (.lognormal(mean: -4, sd: 2), "mean", .invalidParameter),
        (.lognormal(mean: 4, sd: .infinity), "sd", .invalidParameter),
        (.weibull(shape: -1, scale: 100), "shape", .invalidParameter),
        (.weibull(shape: 2, scale: 0), "scale", .invalidParameter),
        (.gamma(shape: 0, scale: 1), "shape", .invalidParameter),
        (.beta(a: 1, b: -0.5), "b", .invalidParameter),
        (.triangular(min: 3, mode: 3, max: 3), "min/max", .inconsistentParameters),
        (.triangular(min: 1, mode: 5, max: 4), "mode", .invalidParameter),
        (.uniform(min: 2, max: 1), "min/max", .inconsistentParameters),
        (.poisson(mean: 0), "mean", .invalidParameter),
        (.poisson(mean: 1e12), "mean", .invalidParameter),
        (.bernoulli(p: 1.5), "p", .invalidParameter),
        (.empirical(values: []), "values", .emptyTable),
        (.empirical(values: [1, .nan]), "values[1]", .invalidParameter),
        (.empirical(values: [1, 2], weights: [1]), "weights", .lengthMismatch),
        (.empirical(values: [1, 2], weights: [1, -1]), "weights[1]", .invalidParameter),
        (.empirical(values: [1, 2], weights: [0, 0]), "weights", .invalidParameter),
        (.empiricalContinuous(points: [1]), "points", .emptyTable),
        (.empiricalContinuous(points: [2, 2, 2]), "points", .invalidParameter),
        (.empiricalContinuous(points: [1, .infinity]), "points[1]", .invalidParameter),
        (.constant(.nan), "value", .invalidParameter),
    ]

    @Test func badParametersAreNamedInTheError() {
        for (d, parameter, code) in Self.bad {
            do {
                try d.validate()
                Issue.record("\(d) passed validation")
            } catch let error as DistributionError {
                #expect(error.code == code, "\(d): \(error)")
                #expect(error.parameter == parameter, "\(d): \(error)")
                #expect(error.kind == d.kind)
                #expect(error.message.hasPrefix("\(d.kind): \(parameter) = "), "\(error.message)")
                #expect(error.message.contains("expected"), "\(error.message)")
            } catch {
                Issue.record("\(d): unexpected error type \(error)")
            }
        }
    }

    @Test func messageIsActionable() {
        #expect(throws: DistributionError.self) { try Distribution.weibull(shape: -1, scale: 100).validate() }
        do {
            try Distribution.weibull(shape: -1, scale: 100).validate()
        } catch let error as DistributionError {
            #expect(error.message == "weibull: shape = -1.0 is invalid; expected a finite number > 0")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func invalidParametersSampleAsNaNNotCrash() {
        var s = RandomStream(seed: 1)
        #expect(Distribution.empirical(values: []).sample(using: &s).isNaN)
        #expect(Distribution.empiricalContinuous(points: [1]).sample(using: &s).isNaN)
        #expect(Distribution.gamma(shape: -1, scale: 1).sample(using: &s).isNaN)
    }
}
