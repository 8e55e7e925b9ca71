/// Parameters of the Van Henten (1994) two-state lettuce growth model, with the nominal set as defaults.
///
/// Values are the nominal set of docs/model-reference.md §Lettuce, which the majority of public
/// implementations share (the reduced 2003 model's c_αβ = 0.544 = 0.68 × 0.8 supports
/// c_β = 0.8). Papers: Van Henten & Van Straten (1994), *Sensitivity analysis of a dynamic
/// growth model of lettuce*, J. Agric. Eng. Res. 59:19–31; Van Henten (1994), PhD thesis,
/// Wageningen (edepot.wur.nl/205106). The original sources named per parameter are those an
/// annotated public port cites (docs/model-reference.md §Lettuce). Variants found in public code
/// are listed so that a calibration can say which one it pins; of them only c_β moves results much
/// (−8.5 % dry weight at day 30 for 0.8 → 0.72).
public struct VanHenten1994Parameters: Sendable, Equatable, Codable {
    /// c_α = 0.68, g CH₂O per g CO₂: converts assimilated CO₂ into carbohydrate. The published
    /// value (Van Henten 1994, thesis Table 2.1; Van Henten & Van Straten 1994, Table 1) is the
    /// stoichiometric ratio 30/44 = 0.6818 rounded to 0.68; the rounded value is the model's, and
    /// the 2003 reduction's c_αβ = 0.544 = 0.68 × 0.8 uses it too. 30/44 would run 0.27–0.35 % high.
    public var co2ToCarbohydrate = 0.68
    /// c_β = 0.8, g structural dry matter per g carbohydrate used: the yield factor, the rest
    /// is growth respiration (Penning de Vries et al. 1974). Variant: 0.72 in several vertical-farm ports.
    public var yieldFactor = 0.8
    /// c_gr,max = 5.0e-6 s⁻¹: saturation specific growth rate at 20 °C (Van Holsteijn 1981).
    public var maximumGrowthRate = 5.0e-6
    /// c_γ = 1.0, dimensionless: growth-rate coefficient in X_nsdw/(c_γ·X_sdw + X_nsdw)
    /// (Thornley & Hurd 1974; Sweeney et al. 1981). Variant: 1.1981 in one calibrated port.
    public var growthRateCoefficient = 1.0
    /// c_Q10,gr = 1.6, dimensionless: Q10 of the growth rate (Sweeney et al. 1981).
    public var growthQ10 = 1.6
    /// c_resp,sht = 3.47e-7 s⁻¹: shoot maintenance respiration at 25 °C (Van Keulen et al. 1982).
    public var shootRespiration = 3.47e-7
    /// c_resp,rt = 1.16e-7 s⁻¹: root maintenance respiration at 25 °C (Van Keulen et al. 1982).
    public var rootRespiration = 1.16e-7
    /// c_Q10,resp = 2.0, dimensionless: Q10 of maintenance respiration (Van Keulen et al. 1982).
    public var respirationQ10 = 2.0
    /// c_τ = 0.15, dimensionless: root share of dry mass (Lorenz & Wiebe 1980). Variant: 0.07
    /// (BiceMar port; another port notes "increased from 0.07 in Van Henten to 0.15").
    public var rootFraction = 0.15
    /// c_K = 0.9, dimensionless: light extinction coefficient of a planophile canopy (Goudriaan & Monteith 1990).
    public var extinctionCoefficient = 0.9
    /// c_lar = 75e-3 m² g⁻¹: structural leaf-area ratio (Lorenz & Wiebe 1980).
    public var leafAreaRatio = 75e-3
    /// c_ε = 17.0e-6 g CO₂ J⁻¹: light-use efficiency at very high CO₂ (Goudriaan et al. 1985).
    public var lightUseEfficiency = 17.0e-6
    /// c_Γ = 40 ppm: CO₂ compensation point at 20 °C (Goudriaan et al. 1985). Variant: 71.5 in some vertical-farm ports.
    public var compensationPoint = 40.0
    /// c_Q10,Γ = 2.0, dimensionless: Q10 of the compensation point (Goudriaan et al. 1985).
    public var compensationPointQ10 = 2.0
    /// c_bnd = 0.004 m s⁻¹: boundary-layer conductance to CO₂ (Stanghellini 1987).
    public var boundaryLayerConductance = 0.004
    /// c_stm = 0.007 m s⁻¹: stomatal conductance to CO₂ (Stanghellini 1987). Variants: 0.005; 0.02.
    public var stomatalConductance = 0.007
    /// c_car1 = −1.32e-5 m s⁻¹ °C⁻²: carboxylation-conductance polynomial, quadratic term.
    public var carboxylation1 = -1.32e-5
    /// c_car2 = 5.94e-4 m s⁻¹ °C⁻¹: carboxylation-conductance polynomial, linear term.
    public var carboxylation2 = 5.94e-4
    /// c_car3 = −2.64e-3 m s⁻¹: carboxylation-conductance polynomial, constant term. The
    /// polynomial is positive only between ≈ 5 and 40 °C; outside, photosynthesis is taken as zero.
    public var carboxylation3 = -2.64e-3
    /// c_ω = 1.83e-3 g m⁻³ ppm⁻¹: CO₂ density per ppm at 15 °C and 101.3 kPa. Variant: 7.32e-3
    /// in the BiceMar port (likely an error).
    public var co2Density = 1.83e-3

    /// The nominal set (all defaults).
    public static let nominal = VanHenten1994Parameters()

    /// Creates the nominal set; change individual properties for a variant.
    public init() {}

    /// Checks that every parameter is finite and physically meaningful.
    ///
    /// - Throws: ``ModelInputError`` naming the first offending parameter.
    public func validate() throws(ModelInputError) {
        let positive: ClosedRange<Double> = Double.leastNormalMagnitude...Double.greatestFiniteMagnitude
        _ = try ModelInputError.check(co2ToCarbohydrate, "c_alpha", unit: "g g⁻¹", in: positive)
        _ = try ModelInputError.check(yieldFactor, "c_beta", unit: "g g⁻¹", in: 0.01...1)
        _ = try ModelInputError.check(maximumGrowthRate, "c_gr,max", unit: "s⁻¹", in: 0...1e-3)
        _ = try ModelInputError.check(growthRateCoefficient, "c_gamma", unit: "1", in: positive)
        _ = try ModelInputError.check(growthQ10, "c_Q10,gr", unit: "1", in: positive)
        _ = try ModelInputError.check(shootRespiration, "c_resp,sht", unit: "s⁻¹", in: 0...1e-3)
        _ = try ModelInputError.check(rootRespiration, "c_resp,rt", unit: "s⁻¹", in: 0...1e-3)
        _ = try ModelInputError.check(respirationQ10, "c_Q10,resp", unit: "1", in: positive)
        _ = try ModelInputError.check(rootFraction, "c_tau", unit: "1", in: 0...0.99)
        _ = try ModelInputError.check(extinctionCoefficient, "c_K", unit: "1", in: positive)
        _ = try ModelInputError.check(leafAreaRatio, "c_lar", unit: "m² g⁻¹", in: positive)
        _ = try ModelInputError.check(lightUseEfficiency, "c_epsilon", unit: "g J⁻¹", in: 0...1e-3)
        _ = try ModelInputError.check(compensationPoint, "c_Gamma", unit: "ppm", in: 0...1000)
        _ = try ModelInputError.check(compensationPointQ10, "c_Q10,Gamma", unit: "1", in: positive)
        _ = try ModelInputError.check(boundaryLayerConductance, "c_bnd", unit: "m s⁻¹", in: positive)
        _ = try ModelInputError.check(stomatalConductance, "c_stm", unit: "m s⁻¹", in: positive)
        let anything: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        _ = try ModelInputError.check(carboxylation1, "c_car1", unit: "m s⁻¹ °C⁻²", in: anything)
        _ = try ModelInputError.check(carboxylation2, "c_car2", unit: "m s⁻¹ °C⁻¹", in: anything)
        _ = try ModelInputError.check(carboxylation3, "c_car3", unit: "m s⁻¹", in: anything)
        _ = try ModelInputError.check(co2Density, "c_omega", unit: "g m⁻³ ppm⁻¹", in: positive)
    }
}
