import Foundation
import Testing
import TwinModels

@Suite("Moist-air psychrometrics")
struct PsychrometricsTests {
    @Test("RH → e → W → e → RH round trip", arguments: SaturationFormula.allCases)
    func roundTrip(_ formula: SaturationFormula) throws {
        for t in [-10.0, 0.5, 12, 24, 35, 48] where formula.validTemperatureRange.contains(t) {
            for rh in [1.0, 35, 60, 87.5, 100] {
                let e = try Psychrometrics.vapourPressure(relativeHumidity: rh, temperature: t, formula: formula)
                let w = try Psychrometrics.humidityRatio(vapourPressure: e, pressure: 95)
                let e2 = try Psychrometrics.vapourPressure(humidityRatio: w, pressure: 95)
                let rho = try Psychrometrics.vapourDensity(vapourPressure: e2, temperature: t)
                let e3 = try Psychrometrics.vapourPressure(vapourDensity: rho, temperature: t)
                let rh2 = try Psychrometrics.relativeHumidity(vapourPressure: e3, temperature: t, formula: formula)
                #expect(abs(rh2 - rh) < 1e-9, "\(formula) \(t) °C \(rh) %")
            }
        }
    }

    @Test("dew point of saturated air equals the air temperature", arguments: SaturationFormula.allCases)
    func dewPointAtSaturation(_ formula: SaturationFormula) throws {
        for t in [-15.0, 0, 0.01, 7, 21, 29.5, 44] where formula.validTemperatureRange.contains(t) {
            let e = try formula.saturationVapourPressure(temperature: t)
            #expect(abs(try Psychrometrics.dewPoint(vapourPressure: e, formula: formula) - t) < 1e-8)
            #expect(try Psychrometrics.dewPoint(temperature: t, relativeHumidity: 100, formula: formula) == t)
        }
    }

    @Test("Magnus dew point matches its closed-form inverse")
    func magnusDewPoint() throws {
        let t = 25.0, rh = 60.0
        let g = log(rh / 100) + 17.625 * t / (243.04 + t)
        let expected = 243.04 * g / (17.625 - g)
        #expect(abs(try Psychrometrics.dewPoint(temperature: t, relativeHumidity: rh, formula: .magnus) - expected) < 1e-10)
        // And the ASHRAE dew point is within 0.05 °C of it (16.7 °C).
        #expect(abs(try Psychrometrics.dewPoint(temperature: t, relativeHumidity: rh) - expected) < 0.05)
    }

    @Test("VPD at known points")
    func vpd() throws {
        // 25 °C, 60 % RH with Tetens: 3.16778·0.4 = 1.26711 kPa.
        #expect(abs(try Psychrometrics.vapourPressureDeficit(temperature: 25, relativeHumidity: 60, formula: .tetens)
            - 1.267112) < 1e-5)
        #expect(try Psychrometrics.vapourPressureDeficit(temperature: 20, relativeHumidity: 100) == 0)
        // Leaf 2 °C cooler than air at 26 °C / 65 % (H-W): e°(24) − 0.65·e°(26).
        let leaf = try Psychrometrics.leafVapourPressureDeficit(leafTemperature: 24, airTemperature: 26, relativeHumidity: 65)
        let expected = try SaturationFormula.hylandWexler.saturationVapourPressure(temperature: 24)
            - 0.65 * SaturationFormula.hylandWexler.saturationVapourPressure(temperature: 26)
        #expect(abs(leaf - expected) < 1e-12)
        #expect(abs(leaf - 0.7991) < 0.0001)
        // Leaf at air temperature: leaf VPD equals air VPD.
        #expect(abs(try Psychrometrics.leafVapourPressureDeficit(leafTemperature: 26, airTemperature: 26, relativeHumidity: 65)
            - Psychrometrics.vapourPressureDeficit(temperature: 26, relativeHumidity: 65)) < 1e-12)
    }

    @Test("humidity ratio, vapour density and enthalpy at 20 °C saturated, sea level")
    func ashraeValues() throws {
        let air = try MoistAir(temperature: 20, relativeHumidity: 100)
        // Ideal-gas value 0.621945·2.33880/(101.325 − 2.33880). ASHRAE 2017 Table 2 lists
        // W_s(20 °C) = 0.014758 and h_s = 57.555 because its tables include the enhancement
        // factor f ≈ 1.004 that eq. 20 omits; the equations stay within 0.5 % of the table.
        #expect(abs(air.humidityRatio - 0.0146950) < 1e-6)
        #expect(abs(air.humidityRatio / 0.014758 - 1) < 0.005)
        #expect(abs(air.vapourDensity - 0.017288) < 2e-5)
        // h = 1.006·20 + W·(2501 + 37.2)
        #expect(abs(air.enthalpy - (20.12 + air.humidityRatio * 2538.2)) < 1e-12)
        #expect(abs(air.enthalpy - 57.555) < 0.2)
        #expect(air.vapourPressureDeficit == 0)
    }

    @Test("wet bulb: psychrometric vs Stull 2011 and limits")
    func wetBulb() throws {
        // Stull (2011) worked example: 20 °C, 50 % → 13.7 °C.
        let stull = try Psychrometrics.wetBulbTemperature(temperature: 20, relativeHumidity: 50, method: .stull2011)
        #expect(abs(stull - 13.7) < 0.05)
        let exact = try Psychrometrics.wetBulbTemperature(temperature: 20, relativeHumidity: 50)
        #expect(abs(exact - 13.80) < 0.05)
        for t in [-10.0, 5, 20, 35, 45] {
            for rh in [10.0, 40, 80, 99] {
                let tw = try Psychrometrics.wetBulbTemperature(temperature: t, relativeHumidity: rh)
                let td = try Psychrometrics.dewPoint(temperature: t, relativeHumidity: rh)
                #expect(td - 1e-6 <= tw && tw <= t + 1e-6)
            }
        }
        // Stull quotes −1…+0.65 °C; against ASHRAE eq. 33 the fit stays within ±1 °C on
        // grow-room conditions but reads up to +1.1 °C high at 45–50 °C and 20–40 % RH.
        for t in [0.0, 5, 10, 15, 20, 25, 30, 35] {
            for rh in [20.0, 40, 60, 80, 99] {
                let tw = try Psychrometrics.wetBulbTemperature(temperature: t, relativeHumidity: rh)
                let fit = try Psychrometrics.wetBulbTemperature(temperature: t, relativeHumidity: rh, method: .stull2011)
                #expect(abs(fit - tw) <= 1.0, "Stull error at \(t) °C \(rh) %")
            }
        }
        #expect(abs(try Psychrometrics.wetBulbTemperature(temperature: 22, relativeHumidity: 100) - 22) < 1e-6)
    }

    @Test("invalid inputs throw typed errors")
    func invalid() throws {
        #expect(throws: ModelInputError.self) { try Psychrometrics.vapourPressure(relativeHumidity: 101, temperature: 20) }
        #expect(throws: ModelInputError.self) { try Psychrometrics.vapourPressure(relativeHumidity: -0.1, temperature: 20) }
        #expect(throws: ModelInputError.self) { try Psychrometrics.humidityRatio(vapourPressure: 1, pressure: -101) }
        #expect(throws: ModelInputError.self) { try Psychrometrics.dewPoint(temperature: 20, relativeHumidity: 0) }
        #expect(throws: ModelInputError.self) { try MoistAir(temperature: 20, relativeHumidity: .nan) }
        do {
            _ = try Psychrometrics.relativeHumidity(vapourPressure: 3, temperature: 20)
            Issue.record("supersaturated air must throw")
        } catch {
            #expect(error.code == .outOfRange)
            #expect(error.quantity == "vapour pressure")
        }
        do {
            _ = try MoistAir(temperature: 25, relativeHumidity: 50, pressure: -1)
            Issue.record("negative pressure must throw")
        } catch {
            #expect(error.quantity == "barometric pressure" && error.unit == "kPa" && error.validRange == 10...200)
            #expect(error.description.contains("barometric pressure = -1.0 kPa"))
        }
    }

    @Test("Hyland–Wexler frost point below the triple point")
    func frostPoint() throws {
        let e = try SaturationFormula.hylandWexler.saturationVapourPressure(temperature: -20)
        #expect(abs(e - 0.10326) < 1e-5)
        #expect(abs(try Psychrometrics.dewPoint(vapourPressure: e) + 20) < 1e-9)
    }
}
