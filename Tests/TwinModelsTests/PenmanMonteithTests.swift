import Testing
import TwinModels

/// The general Penman–Monteith canopy equation against FAO-56's reference form and its limits.
@Suite("Penman–Monteith canopy evaporation")
struct PenmanMonteithTests {
    /// ET₀ (mm d⁻¹) by the general SI equation with the FAO grass resistances (eqs. 4–5):
    /// r_s = 70 s m⁻¹, r_a = 208/u₂, ρ_a from FAO-56 Annex 3 eq. 3-5, λ = 2.45 MJ kg⁻¹.
    func generalET0(_ r: ReferenceEvapotranspirationResult) throws -> Double {
        let pressure = r.atmosphericPressure * 1000                       // Pa
        let rhoA = pressure / (1.01 * (r.meanTemperature + 273) * 287)   // kg m⁻³
        let secondsPerDay = 86_400.0
        let lambdaE = try PenmanMonteith.latentHeatFlux(
            slope: r.slope * 1000,
            availableEnergy: (r.netRadiation - r.soilHeatFlux) * 1e6 / secondsPerDay,
            vapourPressureDeficit: r.vapourPressureDeficit * 1000,
            airHeatCapacity: rhoA * PenmanMonteith.specificHeat,
            psychrometricConstant: r.psychrometricConstant * 1000,
            aerodynamicResistance: FAO56.referenceAerodynamicCoefficient / r.windSpeed2m,
            surfaceResistance: FAO56.referenceSurfaceResistance)
        return lambdaE / PenmanMonteith.latentHeat * secondsPerDay        // kg m⁻² d⁻¹ = mm d⁻¹
    }

    // FAO-56 rounds 891 to 900 and 70/208 = 0.337 to 0.34; the two roundings partly cancel.
    // Measured gaps: −0.05 % (Example 18) and −0.15 % (Example 17). Tolerance 0.5 %.
    @Test("with r_s = 70 s/m and r_a = 208/u2 it reproduces FAO-56 eq. 6 within 0.5 %")
    func reproducesFAO56() throws {
        let model = ReferenceEvapotranspiration()
        for day in [ReferenceEvapotranspirationTests.brussels, try ReferenceEvapotranspirationTests.bangkok()] {
            let r = try model.daily(day)
            let general = try generalET0(r)
            #expect(abs(general / r.referenceEvapotranspiration - 1) < 0.005)
        }
    }

    @Test("FAO-56 eqs. 4–5: r_a = 208/u2 and r_s ≈ 70 s/m for the 0.12 m grass")
    func grassResistances() throws {
        let ra = try FAO56.aerodynamicResistance(windSpeed: 1)
        #expect(abs(ra - FAO56.referenceAerodynamicCoefficient) < 1)   // 207.7 before rounding
        #expect(abs(try FAO56.aerodynamicResistance(windSpeed: 2.5) - ra / 2.5) < 1e-12)
        let lai = 24 * FAO56.referenceCropHeight
        let rs = try FAO56.bulkSurfaceResistance(stomatalResistance: 100, activeLeafAreaIndex: 0.5 * lai)
        #expect(abs(rs - FAO56.referenceSurfaceResistance) < 1)         // 69.4 before rounding
        #expect(throws: ModelInputError.self) { _ = try FAO56.aerodynamicResistance(windSpeed: 0) }
        #expect(throws: ModelInputError.self) {
            _ = try FAO56.aerodynamicResistance(windSpeed: 1, windHeight: 0.5, cropHeight: 1)
        }
    }

    @Test("limits: saturated air with no energy, equilibrium evaporation, wet surface")
    func limits() throws {
        let delta = 188.7, gamma = 67.4, rhoCp = 1200.0, energy = 300.0
        // No energy and no deficit: nothing evaporates.
        #expect(try PenmanMonteith.latentHeatFlux(slope: delta, availableEnergy: 0, vapourPressureDeficit: 0,
                                                  airHeatCapacity: rhoCp, psychrometricConstant: gamma,
                                                  aerodynamicResistance: 50, surfaceResistance: 100) == 0)
        // Saturated air, wet surface: λE is the equilibrium rate Δ·A/(Δ + γ) for any r_a.
        for ra in [5.0, 50, 5000] {
            let wet = try PenmanMonteith.latentHeatFlux(
                slope: delta, availableEnergy: energy, vapourPressureDeficit: 0, airHeatCapacity: rhoCp,
                psychrometricConstant: gamma, aerodynamicResistance: ra, surfaceResistance: 0)
            #expect(abs(wet - delta * energy / (delta + gamma)) < 1e-9)
        }
        // Closing the stomata lowers evaporation; humid-air condensation is negative.
        let open = try PenmanMonteith.latentHeatFlux(slope: delta, availableEnergy: energy, vapourPressureDeficit: 1000,
                                                     airHeatCapacity: rhoCp, psychrometricConstant: gamma,
                                                     aerodynamicResistance: 50, surfaceResistance: 100)
        let shut = try PenmanMonteith.latentHeatFlux(slope: delta, availableEnergy: energy, vapourPressureDeficit: 1000,
                                                     airHeatCapacity: rhoCp, psychrometricConstant: gamma,
                                                     aerodynamicResistance: 50, surfaceResistance: 1000)
        #expect(shut < open)
        #expect(try PenmanMonteith.latentHeatFlux(slope: delta, availableEnergy: 0, vapourPressureDeficit: -500,
                                                  airHeatCapacity: rhoCp, psychrometricConstant: gamma,
                                                  aerodynamicResistance: 50, surfaceResistance: 0) < 0)
    }

    @Test("the room-air form derives Δ, γ and ρ_a·c_p as FAO-56 does")
    func roomAirForm() throws {
        // 25 °C, 60 % RH at sea level under LED light: Δ = 188.68 Pa/K (FAO-56 eq. 13).
        let t = 25.0, p = 101_325.0
        let es = try SaturationFormula.tetens.saturationVapourPressure(temperature: t) * 1000
        let e = 0.6 * es
        let flux = try PenmanMonteith.latentHeatFlux(airTemperature: t, vapourPressure: e, pressure: p,
                                                     availableEnergy: 150, aerodynamicResistance: 100,
                                                     surfaceResistance: 200)
        let gamma = 0.665e-3 * p                                  // FAO-56 eq. 8 as printed
        let rhoCp = p / (1.01 * (t + 273) * 287) * 1013
        let delta = try SaturationFormula.tetens.slope(temperature: t) * 1000
        let expected = (delta * 150 + rhoCp * (es - e) / 100) / (delta + gamma * (1 + 200.0 / 100))
        // γ's printed 0.665e-3 is c_p/(ε·λ) = 0.6647e-3 rounded, hence 0.1 % rather than exact.
        #expect(abs(flux / expected - 1) < 1e-3)
        #expect(abs(delta - 188.68) < 0.05)
        #expect(throws: ModelInputError.self) {
            _ = try PenmanMonteith.latentHeatFlux(airTemperature: 60, vapourPressure: e, availableEnergy: 150,
                                                  aerodynamicResistance: 100, surfaceResistance: 200)
        }
        #expect(throws: ModelInputError.self) {
            _ = try PenmanMonteith.latentHeatFlux(airTemperature: t, vapourPressure: e, availableEnergy: 150,
                                                  aerodynamicResistance: 0, surfaceResistance: 200)
        }
        #expect(throws: ModelInputError.self) {
            _ = try PenmanMonteith.latentHeatFlux(airTemperature: t, vapourPressure: e, availableEnergy: 150,
                                                  aerodynamicResistance: 100, surfaceResistance: -1)
        }
    }
}
