import Testing
import TwinModels

@Suite("Light units and daily light integral (R2)")
struct LightUnitsTests {
    @Test("DLI(900, 12 h) = 38.88 mol m⁻² d⁻¹")
    func dli() throws {
        #expect(abs(try LightUnits.dailyLightIntegral(ppfd: 900, hours: 12) - 38.88) < 1e-12)
        #expect(abs(try LightUnits.ppfd(dailyLightIntegral: 38.88, hours: 12) - 900) < 1e-9)
        #expect(try LightUnits.dailyLightIntegral(ppfd: 900, hours: 0) == 0)
        #expect(throws: ModelInputError.self) { try LightUnits.dailyLightIntegral(ppfd: 900, hours: 25) }
        #expect(throws: ModelInputError.self) { try LightUnits.ppfd(dailyLightIntegral: 10, hours: 0) }
    }

    @Test("energy per mole of photons is 1/PPE: 102.9 Wh at 2.7, 92.6 Wh at 3.0")
    func energyPerMole() throws {
        #expect(abs(try LightUnits.energyPerMole(efficacy: 2.7) - 102.88) < 0.01)
        #expect(abs(try LightUnits.energyPerMole(efficacy: 3.0) - 92.59) < 0.01)
        // DLI × Wh/mol = daily lighting energy: 38.88 mol at 2.7 µmol/J is 4.000 kWh.
        #expect(abs(38.88 * (try LightUnits.energyPerMole(efficacy: 2.7)) / 1000 - 4.0) < 1e-12)
    }

    @Test("PPFD ↔ PAR W m⁻² with ζ")
    func parConversion() throws {
        let w = try LightUnits.parIrradiance(ppfd: 541, photonsPerJoule: 5.41)
        #expect(abs(w - 100) < 1e-12)
        #expect(abs(try LightUnits.ppfd(parIrradiance: 100, photonsPerJoule: LightUnits.sunlightPhotonsPerJoulePAR) - 460) < 1e-9)
        #expect(throws: ModelInputError.self) { try LightUnits.parIrradiance(ppfd: 100, photonsPerJoule: 0) }
    }
}
