import Foundation

/// Constants and fast, non-throwing property functions of moist air for the climate ODEs.
///
/// The validated `Psychrometrics` functions check every input and throw; right-hand sides of
/// ODEs are evaluated millions of times on states the integrator itself produced, so they use
/// these unchecked forms instead. Callers keep temperatures within −40…60 °C, where the Magnus
/// form below is accurate to ≈1 % against IAPWS (docs/model-reference.md §Psychrometrics).
public enum AirProperties {
    /// Density of air in a grow room, kg m⁻³ (≈ 20–25 °C at sea level; ASHRAE Fundamentals ch. 1).
    public static let density = 1.2
    /// Specific heat of dry air at constant pressure, J kg⁻¹ K⁻¹ (ASHRAE Fundamentals ch. 1; 1006 at 20 °C).
    public static let specificHeat = 1006.0
    /// Volumetric heat capacity ρ·c_p, J m⁻³ K⁻¹.
    public static let volumetricHeatCapacity = density * specificHeat
    /// Latent heat of vaporisation of water, J kg⁻¹ (≈ 20 °C; Vanthoor 2011 Table 8.1;
    /// docs/model-reference.md §Room heat balance). Held constant so that the room's energy balance
    /// closes exactly.
    public static let latentHeat = 2.45e6
    /// Molar gas constant, J mol⁻¹ K⁻¹ (CODATA 2018).
    public static let gasConstant = 8.314462618
    /// Molar mass of water, kg mol⁻¹.
    public static let waterMolarMass = 0.018015268
    /// Molar mass of CO₂, kg mol⁻¹ (GreenLight `co2dens2ppm` uses 44.01e-3).
    public static let co2MolarMass = 0.04401
    /// Standard atmospheric pressure, Pa.
    public static let standardPressure = 101_325.0

    /// Saturation vapour pressure over water, Pa, with the Vanthoor/GreenLight constants
    /// `610.78·exp(17.2694·T/(T + 238.3))` (Vanthoor 2011 thesis; GreenLight `satVp`).
    ///
    /// Chosen for the room model so that transpiration and condensation match GreenLight's
    /// implementation; it reads 0.5 % low at 25 °C and 1.0 % low at 40 °C against IAPWS.
    @inlinable
    public static func saturationPressure(celsius t: Double) -> Double {
        610.78 * exp(17.2694 * t / (t + 238.3))
    }

    /// Vapour partial pressure, Pa, of water vapour at density `rho` (kg m⁻³) and temperature `t` (°C):
    /// the ideal-gas law p = ρ·R·T/M_w.
    @inlinable
    public static func vapourPressure(density rho: Double, celsius t: Double) -> Double {
        rho * gasConstant * (t + 273.15) / waterMolarMass
    }

    /// Vapour density, kg m⁻³, at partial pressure `p` (Pa) and temperature `t` (°C).
    @inlinable
    public static func vapourDensity(pressure p: Double, celsius t: Double) -> Double {
        p * waterMolarMass / (gasConstant * (t + 273.15))
    }

    /// CO₂ mole fraction, ppm, of a CO₂ density `rho` (kg m⁻³) at `t` (°C) and `pressure` (Pa),
    /// as GreenLight's `co2dens2ppm`.
    @inlinable
    public static func co2PPM(density rho: Double, celsius t: Double, pressure: Double = standardPressure) -> Double {
        1e6 * rho * gasConstant * (t + 273.15) / (pressure * co2MolarMass)
    }

    /// CO₂ density, kg m⁻³, of a mole fraction in ppm at `t` (°C) and `pressure` (Pa).
    @inlinable
    public static func co2Density(ppm: Double, celsius t: Double, pressure: Double = standardPressure) -> Double {
        ppm * 1e-6 * pressure * co2MolarMass / (gasConstant * (t + 273.15))
    }

    /// Humidity ratio, kg water per kg dry air, of vapour partial pressure `p` (Pa) at total `pressure` (Pa)
    /// (ASHRAE Fundamentals 2017 ch. 1 eq. 20).
    @inlinable
    public static func humidityRatio(vapourPressure p: Double, pressure: Double = standardPressure) -> Double {
        0.621945 * p / (pressure - p)
    }
}
