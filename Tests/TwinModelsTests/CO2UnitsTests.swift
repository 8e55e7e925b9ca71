import Testing
import TwinModels

@Suite("CO₂ ppm ↔ mass concentration (R2)")
struct CO2UnitsTests {
    @Test("1 ppm = 1.82955 mg m⁻³ and 1000 ppm = 1829.5 mg m⁻³ at 20 °C, 101.325 kPa")
    func published() throws {
        #expect(abs(try CO2Units.milligramsPerCubicMetrePerPPM(temperature: 20) - 1.82955) < 5e-6)
        #expect(abs(try CO2Units.milligramsPerCubicMetre(ppm: 1000, temperature: 20) - 1829.5) < 0.05)
    }

    @Test("GreenLight co2dens2ppm form and round trips")
    func roundTrip() throws {
        for t in [-10.0, 0, 20, 35] {
            for p in [80.0, 101.325] {
                for ppm in [0.0, 420, 1200, 5000] {
                    let rho = try CO2Units.kilogramsPerCubicMetre(ppm: ppm, temperature: t, pressure: p)
                    // ppm = 8.3144598e6·(T+273.15)·ρ/(P·44.01e-3) with P in Pa.
                    let greenLight = 8.3144598e6 * (t + 273.15) * rho / (p * 1000 * 44.01e-3)
                    #expect(abs(greenLight - ppm) < 1e-9 * max(1, ppm))
                    #expect(abs(try CO2Units.ppm(kilogramsPerCubicMetre: rho, temperature: t, pressure: p) - ppm) < 1e-9 * max(1, ppm))
                }
            }
        }
        // Van Henten 2003's ambient 7.2e-4 kg m⁻³ is about 400 ppm near 20 °C.
        #expect(abs(try CO2Units.ppm(kilogramsPerCubicMetre: 7.2e-4, temperature: 20) - 393.5) < 0.1)
        #expect(throws: ModelInputError.self) { try CO2Units.ppm(milligramsPerCubicMetre: -1, temperature: 20) }
        #expect(throws: ModelInputError.self) { try CO2Units.milligramsPerCubicMetre(ppm: 400, temperature: 20, pressure: 5) }
    }
}
