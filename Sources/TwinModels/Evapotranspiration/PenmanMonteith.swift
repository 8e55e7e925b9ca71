import Foundation

/// The general Penman–Monteith (Monteith 1965) big-leaf evaporation of a canopy, in SI units,
/// for grow-room canopies whose resistances differ from the FAO grass reference.
///
/// ```
/// λE = [Δ·(R_n − G) + ρ_a·c_p·(e_s − e_a)/r_a] / [Δ + γ·(1 + r_s/r_a)]        W m⁻²
/// ```
///
/// Inputs: Δ slope of the saturation curve (Pa K⁻¹), R_n − G available energy (W m⁻²),
/// e_s − e_a vapour pressure deficit of the air (Pa), ρ_a·c_p volumetric heat capacity of the
/// air (J m⁻³ K⁻¹), γ psychrometric constant (Pa K⁻¹), r_a aerodynamic and r_s bulk surface
/// resistance (s m⁻¹). Output: latent heat flux λE, W m⁻² of ground (or of canopy, if R_n is).
///
/// With r_s = 70 s m⁻¹ and r_a = 208/u₂ this is FAO-56's ET₀ (eq. 6) before FAO rounded its
/// constants (900 for ε·86400/(1.01·R·208) = 891, 0.34 for 70/208 = 0.337): the two agree to ≈ 0.2 % on
/// FAO-56 Examples 17 and 18 (see the tests).
///
/// Sources: Monteith (1965), Symp. Soc. Exp. Biol. 19:205–234; Allen et al. (1998), FAO-56
/// eq. 3 (this form), eqs. 4–5 (r_a, r_s) and Annex 3 (ρ_a, c_p, γ); docs/model-reference.md
/// §Evapotranspiration.
public enum PenmanMonteith {
    /// Specific heat of moist air used for ρ_a·c_p and γ, J kg⁻¹ K⁻¹ (FAO-56 eq. 8: 1.013·10⁻³ MJ kg⁻¹ °C⁻¹).
    public static let specificHeat = FAO56.specificHeat * 1e6
    /// Latent heat of vaporisation λ, J kg⁻¹: FAO-56's 2.45 MJ kg⁻¹, the same value the room
    /// energy balance uses (`AirProperties.latentHeat`), so water and heat fluxes stay consistent.
    public static let latentHeat = FAO56.latentHeat * 1e6

    /// Latent heat flux λE of a canopy by the general Penman–Monteith equation.
    ///
    /// Non-allocating; safe to call every simulated minute.
    /// - Parameters:
    ///   - slope: Δ, Pa K⁻¹, 0…1000 (188.7 at 25 °C).
    ///   - availableEnergy: R_n − G, W m⁻², −1000…3000.
    ///   - vapourPressureDeficit: e_s − e_a, Pa, −10000…20000 (negative: the canopy gains dew).
    ///   - airHeatCapacity: ρ_a·c_p, J m⁻³ K⁻¹, 500…2000 (≈ 1200 indoors at sea level).
    ///   - psychrometricConstant: γ, Pa K⁻¹, 1…200 (67.4 at 101.3 kPa).
    ///   - aerodynamicResistance: r_a, s m⁻¹, 1…100000.
    ///   - surfaceResistance: r_s, s m⁻¹, 0…100000 (0: a wet surface).
    /// - Returns: λE, W m⁻²; divide by `latentHeat` for kg m⁻² s⁻¹.
    @inlinable
    public static func latentHeatFlux(
        slope: Double, availableEnergy: Double, vapourPressureDeficit: Double,
        airHeatCapacity: Double, psychrometricConstant: Double,
        aerodynamicResistance: Double, surfaceResistance: Double
    ) throws(ModelInputError) -> Double {
        let delta = try ModelInputError.check(slope, "slope of the saturation curve", unit: "Pa K⁻¹", in: 0...1000)
        let energy = try ModelInputError.check(availableEnergy, "available energy", unit: "W m⁻²", in: -1000...3000)
        let deficit = try ModelInputError.check(vapourPressureDeficit, "vapour pressure deficit", unit: "Pa",
                                                in: -10_000...20_000)
        let rhoCp = try ModelInputError.check(airHeatCapacity, "volumetric heat capacity of air", unit: "J m⁻³ K⁻¹",
                                              in: 500...2000)
        let gamma = try ModelInputError.check(psychrometricConstant, "psychrometric constant", unit: "Pa K⁻¹",
                                              in: 1...200)
        let ra = try ModelInputError.check(aerodynamicResistance, "aerodynamic resistance", unit: "s m⁻¹",
                                           in: 1...100_000)
        let rs = try ModelInputError.check(surfaceResistance, "surface resistance", unit: "s m⁻¹", in: 0...100_000)
        return (delta * energy + rhoCp * deficit / ra) / (delta + gamma * (1 + rs / ra))
    }

    /// Latent heat flux λE of a canopy from the room air's state, deriving Δ, γ and ρ_a·c_p.
    ///
    /// Δ and e_s come from `SaturationFormula.tetens` (FAO-56 eqs. 11, 13) at the air
    /// temperature, γ = c_p·P/(ε·λ) (FAO-56 eq. 8) and ρ_a = P/(1.01·(T + 273)·R) with
    /// R = 287 J kg⁻¹ K⁻¹ (FAO-56 Annex 3 eq. 3-5, a virtual-temperature approximation).
    /// Non-allocating.
    /// - Parameters:
    ///   - airTemperature: T, °C, −40…50.
    ///   - vapourPressure: e_a of the air, Pa, 0…20000 (above e°(T) the deficit is negative and
    ///     the canopy condenses, as in the room model).
    ///   - pressure: P, Pa, 10000…200000 (default 101325).
    ///   - availableEnergy: R_n − G absorbed by the canopy, W m⁻², −1000…3000.
    ///   - aerodynamicResistance: r_a, s m⁻¹, 1…100000 (leaf boundary layer in still room air).
    ///   - surfaceResistance: r_s, s m⁻¹, 0…100000 (canopy stomatal resistance).
    /// - Returns: λE, W m⁻².
    public static func latentHeatFlux(
        airTemperature: Double, vapourPressure: Double, pressure: Double = 101_325,
        availableEnergy: Double, aerodynamicResistance: Double, surfaceResistance: Double
    ) throws(ModelInputError) -> Double {
        let t = airTemperature
        let tetens = SaturationFormula.tetens
        let es = try tetens.saturationVapourPressure(temperature: t) * 1000
        let delta = try tetens.slope(temperature: t) * 1000
        let e = try ModelInputError.check(vapourPressure, "vapour pressure", unit: "Pa", in: 0...20_000)
        let p = try ModelInputError.check(pressure, "atmospheric pressure", unit: "Pa", in: 10_000...200_000)
        let gamma = specificHeat * p / (FAO56.molecularWeightRatio * latentHeat)
        let rhoA = p / (1.01 * (t + 273) * FAO56.dryAirGasConstant * 1000)
        return try latentHeatFlux(slope: delta, availableEnergy: availableEnergy, vapourPressureDeficit: es - e,
                                  airHeatCapacity: rhoA * specificHeat, psychrometricConstant: gamma,
                                  aerodynamicResistance: aerodynamicResistance, surfaceResistance: surfaceResistance)
    }
}
