/// Conversions between CO₂ mole fraction (ppm) and mass concentration at a temperature and pressure.
///
/// Ideal gas, following GreenLight's `co2dens2ppm` / `co2ppm2dens` (Vanthoor 2011;
/// docs/model-reference.md §CO₂): ppm = 10⁶ · R·(T + 273.15)·ρ / (P·M_CO2), with
/// R = 8.3144598 J mol⁻¹ K⁻¹ and M_CO2 = 44.01e-3 kg mol⁻¹. At 20 °C and 101.325 kPa,
/// 1 ppm = 1.82955 mg m⁻³.
///
/// Inputs: temperature °C, −50–100; pressure kPa, 10–200; ppm 0–1e6; density mg m⁻³ or kg m⁻³, ≥ 0.
public enum CO2Units {
    /// Molar gas constant as used by GreenLight, J mol⁻¹ K⁻¹.
    public static let gasConstant = 8.3144598
    /// Molar mass of CO₂, kg mol⁻¹.
    public static let molarMass = 44.01e-3
    /// Standard atmospheric pressure, kPa.
    public static let standardPressure = 101.325

    /// Mass concentration of one ppm, mg m⁻³, at a temperature and pressure.
    public static func milligramsPerCubicMetrePerPPM(temperature: Double, pressure: Double = standardPressure)
        throws(ModelInputError) -> Double {
        let t = try ModelInputError.check(temperature, "air temperature", unit: "°C", in: -50...100)
        let p = try ModelInputError.check(pressure, "air pressure", unit: "kPa", in: 10...200)
        // mg m⁻³ per ppm = 1e-6 · P[Pa] · M[kg/mol] / (R·T) · 1e6 mg/kg
        return p * 1000 * molarMass / (gasConstant * (t + 273.15))
    }

    /// CO₂ mass concentration from mole fraction.
    ///
    /// - Parameters:
    ///   - ppm: µmol mol⁻¹, 0–1e6.
    ///   - temperature: °C.
    ///   - pressure: kPa.
    /// - Returns: mg m⁻³ (1000 ppm at 20 °C, 101.325 kPa gives 1829.5).
    public static func milligramsPerCubicMetre(ppm: Double, temperature: Double, pressure: Double = standardPressure)
        throws(ModelInputError) -> Double {
        let x = try ModelInputError.check(ppm, "CO2 mole fraction", unit: "ppm", in: 0...1e6)
        return x * (try milligramsPerCubicMetrePerPPM(temperature: temperature, pressure: pressure))
    }

    /// CO₂ mole fraction from mass concentration.
    ///
    /// - Parameters:
    ///   - milligramsPerCubicMetre: mg m⁻³, 0–2e6.
    ///   - temperature: °C.
    ///   - pressure: kPa.
    /// - Returns: ppm.
    public static func ppm(milligramsPerCubicMetre: Double, temperature: Double, pressure: Double = standardPressure)
        throws(ModelInputError) -> Double {
        let c = try ModelInputError.check(milligramsPerCubicMetre, "CO2 concentration", unit: "mg/m³", in: 0...2e6)
        return c / (try milligramsPerCubicMetrePerPPM(temperature: temperature, pressure: pressure))
    }

    /// CO₂ mass concentration in kg m⁻³ (the unit of GreenLight's and Van Henten's CO₂ states).
    public static func kilogramsPerCubicMetre(ppm: Double, temperature: Double, pressure: Double = standardPressure)
        throws(ModelInputError) -> Double {
        try milligramsPerCubicMetre(ppm: ppm, temperature: temperature, pressure: pressure) * 1e-6
    }

    /// CO₂ mole fraction from a density in kg m⁻³ (GreenLight `co2dens2ppm`).
    public static func ppm(kilogramsPerCubicMetre: Double, temperature: Double, pressure: Double = standardPressure)
        throws(ModelInputError) -> Double {
        let rho = try ModelInputError.check(kilogramsPerCubicMetre, "CO2 concentration", unit: "kg/m³", in: 0...2)
        return try ppm(milligramsPerCubicMetre: rho * 1e6, temperature: temperature, pressure: pressure)
    }
}
