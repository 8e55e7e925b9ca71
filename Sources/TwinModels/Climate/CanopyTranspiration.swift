import Foundation

/// Canopy transpiration in the big-leaf form of Stanghellini (1987) as implemented by
/// Vanthoor (2011) and GreenLight.
///
/// ```
/// E    = VEC · (p_sat(T_c) − p_air)                               kg m⁻² s⁻¹ (per m² canopy)
/// VEC  = 2·ρc_p·LAI / (λ·γ·(r_b + r_s))                           kg m⁻² Pa⁻¹ s⁻¹
/// r_s  = r_s,min · rf_R · rf_CO2 · rf_VP
/// rf_R   = (R_can + 4.3)/(R_can + 0.54)
/// rf_CO2 = min(1.5, 1 + c3·(CO2 − 200)²)
/// rf_VP  = min(5.8, 1 + c4·(p_sat(T_c) − p_air)²)
/// c3, c4 = night + s·(day − night),  s = 1/(1 + exp(−(R_can − 5)))   (smoothed day/night switch)
/// ```
///
/// Inputs: canopy temperature T_c °C (−10…50), air vapour pressure Pa, CO₂ ppm (0…5000),
/// shortwave radiation above the canopy R_can W m⁻² (0…2000, PAR + NIR from lamps or sun),
/// leaf area index m² m⁻² (0…10). Output: E, kg m⁻² s⁻¹ of canopy; negative when the canopy is
/// colder than the air's dew point (dew forms on the leaves).
///
/// Check values (derived; docs/model-reference.md §Transpiration, LAI 3, T_c = T_a):
/// 26 °C, 60 %, 190 W m⁻², 1000 ppm → r_s = 674 s m⁻¹, E = 0.226 kg m⁻² h⁻¹; night 20 °C,
/// 75 %, 420 ppm → 0.045 kg m⁻² h⁻¹.
///
/// Sources: Stanghellini (1987) PhD thesis, Wageningen; Vanthoor (2011) thesis Ch. 8
/// (eqs. 8.47–8.53, Table 8.1); GreenLight `greenhouse_vanthoor_2011_chapter_8.json`.
public struct CanopyTranspiration: Sendable, Equatable {
    /// Leaf boundary-layer resistance r_b, s m⁻¹ (Vanthoor Table 8.1: 275; range 50–500).
    public var boundaryLayerResistance = 275.0
    /// Minimum stomatal resistance r_s,min, s m⁻¹ (Vanthoor Table 8.1: 82; range 50–300).
    public var minimumStomatalResistance = 82.0
    /// Psychrometric constant γ, Pa K⁻¹ (Vanthoor Table 8.1: 65.8).
    public var psychrometricConstant = 65.8
    /// ρ·c_p of air used in VEC, J m⁻³ K⁻¹ (Vanthoor: 1.2 kg m⁻³ × 1000 J kg⁻¹ K⁻¹).
    public var airHeatCapacity = 1200.0
    /// CO₂ response coefficients c3 by day and night, ppm⁻² (Stanghellini 1987).
    public var co2CoefficientDay = 6.1e-7
    public var co2CoefficientNight = 1.1e-11
    /// Vapour-pressure response coefficients c4 by day and night, Pa⁻² (Stanghellini 1987).
    public var vapourCoefficientDay = 4.3e-6
    public var vapourCoefficientNight = 5.2e-6

    public init() {}

    /// The radiation-dependent part of the stomatal response, fixed for a control step:
    /// rf_R and the smoothed day/night coefficients.
    public struct LightResponse: Sendable, Equatable {
        public var radiationFactor: Double
        public var co2Coefficient: Double
        public var vapourCoefficient: Double
    }

    /// Computes the light-dependent factors for shortwave radiation `radiation` (W m⁻², ≥ 0) above the canopy.
    public func lightResponse(radiation: Double) -> LightResponse {
        let r = max(0, radiation)
        let day = 1 / (1 + exp(-(r - 5)))
        return LightResponse(
            radiationFactor: (r + 4.3) / (r + 0.54),
            co2Coefficient: co2CoefficientNight + day * (co2CoefficientDay - co2CoefficientNight),
            vapourCoefficient: vapourCoefficientNight + day * (vapourCoefficientDay - vapourCoefficientNight))
    }

    /// Stomatal resistance r_s, s m⁻¹.
    public func stomatalResistance(light: LightResponse, co2: Double, vapourDeficit: Double) -> Double {
        let dc = co2 - 200
        let rfCO2 = min(1.5, 1 + light.co2Coefficient * dc * dc)
        let rfVP = min(5.8, 1 + light.vapourCoefficient * vapourDeficit * vapourDeficit)
        return minimumStomatalResistance * light.radiationFactor * rfCO2 * rfVP
    }

    /// Transpiration rate E, kg m⁻² s⁻¹ per m² of canopy.
    ///
    /// - Parameters:
    ///   - canopyTemperature: T_c, °C.
    ///   - airVapourPressure: p_air, Pa.
    ///   - co2: CO₂ in the air, ppm.
    ///   - leafAreaIndex: LAI, m² m⁻².
    ///   - light: from ``lightResponse(radiation:)``.
    public func rate(canopyTemperature: Double, airVapourPressure: Double, co2: Double, leafAreaIndex: Double,
                     light: LightResponse) -> Double {
        let deficit = AirProperties.saturationPressure(celsius: canopyTemperature) - airVapourPressure
        let rs = stomatalResistance(light: light, co2: co2, vapourDeficit: deficit)
        let vec = 2 * airHeatCapacity * leafAreaIndex
            / (AirProperties.latentHeat * psychrometricConstant * (boundaryLayerResistance + rs))
        return vec * deficit
    }

    /// Convective heat-exchange coefficient between canopy and air per m² of canopy,
    /// 2·ρc_p·LAI/r_b, W m⁻² K⁻¹ (Vanthoor eq. 8.49: both leaf sides exchange heat).
    public func convectiveCoefficient(leafAreaIndex: Double) -> Double {
        2 * airHeatCapacity * leafAreaIndex / boundaryLayerResistance
    }
}
