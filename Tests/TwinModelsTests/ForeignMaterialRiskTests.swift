import Testing
import SimKernel
@testable import TwinModels

/// Foreign material: independent chances per trimming pass.
@Suite("Foreign material risk")
struct ForeignMaterialRiskTests {
    @Test("probability is 1 − (1 − p)^passes and grows with passes")
    func passes() throws {
        let risk = ForeignMaterialRisk(perPass: 0.02)
        #expect(try risk.probability(passes: 0) == 0)
        #expect(abs(try risk.probability(passes: 2) - 0.0396) < 1e-12)
        #expect(try risk.probability(passes: 3) > risk.probability(passes: 2))
        #expect(throws: ModelInputError.self) { try ForeignMaterialRisk(perPass: 1.5).probability(passes: 1) }
    }

    @Test("seeded draws occur at the modelled rate and repeat with the seed")
    func draws() throws {
        let risk = ForeignMaterialRisk(perPass: 0.02)
        var a = RandomStream(seed: 9), b = RandomStream(seed: 9)
        var hits = 0
        for _ in 0..<10_000 {
            let x = try risk.occurs(passes: 2, using: &a)
            #expect(x == (try risk.occurs(passes: 2, using: &b)))
            if x { hits += 1 }
        }
        // p = 0.0396, standard error 0.0020: four of them.
        #expect(abs(Double(hits) / 10_000 - 0.0396) < 0.008)
    }
}
