import Testing
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
}
