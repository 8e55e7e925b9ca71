import Testing
import TwinModels

/// e° table of docs/model-reference.md §Psychrometrics (kPa, printed to 5 decimals), per formula.
private let temperatures: [Double] = [0, 5, 10, 15, 20, 25, 30, 35, 40]
private let table: [SaturationFormula: [Double]] = [
    .hylandWexler: [0.61115, 0.87249, 1.22800, 1.70545, 2.33880, 3.16922, 4.24603, 5.62782, 7.38346],
    .tetens: [0.61080, 0.87231, 1.22796, 1.70535, 2.33828, 3.16778, 4.24307, 5.62268, 7.37561],
    .magnus: [0.61094, 0.87156, 1.22602, 1.70198, 2.33344, 3.16174, 4.23665, 5.61757, 7.37472],
    .buck1981: [0.61121, 0.87237, 1.22760, 1.70457, 2.33728, 3.16703, 4.24351, 5.62591, 7.38418],
    .buck1996: [0.61121, 0.87244, 1.22786, 1.70517, 2.33834, 3.16853, 4.24513, 5.62675, 7.38236],
    .vanthoor: [0.61078, 0.87099, 1.22444, 1.69833, 2.32598, 3.14775, 4.21210, 5.57659, 7.30902],
]
private let iapws: [Double] = [0.61121, 0.87258, 1.22820, 1.70579, 2.33932, 3.16993, 4.24697, 5.62902, 7.38494]

@Suite("Saturation vapour pressure")
struct SaturationTableTests {
    // The original check asked for relative 1e-6, but the table is printed to 5 decimals, so the
    // achievable check is half a unit in the last printed digit.
    @Test("each formula reproduces its table column", arguments: SaturationFormula.allCases)
    func column(_ formula: SaturationFormula) throws {
        let expected = try #require(table[formula])
        for (t, e) in zip(temperatures, expected) {
            let got = try formula.saturationVapourPressure(temperature: t)
            #expect(abs(got - e) <= 5.000_1e-6, "\(formula) at \(t) °C: \(got) vs \(e)")
        }
    }

    @Test("cross-formula agreement with IAPWS on 0–40 °C", arguments: SaturationFormula.allCases)
    func againstIAPWS(_ formula: SaturationFormula) throws {
        // Summaries say "up to 1.0 % low" for Vanthoor; it is 1.03 % low at 40 °C.
        let tolerance = formula == .vanthoor ? 0.0105 : 0.003
        for (t, ref) in zip(temperatures, iapws) {
            let got = try formula.saturationVapourPressure(temperature: t)
            #expect(abs(got / ref - 1) <= tolerance, "\(formula) at \(t) °C")
        }
    }

    @Test("slope matches a central difference", arguments: SaturationFormula.allCases)
    func slopeIsDerivative(_ formula: SaturationFormula) throws {
        for t in [-15.0, 3, 17.5, 33, 45] where formula.validTemperatureRange.contains(t) {
            let h = 1e-4
            let numeric = (try formula.saturationVapourPressure(temperature: t + h)
                - formula.saturationVapourPressure(temperature: t - h)) / (2 * h)
            #expect(abs(try formula.slope(temperature: t) / numeric - 1) < 1e-7)
        }
    }

    @Test("inverse returns the temperature", arguments: SaturationFormula.allCases)
    func inverse(_ formula: SaturationFormula) throws {
        let range = formula.validTemperatureRange
        var t = range.lowerBound
        while t <= range.upperBound {
            let e = try formula.saturationVapourPressure(temperature: t)
            #expect(abs(try formula.saturationTemperature(vapourPressure: e) - t) < 1e-8, "\(formula) at \(t)")
            t += 2.5
        }
    }

    @Test("Buck 1996 and Hyland–Wexler at 100 °C are within 0.2 % of IAPWS (101.418 kPa)")
    func boiling() throws {
        for f in [SaturationFormula.buck1996, .hylandWexler] {
            #expect(abs(try f.saturationVapourPressure(temperature: 100) / 101.418 - 1) < 0.002)
        }
    }

    @Test("out-of-range temperature throws a typed error naming quantity, unit and range")
    func outOfRange() {
        #expect(throws: ModelInputError.self) { try SaturationFormula.tetens.saturationVapourPressure(temperature: 60) }
        do {
            _ = try SaturationFormula.buck1981.saturationVapourPressure(temperature: -30)
            Issue.record("expected a throw")
        } catch {
            #expect(error.code == .outOfRange)
            #expect(error.value == -30)
            #expect(error.unit == "°C")
            #expect(error.validRange == -20...50)
            #expect(error.message.contains("air temperature"))
        }
        #expect(throws: ModelInputError(code: .notFinite, quantity: "air temperature (magnus)", value: .infinity,
                                        unit: "°C", validRange: -40...50)) {
            try SaturationFormula.magnus.saturationVapourPressure(temperature: .infinity)
        }
    }
}
