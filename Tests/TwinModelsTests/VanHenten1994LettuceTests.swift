import Foundation
import SimKernel
import Testing
import TwinModels

/// Van Henten (1994) two-state lettuce model: analytic properties and the c_β sensitivity of
/// docs/model-reference.md §Lettuce, integrated through the kernel's ContinuousComponent.
@Suite("Van Henten (1994) lettuce model")
struct VanHenten1994LettuceTests {
    /// Van Henten's transplant state (X_nsdw, X_sdw), g m⁻².
    static let transplant = [0.72, 2.7]

    /// Integrates from the transplant state for `days` under constant inputs with RK4 at `step` seconds.
    static func grow(_ model: VanHenten1994Lettuce, days: Int64, step: Int64 = 60) throws -> [Double] {
        let component = try ContinuousComponent(name: "lettuce", system: model, initialState: transplant,
                                                integrator: .rk4(step: .seconds(step)))
        try component.advance(to: .days(days))
        return component.y
    }

    @Test("grows under typical conditions: 20 °C, 1000 ppm, PAR 50 W/m²")
    func positiveGrowth() throws {
        let model = try VanHenten1994Lettuce(temperature: 20, co2: 1000, par: 50)
        let y = try Self.grow(model, days: 1)
        let before = Self.transplant[0] + Self.transplant[1]
        #expect(y[1] > Self.transplant[1])
        // The transplant canopy (LAI 0.17) intercepts 14 % of the light, and the model's
        // leaf-level efficiency turns that into ≈ 5 g CH₂O m⁻² d⁻¹: the mass more than doubles on day one.
        #expect((2 * before...3 * before).contains(y[0] + y[1]), "\(y)")
        #expect(model.netCO2Uptake(nonstructural: y[0], structural: y[1]) > 0)
    }

    @Test("Q10: growth ×1.6 per 10 °C from 20 °C, maintenance respiration ×2 per 10 °C from 25 °C")
    func q10() throws {
        let at = { (t: Double) throws(ModelInputError) in try VanHenten1994Rates(temperature: t, co2: 800, par: 0) }
        let growthRatio = try at(30).specificGrowthRate(nonstructural: 1, structural: 3)
            / at(20).specificGrowthRate(nonstructural: 1, structural: 3)
        #expect(abs(growthRatio - 1.6) < 1e-12)
        let respirationRatio = try at(35).maintenanceRespiration(structural: 3) / at(25).maintenanceRespiration(structural: 3)
        #expect(abs(respirationRatio - 2) < 1e-12)
        // At 25 °C the maintenance coefficient is the parameters' weighted sum, unscaled.
        let p = VanHenten1994Parameters.nominal
        let expected = (p.shootRespiration * (1 - p.rootFraction) + p.rootRespiration * p.rootFraction) * 3
        #expect(abs(try at(25).maintenanceRespiration(structural: 3) / expected - 1) < 1e-14)
        // Through the ODE right-hand side as the integrator sees it.
        let cool = try VanHenten1994Lettuce(temperature: 15, co2: 800, par: 0)
        let warm = try VanHenten1994Lettuce(temperature: 25, co2: 800, par: 0)
        #expect(abs(Self.rhs(warm)[1] / Self.rhs(cool)[1] - 1.6) < 1e-12)
    }

    static func rhs(_ model: VanHenten1994Lettuce, state: [Double] = transplant) -> [Double] {
        var out = [0.0, 0.0]
        state.withUnsafeBufferPointer { y in
            out.withUnsafeMutableBufferPointer { model.derivatives(t: 0, y: y, dydt: $0) }
        }
        return out
    }

    @Test("no light: reserves fall, structure is still built from them, the crop releases CO2")
    func darkness() throws {
        let model = try VanHenten1994Lettuce(temperature: 20, co2: 1000, par: 0)
        let d = Self.rhs(model)
        #expect(d[0] < 0 && d[1] > 0 && d[0] + d[1] < 0)
        let p = VanHenten1994Parameters.nominal
        let expectedRelease = -(model.rates.maintenanceRespiration(structural: 2.7)
            + (1 - p.yieldFactor) / p.yieldFactor * d[1]) / p.co2ToCarbohydrate
        #expect(abs(model.netCO2Uptake(nonstructural: 0.72, structural: 2.7) / expectedRelease - 1) < 1e-12)
        let y = try Self.grow(model, days: 1)
        let before = Self.transplant[0] + Self.transplant[1]
        #expect(y[0] + y[1] < before && y[0] + y[1] > 0.9 * before, "\(y)")
    }

    @Test("leaf area index is c_lar·(1 − c_τ)·X_sdw")
    func leafArea() throws {
        let model = try VanHenten1994Lettuce(temperature: 20, co2: 400, par: 0)
        #expect(abs(model.leafAreaIndex(structuralDryWeight: 100) - 0.075 * 0.85 * 100) < 1e-12)
        #expect(model.leafAreaIndex(structuralDryWeight: 0) == 0)
    }

    @Test("photosynthesis is zero, not NaN, outside the carboxylation range and below the compensation point")
    func guards() throws {
        for (t, c) in [(2.0, 1000.0), (45, 1000), (20, 30), (20, 0)] {
            let rates = try VanHenten1994Rates(temperature: t, co2: c, par: 200)
            #expect(rates.maximumPhotosynthesis == 0, "\(t) °C, \(c) ppm")
            let d = rates.derivatives(nonstructural: 0.72, structural: 2.7)
            #expect(d.nonstructural.isFinite && d.structural.isFinite)
        }
    }

    @Test("invalid inputs throw and leave the previous inputs in force")
    func invalidInputs() throws {
        let model = try VanHenten1994Lettuce(temperature: 20, co2: 400, par: 10)
        #expect(throws: ModelInputError.self) { try model.setInputs(temperature: .nan, co2: 400, par: 10) }
        do {
            try model.setInputs(temperature: 20, co2: 400, par: -1)
            Issue.record("negative PAR accepted")
        } catch {
            #expect(error.code == .outOfRange && error.quantity == "PAR")
        }
        #expect(model.par == 10)
        var bad = VanHenten1994Parameters.nominal
        bad.yieldFactor = 1.5
        #expect(throws: ModelInputError.self) { try VanHenten1994Lettuce(parameters: bad, temperature: 20, co2: 400, par: 0) }
    }

    /// docs/model-reference.md §Lettuce gives −8.5 % at day 30 for c_β 0.8 → 0.72 on a
    /// constant-input case whose inputs were not recorded. Own case, documented here: constant
    /// 20 °C, 1000 ppm, PAR 100 W m⁻² (≈ 520 µmol m⁻² s⁻¹ of LED light) around the clock from
    /// Van Henten's transplant state. The yield factor enters only the growth-respiration term, so the
    /// effect hardly depends on the climate (a SciPy LSODA check of this case gave −8.34 %).
    @Test("sensitivity: c_β 0.8 → 0.72 lowers total dry weight at day 30 by ≈ 8.5 %")
    func yieldFactorSensitivity() throws {
        var variant = VanHenten1994Parameters.nominal
        variant.yieldFactor = 0.72
        let nominal = try Self.grow(VanHenten1994Lettuce(temperature: 20, co2: 1000, par: 100), days: 30, step: 600)
        let changed = try Self.grow(VanHenten1994Lettuce(parameters: variant, temperature: 20, co2: 1000, par: 100),
                                    days: 30, step: 600)
        let effect = (changed[0] + changed[1]) / (nominal[0] + nominal[1]) - 1
        #expect((-0.09 ... -0.078).contains(effect), "effect \(effect * 100) %")
        print("Van Henten 1994, c_β 0.8 → 0.72 at day 30: \(effect * 100) % total dry weight")
        // The nominal run itself is a closed canopy of several hundred g m⁻² after a month.
        #expect((500...1500).contains(nominal[0] + nominal[1]), "\(nominal)")
    }

    /// The published c_α is 0.68 (Van Henten 1994, thesis Table 2.1), the stoichiometric 30/44
    /// rounded. Using 30/44 instead inflates every trajectory by ≈ 0.3 % (an independent
    /// integration of the 1994 model found TwinLab 0.27–0.35 % high); the day-30 dry weight of the
    /// c_β case above moves by that much between the two.
    @Test("c_α is the published 0.68, not the unrounded 30/44")
    func publishedCarbohydrateFactor() throws {
        #expect(VanHenten1994Parameters.nominal.co2ToCarbohydrate == 0.68)
        var stoichiometric = VanHenten1994Parameters.nominal
        stoichiometric.co2ToCarbohydrate = 30.0 / 44.0
        let published = try Self.grow(VanHenten1994Lettuce(temperature: 20, co2: 1000, par: 100), days: 30, step: 600)
        let unrounded = try Self.grow(VanHenten1994Lettuce(parameters: stoichiometric, temperature: 20, co2: 1000, par: 100),
                                      days: 30, step: 600)
        let excess = (unrounded[0] + unrounded[1]) / (published[0] + published[1]) - 1
        #expect((0.002...0.004).contains(excess), "30/44 runs \(excess * 100) % high")
    }
}
