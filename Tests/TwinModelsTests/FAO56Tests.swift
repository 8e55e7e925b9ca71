import Testing
import TwinModels

/// Published FAO-56 check values (Allen et al. 1998; docs/model-reference.md
/// §Evapotranspiration, R1).
@Suite("FAO-56 examples")
struct FAO56Tests {
    let fao = SaturationFormula.tetens

    @Test("Example 3: e°(24.5) = 3.075, e°(15) = 1.705, e_s = 2.39 kPa")
    func example3() throws {
        let hi = try fao.saturationVapourPressure(temperature: 24.5)
        let lo = try fao.saturationVapourPressure(temperature: 15)
        #expect(abs(hi - 3.075) <= 0.001)
        #expect(abs(lo - 1.705) <= 0.001)
        #expect(abs((hi + lo) / 2 - 2.39) <= 0.005)
    }

    @Test("Example 5: e_a from T_dew = 17.0 °C is 1.938 kPa")
    func example5() throws {
        #expect(abs(try fao.saturationVapourPressure(temperature: 17) - 1.938) <= 0.001)
        #expect(abs(try Psychrometrics.dewPoint(vapourPressure: 1.938, formula: fao) - 17) < 0.01)
    }

    @Test("Example 18 (Brussels): e_s = 1.997, e_a = 1.409, Δ = 0.122 kPa/°C")
    func example18() throws {
        let eMax = try fao.saturationVapourPressure(temperature: 21.5)
        let eMin = try fao.saturationVapourPressure(temperature: 12.3)
        #expect(abs((eMax + eMin) / 2 - 1.997) <= 0.001)
        // FAO-56 eq. 17: e_a from RH_max at T_min and RH_min at T_max.
        let ea = (try Psychrometrics.vapourPressure(relativeHumidity: 84, temperature: 12.3, formula: fao)
            + Psychrometrics.vapourPressure(relativeHumidity: 63, temperature: 21.5, formula: fao)) / 2
        #expect(abs(ea - 1.409) <= 0.001)
        #expect(abs(try fao.slope(temperature: 16.9) - 0.122) <= 0.0005)
    }

    @Test("Slope Δ(25 °C) = 0.18868 kPa/°C; Annex Table 2.3 e°(25) = 3.168")
    func slope25() throws {
        // FAO eq. 13 uses 4098 for 17.27·237.3 = 4098.171, hence the 5e-5 tolerance.
        #expect(abs(try fao.slope(temperature: 25) - 0.18868) <= 5e-5)
        #expect(abs(try fao.saturationVapourPressure(temperature: 25) - 3.168) <= 0.0005)
    }
}
