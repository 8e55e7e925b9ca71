/// Parameters p1…p28 of the Van Henten (2003) reduced greenhouse–lettuce model.
///
/// Values are from the notation table of Van Henten (2003), *Sensitivity analysis of an
/// optimal control problem in greenhouse climate management*, Biosystems Eng. 85:355–364,
/// as transcribed in GreenLight v2.0.5 (`greenhouse_evh2003.json`, davkat1/GreenLight) and
/// in the RL/MPC benchmark code (Boersma & van Mourik 2021; Morcego et al. 2023), where the
/// p-index of each property is conventional. The two sources agree except for the leakage
/// p11: see ``greenLight`` and ``rlBenchmark``. p12–p15 and p27–p28 only convert states to
/// measured outputs (ppm, RH).
public struct VanHenten2003Parameters: Sendable, Equatable, Codable {
    /// p1, c_αβ = 0.544, dimensionless: yield factor, dry matter per CO₂ assimilated (0.68 × 0.8).
    public var yieldFactor = 0.544
    /// p2, c_resp,d = 2.65e-7 s⁻¹: respiration in terms of respired dry matter.
    public var dryMatterRespiration = 2.65e-7
    /// p3, c_pl,d = 53 m² kg⁻¹: effective canopy surface per dry weight.
    public var effectiveCanopySurface = 53.0
    /// p4, c_rad,phot = 3.55e-9 kg J⁻¹: light-use efficiency.
    public var lightUseEfficiency = 3.55e-9
    /// p5, c_co2,1 = 5.11e-6 m s⁻¹ °C⁻²: temperature effect on CO₂ diffusion in leaves, quadratic.
    public var co2Diffusion1 = 5.11e-6
    /// p6, c_co2,2 = 2.3e-4 m s⁻¹ °C⁻¹: temperature effect on CO₂ diffusion, linear.
    public var co2Diffusion2 = 2.3e-4
    /// p7, c_co2,3 = 6.29e-4 m s⁻¹: temperature effect on CO₂ diffusion, constant.
    public var co2Diffusion3 = 6.29e-4
    /// p8, c_Γ = 5.2e-5 kg m⁻³: CO₂ compensation point.
    public var compensationPoint = 5.2e-5
    /// p9, c_cap,c = 4.1 m: volumetric capacity of the greenhouse air for CO₂.
    public var co2Capacity = 4.1
    /// p10, c_resp,c = 4.87e-7 s⁻¹: respiration in terms of produced CO₂.
    public var co2Respiration = 4.87e-7
    /// p11, c_leak, m s⁻¹: leakage through the cover. 0.75e-4 in GreenLight's JSON (citing the
    /// 2003 notation table, the default here); 7.5e-6 in the RL-benchmark code.
    public var leakage = 0.75e-4
    /// p12, R = 8.31 J mol⁻¹ K⁻¹: gas constant used by the output conversions.
    public var gasConstant = 8.31
    /// p13, T_abs = 273.15 K: 0 °C in kelvin, for the output conversions.
    public var absoluteZeroOffset = 273.15
    /// p14, P_atm = 101325 Pa: atmospheric pressure, for the CO₂ output.
    public var atmosphericPressure = 101_325.0
    /// p15, M_CO2 = 0.044 kg mol⁻¹: molar mass of CO₂, for the CO₂ output.
    public var co2MolarMass = 0.044
    /// p16, c_cap,q = 3e4 J m⁻² °C⁻¹: heat capacity of the greenhouse air (per m² ground).
    public var heatCapacity = 3.0e4
    /// p17, c_cap,q,v = 1290 J m⁻³ °C⁻¹: volumetric heat capacity of air, for ventilation losses.
    public var volumetricHeatCapacity = 1290.0
    /// p18, c_ai,ou = 6.1 W m⁻² °C⁻¹: heat transmission through the cover.
    public var coverTransmission = 6.1
    /// p19, c_rad,q = 0.2, dimensionless: heat load coefficient of solar radiation.
    public var radiationHeatLoad = 0.2
    /// p20, c_cap,h = 4.1 m: volumetric capacity of the greenhouse air for humidity.
    public var humidityCapacity = 4.1
    /// p21, c_v,pl,ai = 3.6e-3 m s⁻¹: canopy transpiration mass-transfer coefficient.
    public var transpirationCoefficient = 3.6e-3
    /// p22, c_v,1 = 9348 J m⁻³: saturation-humidity constant.
    public var saturation1 = 9348.0
    /// p23, c_R = 8314 J K⁻¹ kmol⁻¹: gas constant in the saturation humidity.
    public var saturationGasConstant = 8314.0
    /// p24, c_T,abs = 273.15 K: 0 °C in kelvin, in the saturation humidity.
    public var saturationAbsoluteZeroOffset = 273.15
    /// p25, c_v,2 = 17.4, dimensionless: saturation-humidity exponent coefficient.
    public var saturation2 = 17.4
    /// p26, c_v,3 = 239 °C: saturation-humidity exponent offset.
    public var saturation3 = 239.0
    /// p27 = 17.269, dimensionless: Magnus coefficient of the RH output.
    public var relativeHumidity1 = 17.269
    /// p28 = 238.3 °C: Magnus offset of the RH output.
    public var relativeHumidity2 = 238.3

    /// The notation-table values with c_leak = 0.75e-4 m s⁻¹, as in GreenLight v2.0.5.
    public static let greenLight = VanHenten2003Parameters()

    /// The RL/MPC benchmark set: identical except c_leak = 7.5e-6 m s⁻¹.
    public static let rlBenchmark: VanHenten2003Parameters = {
        var p = VanHenten2003Parameters()
        p.leakage = 7.5e-6
        return p
    }()

    /// Creates the ``greenLight`` set; change individual properties for a variant.
    public init() {}

    /// The parameters in benchmark order, p1 at index 0 … p28 at index 27.
    public var pVector: [Double] {
        [yieldFactor, dryMatterRespiration, effectiveCanopySurface, lightUseEfficiency, co2Diffusion1,
         co2Diffusion2, co2Diffusion3, compensationPoint, co2Capacity, co2Respiration, leakage, gasConstant,
         absoluteZeroOffset, atmosphericPressure, co2MolarMass, heatCapacity, volumetricHeatCapacity,
         coverTransmission, radiationHeatLoad, humidityCapacity, transpirationCoefficient, saturation1,
         saturationGasConstant, saturationAbsoluteZeroOffset, saturation2, saturation3, relativeHumidity1,
         relativeHumidity2]
    }

    /// Checks that every parameter is finite and that capacities and constants are positive.
    ///
    /// - Throws: ``ModelInputError`` naming the first offending p-index.
    public func validate() throws(ModelInputError) {
        let all = pVector
        let nonNegative: Set<Int> = [2, 10, 11]  // respiration and leakage may be switched off
        for (i, value) in all.enumerated() {
            let lower = nonNegative.contains(i + 1) ? 0 : Double.leastNormalMagnitude
            _ = try ModelInputError.check(value, "Van Henten 2003 p\(i + 1)", unit: "(see docs)",
                                          in: lower...Double.greatestFiniteMagnitude)
        }
    }
}
