import Testing
import SimKernel
@testable import TwinModels

/// Mould hazard: negligible below a_w ≈ 0.65, rising steeply above, faster when warm.
@Suite("Mould risk")
struct MouldRiskTests {
    let risk = MouldRisk()

    @Test("the hazard rises with relative humidity (air water activity) at every temperature")
    func risesWithHumidity() throws {
        for t in [10.0, 18, 25] {
            var last = 0.0
            for rh in stride(from: 40.0, through: 95, by: 5) {
                let h = try risk.hazard(waterActivity: rh / 100, temperature: t)
                #expect(h > last)
                last = h
            }
        }
    }

    @Test("threshold behaviour: < 1 % of the maximum under a_w 0.65, half at 0.75; Q10 = 2")
    func threshold() throws {
        #expect(try risk.hazard(waterActivity: 0.65, temperature: 20) < 0.01 * risk.maximumHazard)
        #expect(abs(try risk.hazard(waterActivity: 0.75, temperature: 20) - 0.5 * risk.maximumHazard) < 1e-15)
        #expect(abs(try risk.hazard(waterActivity: 0.7, temperature: 30) / risk.hazard(waterActivity: 0.7, temperature: 20) - 2) < 1e-12)
    }

    @Test("probability from cumulative hazard; 60 % RH for two weeks stays rare, 80 % RH is likely")
    func probability() throws {
        let dry = try MouldRisk.probability(cumulativeHazard: risk.hazard(waterActivity: 0.60, temperature: 15.6) * 336)
        let wet = try MouldRisk.probability(cumulativeHazard: risk.hazard(waterActivity: 0.80, temperature: 15.6) * 336)
        #expect(dry < 0.01)
        #expect(wet > 0.85)
        #expect(throws: ModelInputError.self) { try MouldRisk.probability(cumulativeHazard: -1) }
        #expect(throws: ModelInputError.self) { try risk.hazard(waterActivity: 1.2, temperature: 20) }
    }

    @Test("seeded mould draws follow the probability: wetter exposure, more mould")
    func draws() throws {
        var stream = RandomStream(seed: 21)
        func rate(_ aw: Double) throws -> Double {
            let hazard = try risk.hazard(waterActivity: aw, temperature: 18) * 336
            var hits = 0
            for _ in 0..<5_000 {
                if try MouldRisk.occurs(cumulativeHazard: hazard, using: &stream) { hits += 1 }
            }
            return Double(hits) / 5_000
        }
        let dry = try rate(0.60), damp = try rate(0.70), wet = try rate(0.75)
        #expect(dry < damp && damp < wet)
        let expected = try MouldRisk.probability(cumulativeHazard: risk.hazard(waterActivity: 0.70, temperature: 18) * 336)
        #expect(abs(damp - expected) < 4 * (expected * (1 - expected) / 5_000).squareRoot())
    }
}
