import Testing
@testable import TwinModels

/// THC degradation: Ross & ElSohly (1997) ≈ 17 % loss in a year at room temperature; faster when warm.
@Suite("Potency decay")
struct PotencyDecayTests {
    @Test("one year at 20 °C loses 16–18 % of THC (Ross & ElSohly 1997)")
    func oneYear() throws {
        let after = try PotencyDecay().step(potency: 20, temperature: 20, hours: 8760)
        let loss = 1 - after / 20
        #expect(loss > 0.16 && loss < 0.18)
    }

    @Test("warmer storage degrades faster; a drying fortnight at 15.6 °C costs under 0.5 %")
    func temperature() throws {
        let model = PotencyDecay()
        #expect(try model.rate(temperature: 30) > 2 * model.rate(temperature: 20))
        #expect(try 1 - model.step(potency: 20, temperature: 15.6, hours: 336) / 20 < 0.005)
        #expect(throws: ModelInputError.self) { try model.step(potency: 50, temperature: 20, hours: 1) }
    }
}
