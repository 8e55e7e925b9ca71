import Foundation
import Testing
import TwinModels

/// The f_T, f_CO2 and f_VPD forms of docs/model-reference.md §Cannabis, and the
/// CanopyConditions checks.
@Suite("Growth modifiers and canopy conditions")
struct GrowthModifiersTests {
    @Test("Yan & Hunt: 1 at T_opt, 0 at and beyond the cardinal limits, the published shape between")
    func cardinalTemperature() {
        let f = { (t: Double) in GrowthModifiers.cardinalTemperature(t, minimum: 10, optimum: 26, maximum: 38) }
        #expect(f(26) == 1)
        #expect(f(10) == 0 && f(38) == 0 && f(5) == 0 && f(45) == 0)
        #expect(abs(f(34) - (4.0 / 12) * pow(24.0 / 16, 4.0 / 3)) < 1e-15)
        #expect(f(32) > f(34) && f(34) > f(36) && f(18) < 1)
        // The maximum is at T_opt.
        for t in stride(from: 10.5, through: 37.5, by: 0.5) { #expect(f(t) <= 1) }
    }

    @Test("light-limited CO2 factor: 1 at the reference, 1.185 at 1000 vs 400 ppm, 0 at or below Γ")
    func co2() {
        let f = { (c: Double) in GrowthModifiers.lightLimitedCO2(c, compensationPoint: 40, reference: 400) }
        #expect(abs(f(400) - 1) < 1e-15)
        #expect(abs(f(1000) - 1.185185185185) < 1e-12)
        #expect(f(40) == 0 && f(0) == 0)
        #expect(f(5000) < 4.0 / 3)
    }

    @Test("VPD ramp: 1 in 0.8–1.5 kPa, linear outside, floored at 0")
    func vpd() {
        let f = { (d: Double) in GrowthModifiers.vpdRamp(d, lower: 0.8, upper: 1.5, lowSlope: 0.25, highSlope: 0.5) }
        #expect(f(0.8) == 1 && f(1.2) == 1 && f(1.5) == 1)
        #expect(abs(f(0.4) - 0.9) < 1e-15 && abs(f(2.5) - 0.5) < 1e-15)
        #expect(f(-0.5) == f(0) && f(9) == 0)
    }

    @Test("CanopyConditions rejects NaN and out-of-range values, naming the quantity")
    func conditions() throws {
        _ = try CanopyConditions(ppfd: 0, canopyTemperature: 20, co2: 400, leafVPD: -0.2, photoperiodHours: 0)
        let cases: [(String, () throws(ModelInputError) -> CanopyConditions)] = [
            ("PPFD", { () throws(ModelInputError) in try CanopyConditions(ppfd: .nan, canopyTemperature: 20, co2: 400, leafVPD: 1, photoperiodHours: 12) }),
            ("canopy temperature", { () throws(ModelInputError) in try CanopyConditions(ppfd: 0, canopyTemperature: 80, co2: 400, leafVPD: 1, photoperiodHours: 12) }),
            ("CO2 concentration", { () throws(ModelInputError) in try CanopyConditions(ppfd: 0, canopyTemperature: 20, co2: -1, leafVPD: 1, photoperiodHours: 12) }),
            ("leaf VPD", { () throws(ModelInputError) in try CanopyConditions(ppfd: 0, canopyTemperature: 20, co2: 400, leafVPD: 12, photoperiodHours: 12) }),
            ("photoperiod", { () throws(ModelInputError) in try CanopyConditions(ppfd: 0, canopyTemperature: 20, co2: 400, leafVPD: 1, photoperiodHours: 25) }),
        ]
        for (quantity, make) in cases {
            do {
                _ = try make()
                Issue.record("\(quantity) accepted")
            } catch {
                #expect(error.quantity == quantity)
            }
        }
    }
}
