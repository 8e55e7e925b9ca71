import Foundation
import SimKernel
import Testing
import TwinModels

/// The Weibull damage life and the threshold inversion behind every machine failure.
@Suite("WeibullLife")
struct WeibullLifeTests {
    @Test("ISO 281 bearing life: 10 % of bearings have failed at 1·L10 (H = −ln 0.9)")
    func bearingL10() {
        let life = WeibullLife.bearingISO281
        #expect(life.shape == 1.5)
        #expect(abs(life.cumulativeHazard(damage: 1) + log(0.9)) < 1e-12)
        #expect(abs(life.scale - 4.4828) < 1e-3)
    }

    @Test("damageAtFailure inverts the cumulative hazard")
    func inversion() throws {
        let life = try WeibullLife(shape: 2.3, scale: 1.7)
        for e in [1e-6, 0.1, 0.693, 1, 3.5] {
            #expect(abs(life.cumulativeHazard(damage: life.damageAtFailure(threshold: e)) / e - 1) < 1e-12)
        }
    }

    @Test("hazardPerDamage is dH/dd (central difference)")
    func derivative() throws {
        let life = try WeibullLife(shape: 3, scale: 1)
        for d in [0.2, 0.7, 1.4] {
            let h = 1e-6
            let numeric = (life.cumulativeHazard(damage: d + h) - life.cumulativeHazard(damage: d - h)) / (2 * h)
            #expect(abs(life.hazardPerDamage(damage: d) / numeric - 1) < 1e-8)
        }
    }

    @Test("thresholds −ln U from a seeded stream give the Weibull mean η·Γ(1 + 1/β) within 4 SE")
    func sampledMean() throws {
        let life = WeibullLife.bearingISO281
        var stream = RandomStream(seed: 11)
        let n = 20_000
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n {
            let d = life.damageAtFailure(threshold: FailureThresholds.exponential(uniform: stream.uniformOpen()))
            sum += d
            sumSq += d * d
        }
        let mean = sum / Double(n)
        let se = ((sumSq / Double(n) - mean * mean) / Double(n)).squareRoot()
        #expect(abs(mean - life.meanDamageToFailure) < 4 * se)
    }

    @Test("invalid shape or scale throws")
    func invalid() {
        #expect(throws: ModelInputError.self) { try WeibullLife(shape: 0.1, scale: 1) }
        #expect(throws: ModelInputError.self) { try WeibullLife(shape: 2, scale: 0) }
    }
}
