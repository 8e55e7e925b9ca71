import Testing
import TwinModels

@Suite("Stanghellini canopy transpiration")
struct CanopyTranspirationTests {
    let model = CanopyTranspiration()

    /// E in kg m⁻² h⁻¹ with canopy and air at `t` °C and `rh` %.
    func hourly(t: Double, rh: Double, radiation: Double, co2: Double, lai: Double = 3) -> Double {
        let pAir = rh / 100 * AirProperties.saturationPressure(celsius: t)
        let light = model.lightResponse(radiation: radiation)
        return 3600 * model.rate(canopyTemperature: t, airVapourPressure: pAir, co2: co2, leafAreaIndex: lai, light: light)
    }

    @Test("Stanghellini worked examples: 0.226, 0.198 and 0.045 kg m⁻² h⁻¹")
    func workedExamples() {
        #expect(abs(hourly(t: 26, rh: 60, radiation: 190, co2: 1000) - 0.226) < 0.001)
        #expect(abs(hourly(t: 24, rh: 70, radiation: 190, co2: 800) - 0.198) < 0.001)
        #expect(abs(hourly(t: 20, rh: 75, radiation: 0, co2: 420) - 0.045) < 0.001)
    }

    @Test("stomatal resistance 674 s/m at 26 °C, 60 %, 190 W/m², 1000 ppm")
    func stomatalResistance() {
        let deficit = 0.4 * AirProperties.saturationPressure(celsius: 26)
        let rs = model.stomatalResistance(light: model.lightResponse(radiation: 190), co2: 1000, vapourDeficit: deficit)
        #expect(abs(rs - 674) < 1)
    }

    @Test("transpiration rises with leaf area and deficit, is zero at saturation and negative below the dew point")
    func monotone() {
        #expect(hourly(t: 25, rh: 60, radiation: 200, co2: 800, lai: 4) > hourly(t: 25, rh: 60, radiation: 200, co2: 800, lai: 2))
        #expect(hourly(t: 25, rh: 50, radiation: 200, co2: 800) > hourly(t: 25, rh: 70, radiation: 200, co2: 800))
        #expect(abs(hourly(t: 25, rh: 100, radiation: 200, co2: 800)) < 1e-12)
        let pAir = AirProperties.saturationPressure(celsius: 25)
        #expect(model.rate(canopyTemperature: 20, airVapourPressure: pAir, co2: 800, leafAreaIndex: 3,
                           light: model.lightResponse(radiation: 0)) < 0)
    }
}
