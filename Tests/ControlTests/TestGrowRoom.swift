import Control
import Foundation
import TwinModels

/// A deliberately small well-mixed grow room for controller tests (not the twin's room model).
///
///     C·dT/dt  = Q_lamp − UA·(T − T_out) + u_heat·Q_heat − u_cool·Q_cool + u_dehum·Q_dehum
///     V·dρ/dt  = E − u_dehum·W_dehum + u_hum·W_hum − ACH·V·(ρ − ρ_out)
///     dC/dt    = u_CO2·G − A(lights) − ACH·(C − C_out)          (ppm)
///
/// Numbers describe a 100 m² flower room (docs/model-reference.md §Climate orders of magnitude):
/// 30 kW of LED heat with the lights on, a 5 °C winter outside, a dehumidifier that returns
/// its electrical power and the latent heat of the removed water as sensible heat.
struct TestGrowRoom {
    var temperature = 20.0          // °C
    var vapourDensity = 0.0104      // kg m⁻³ (≈ 60 % RH at 20 °C)
    var co2 = 420.0                 // ppm

    let capacity = 3.0e6            // J K⁻¹, air plus furnishings
    let ua = 150.0                  // W K⁻¹
    let outdoorTemperature = 5.0    // °C
    let lampHeat = 30_000.0         // W with lights on
    let heaterPower = 15_000.0      // W
    let coolerPower = 60_000.0      // W
    let volume = 400.0              // m³
    let transpirationDay = 10.0 / 3600   // kg s⁻¹
    let transpirationNight = 2.0 / 3600  // kg s⁻¹
    let dehumidifierCapacity = 20.0 / 3600   // kg s⁻¹
    let dehumidifierEfficiency = 2.0 / 3.6e6 // kg J⁻¹ (2 L kWh⁻¹)
    let humidifierCapacity = 5.0 / 3600      // kg s⁻¹
    let airChanges = 0.2 / 3600     // s⁻¹
    let outdoorVapourDensity = 0.005 // kg m⁻³
    let co2Injection = 2000.0 / 3600 // ppm s⁻¹ at full valve
    let co2Uptake = 600.0 / 3600     // ppm s⁻¹ with lights on
    let outdoorCO2 = 420.0          // ppm
    let latentHeat = 2.45e6         // J kg⁻¹

    /// Relative humidity, %, clamped to 100 (the plant may briefly supersaturate).
    var relativeHumidity: Double {
        let e = try! Psychrometrics.vapourPressure(vapourDensity: vapourDensity, temperature: temperature)
        let es = try! SaturationFormula.hylandWexler.saturationVapourPressure(temperature: temperature)
        return min(100, 100 * e / es)
    }

    /// Air VPD, kPa.
    var vpd: Double {
        try! Psychrometrics.vapourPressureDeficit(temperature: temperature, relativeHumidity: relativeHumidity)
    }

    /// Advances the room by `dt` seconds (explicit Euler; dt ≤ 10 s keeps it accurate).
    mutating func step(_ u: ClimateCommand, lightsOn: Bool, dt: Double) {
        let water = u.dehumidification * dehumidifierCapacity
        let dehumidifierHeat = water * latentHeat + water / dehumidifierEfficiency
        let q = (lightsOn ? lampHeat : 0) - ua * (temperature - outdoorTemperature)
            + u.heating * heaterPower - u.cooling * coolerPower + dehumidifierHeat
        temperature += q / capacity * dt
        let transpiration = lightsOn ? transpirationDay : transpirationNight
        let moisture = transpiration - water + u.humidification * humidifierCapacity
            - airChanges * volume * (vapourDensity - outdoorVapourDensity)
        vapourDensity = max(0, vapourDensity + moisture / volume * dt)
        let dc = u.co2Injection * co2Injection - (lightsOn ? co2Uptake : 0) - airChanges * (co2 - outdoorCO2)
        co2 = max(0, co2 + dc * dt)
    }
}
