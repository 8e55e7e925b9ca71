import Foundation

/// The right-hand side of the Van Henten (1994) lettuce model at fixed inputs, with every
/// input-dependent factor evaluated once.
///
/// Temperature, CO₂ and PAR are constant between events, so the Q10 powers, the CO₂
/// compensation point and the light- and CO₂-limited canopy photosynthesis f_phot,max are
/// computed at construction; a derivative evaluation then costs one `exp` and a few
/// divisions. Both ``VanHenten1994Lettuce`` (the ``ODESystem``) and ``LettuceCrop`` use it.
///
/// Equations (time in s, masses g m⁻², docs/model-reference.md §Lettuce):
/// ```
/// dX_sdw/dt  = r_gr·X_sdw
/// dX_nsdw/dt = c_α·f_phot − r_gr·X_sdw − f_resp − ((1 − c_β)/c_β)·r_gr·X_sdw
/// r_gr   = c_gr,max · X_nsdw/(c_γ·X_sdw + X_nsdw) · c_Q10,gr^((T − 20)/10)
/// f_resp = (c_resp,sht·(1 − c_τ) + c_resp,rt·c_τ)·X_sdw · c_Q10,resp^((T − 25)/10)
/// f_phot = (1 − exp(−c_K·c_lar·(1 − c_τ)·X_sdw)) · f_phot,max
/// f_phot,max = ε·I·σ·(C − Γ)·c_ω / (ε·I + σ·(C − Γ)·c_ω),  Γ = c_Γ·c_Q10,Γ^((T − 20)/10)
/// ε = c_ε·(C − Γ)/(C + 2Γ),  σ = 1/(1/c_bnd + 1/c_stm + 1/g_car),  g_car = c_car1·T² + c_car2·T + c_car3
/// ```
/// Guards where the published equations leave their domain (none is active at ordinary
/// growing conditions): photosynthesis is zero when C ≤ Γ or when the carboxylation
/// polynomial is not positive (below ≈ 5 °C, above ≈ 40 °C); the growth rate uses
/// max(X_nsdw, 0), so a crop starved of reserves in long darkness stops growing instead of
/// shrinking its structure. The model has no starvation mechanism beyond that: X_nsdw can
/// become negative after days of darkness.
public struct VanHenten1994Rates: Sendable, Equatable {
    /// The parameters used.
    public let parameters: VanHenten1994Parameters
    /// U_T: canopy temperature, °C.
    public let temperature: Double
    /// U_CO2: CO₂ concentration, ppm.
    public let co2: Double
    /// U_PAR: incident PAR, W m⁻².
    public let par: Double
    /// c_gr,max·c_Q10,gr^((T − 20)/10): the growth rate at saturating reserves, s⁻¹.
    public let saturatedGrowthRate: Double
    /// (c_resp,sht·(1 − c_τ) + c_resp,rt·c_τ)·c_Q10,resp^((T − 25)/10): maintenance respiration per g structure, s⁻¹.
    public let specificMaintenanceRespiration: Double
    /// f_phot,max: gross photosynthesis of a closed canopy, g CO₂ m⁻² s⁻¹.
    public let maximumPhotosynthesis: Double
    /// c_K·c_lar·(1 − c_τ), m² g⁻¹: light interception per g of structural dry weight.
    @usableFromInline let interception: Double

    /// Accepted canopy temperatures, °C (the guards above keep the equations finite).
    public static let validTemperatureRange: ClosedRange<Double> = -10...60
    /// Accepted CO₂, ppm.
    public static let validCO2Range: ClosedRange<Double> = 0...10_000
    /// Accepted PAR, W m⁻²: darkness to well above full sunlight (≈ 500 W m⁻² PAR).
    public static let validPARRange: ClosedRange<Double> = 0...2000

    /// Evaluates the input-dependent factors.
    ///
    /// - Parameters:
    ///   - parameters: the model parameters (not re-validated here; see ``VanHenten1994Parameters/validate()``).
    ///   - temperature: U_T, canopy temperature, °C, in ``validTemperatureRange``.
    ///   - co2: U_CO2, ppm, in ``validCO2Range``.
    ///   - par: U_PAR, incident PAR, W m⁻², in ``validPARRange``.
    /// - Throws: ``ModelInputError`` for a non-finite or out-of-range input.
    public init(parameters: VanHenten1994Parameters = .nominal, temperature: Double, co2: Double,
                par: Double) throws(ModelInputError) {
        self.init(unchecked: parameters,
                  temperature: try ModelInputError.check(temperature, "canopy temperature", unit: "°C",
                                                         in: Self.validTemperatureRange),
                  co2: try ModelInputError.check(co2, "CO2 concentration", unit: "ppm", in: Self.validCO2Range),
                  par: try ModelInputError.check(par, "PAR", unit: "W m⁻²", in: Self.validPARRange))
    }

    /// The same without input checks, for callers whose inputs are already validated.
    @usableFromInline
    /// - Parameter k: water-stress coefficient Ks (0…1) scaling gross photosynthesis; 1 = no stress.
    init(unchecked p: VanHenten1994Parameters, temperature t: Double, co2 c: Double, par i: Double, waterStress k: Double = 1) {
        parameters = p
        temperature = t
        co2 = c
        par = i
        saturatedGrowthRate = p.maximumGrowthRate * pow(p.growthQ10, (t - 20) / 10)
        specificMaintenanceRespiration = (p.shootRespiration * (1 - p.rootFraction)
            + p.rootRespiration * p.rootFraction) * pow(p.respirationQ10, (t - 25) / 10)
        interception = p.extinctionCoefficient * p.leafAreaRatio * (1 - p.rootFraction)

        let gamma = p.compensationPoint * pow(p.compensationPointQ10, (t - 20) / 10)
        let carboxylation = (p.carboxylation1 * t + p.carboxylation2) * t + p.carboxylation3
        guard c > gamma, carboxylation > 0 else {
            maximumPhotosynthesis = 0
            return
        }
        let epsilon = p.lightUseEfficiency * (c - gamma) / (c + 2 * gamma)
        let sigma = 1 / (1 / p.boundaryLayerConductance + 1 / p.stomatalConductance + 1 / carboxylation)
        let lightLimited = epsilon * i
        let co2Limited = sigma * (c - gamma) * p.co2Density
        let sum = lightLimited + co2Limited
        let unstressed = sum > 0 ? lightLimited * co2Limited / sum : 0
        // Only a stressed crop is multiplied, so unstressed runs keep their exact values.
        maximumPhotosynthesis = k < 1 ? unstressed * k : unstressed
    }

    /// r_gr: specific structural growth rate, s⁻¹.
    @inlinable
    public func specificGrowthRate(nonstructural: Double, structural: Double) -> Double {
        let reserves = max(nonstructural, 0)
        let denominator = parameters.growthRateCoefficient * structural + reserves
        return denominator > 0 ? saturatedGrowthRate * reserves / denominator : 0
    }

    /// f_phot: gross canopy photosynthesis, g CO₂ m⁻² s⁻¹.
    @inlinable
    public func photosynthesis(structural: Double) -> Double {
        -expm1(-interception * structural) * maximumPhotosynthesis
    }

    /// f_resp: maintenance respiration, g CH₂O m⁻² s⁻¹.
    @inlinable
    public func maintenanceRespiration(structural: Double) -> Double {
        specificMaintenanceRespiration * structural
    }

    /// The time derivatives of both states, g m⁻² s⁻¹.
    ///
    /// - Parameters:
    ///   - nonstructural: X_nsdw, g m⁻².
    ///   - structural: X_sdw, g m⁻², ≥ 0.
    @inlinable
    public func derivatives(nonstructural: Double, structural: Double) -> (nonstructural: Double, structural: Double) {
        let growth = specificGrowthRate(nonstructural: nonstructural, structural: structural) * structural
        let p = parameters
        let dN = p.co2ToCarbohydrate * photosynthesis(structural: structural) - growth
            - maintenanceRespiration(structural: structural) - (1 - p.yieldFactor) / p.yieldFactor * growth
        return (dN, growth)
    }

    /// Net CO₂ exchange, g CO₂ m⁻² s⁻¹ (positive = uptake): the total dry-mass rate divided by c_α.
    ///
    /// Maintenance and growth respiration both return their carbon to the air as CO₂ at
    /// the same time, so the net exchange is exactly the carbon fixed in dry matter.
    @inlinable
    public func netCO2Uptake(nonstructural: Double, structural: Double) -> Double {
        let d = derivatives(nonstructural: nonstructural, structural: structural)
        return (d.nonstructural + d.structural) / parameters.co2ToCarbohydrate
    }

    /// The model's leaf area index c_lar·(1 − c_τ)·X_sdw, m² m⁻²: the quantity whose
    /// c_K-weighted exponential sets light interception.
    @inlinable
    public func leafAreaIndex(structural: Double) -> Double {
        parameters.leafAreaRatio * (1 - parameters.rootFraction) * structural
    }
}
