import Foundation

/// A direct-expansion (DX) cooling coil with a sensible/latent split and a COP curve.
///
/// The coil cools the air it draws to an apparatus dew point (ADP) with a bypass factor BF
/// (ASHRAE Fundamentals ch. 1; the ADP/BF model of EnergyPlus' DX coils): the leaving air is
/// `BF·inlet + (1 − BF)·ADP` in temperature and in humidity ratio, the latter only when the
/// inlet is wetter than saturation at the ADP. So a humid room gets latent cooling and a dry
/// one only sensible cooling; the sensible heat ratio follows from the room state.
///
/// ```
/// ṁ      = ρ·V̇_rated·u                                   (variable-speed fan, u ∈ 0…1)
/// Q_sens = ṁ·c_p·(1 − BF)·(T − T_adp)
/// Q_lat  = ṁ·λ·(1 − BF)·max(0, W − W_sat(T_adp))
/// Q_tot ≤ u·Q_rated·capFT(T_wb, T_out)                    (scaled down together if above)
/// P_el   = Q_tot·EIR_rated·eirFT(T_wb, T_out)             (EIR = 1/COP)
/// ```
/// Inputs: command u (0…1), room air (``AirState``), outdoor dry bulb °C. Output: negative
/// sensible heat, negative water (condensate, kg s⁻¹), electric power W (compressor, condenser
/// and the indoor fan). Heat is rejected outdoors. The indoor (evaporator) fan runs
/// continuously, as grow rooms keep air moving through the canopy, drawing 773.3 W per m³ s⁻¹
/// of rated airflow (EnergyPlus Coil:Cooling:DX:SingleSpeed default, = AHRI's 0.365 W/cfm);
/// its power ends up as heat in the room air. A failed compressor (availability 0) leaves
/// the fan running.
///
/// Parameters: rated total capacity W (1 kW…5 MW), rated COP (1.5…8; AHRI 210/240 rating at
/// 19.4 °C wet bulb, 35 °C outdoor), rated airflow m³ s⁻¹ (default 50 L s⁻¹ per kW — ASHRAE's
/// 400 cfm per ton), ADP °C (default 10), BF (default 0.1; 0.05–0.3 for 4–8-row coils).
/// Curves: ``BiquadraticCurve/dxCoolingCapacity`` and ``BiquadraticCurve/dxEnergyInputRatio``.
/// Wet bulb from Stull (2011), closed form (±1 °C), which only moves the curves slightly.
public struct CoolingCoil: Sendable, Equatable {
    public var ratedCapacity: Double
    public var ratedCOP: Double
    public var ratedAirflow: Double
    public var apparatusDewPoint = 10.0
    public var bypassFactor = 0.1
    public var capacityCurve = BiquadraticCurve.dxCoolingCapacity
    public var efficiencyCurve = BiquadraticCurve.dxEnergyInputRatio
    /// Indoor fan power per unit of rated airflow, W per m³ s⁻¹.
    public var fanPowerPerFlow = 773.3
    /// Fraction of the capacity available, 0…1 (1 healthy; 0 failed; a degraded compressor in between).
    public var availability = 1.0

    /// A coil of `ratedCapacity` W at `ratedCOP`, with ASHRAE's 400 cfm/ton airflow.
    public init(ratedCapacity: Double, ratedCOP: Double = 3.5) throws(ModelInputError) {
        self.ratedCapacity = try ModelInputError.check(ratedCapacity, "cooling capacity", unit: "W", in: 0...5e6)
        self.ratedCOP = try ModelInputError.check(ratedCOP, "cooling COP", unit: "", in: 1.5...8)
        ratedAirflow = ratedCapacity / 1000 * 0.0537
    }

    /// The coil's effect at command `u` on air `air` with outdoor temperature `outdoor` °C.
    public func output(command u: Double, air: AirState, outdoor: Double) -> DeviceOutput {
        let fan = fanPowerPerFlow * ratedAirflow
        let u = min(max(u, 0), 1) * availability
        guard u > 0, air.temperature > apparatusDewPoint else {
            return DeviceOutput(sensibleHeat: fan, electricPower: fan)
        }
        let massFlow = AirProperties.density * ratedAirflow * u
        let contact = 1 - bypassFactor
        var sensible = massFlow * AirProperties.specificHeat * contact * (air.temperature - apparatusDewPoint)
        let wSat = AirProperties.humidityRatio(
            vapourPressure: AirProperties.saturationPressure(celsius: apparatusDewPoint), pressure: air.pressure)
        var waterRemoved = massFlow * contact * max(0, air.humidityRatio - wSat)
        let wetBulb = CoolingCoil.stullWetBulb(temperature: air.temperature, relativeHumidity: air.relativeHumidity)
        let capacity = u * ratedCapacity * capacityCurve(wetBulb, outdoor)
        let total = sensible + waterRemoved * AirProperties.latentHeat
        if total > capacity {
            let scale = capacity / total
            sensible *= scale
            waterRemoved *= scale
        }
        let delivered = sensible + waterRemoved * AirProperties.latentHeat
        let power = delivered / ratedCOP * efficiencyCurve(wetBulb, outdoor)
        return DeviceOutput(sensibleHeat: fan - sensible, water: -waterRemoved, electricPower: power + fan)
    }

    /// Wet-bulb temperature, °C, from Stull (2011) J. Appl. Meteor. Climatol. 50:2267 (closed form,
    /// RH 5–99 %, −20…50 °C at sea level; RH is clamped into that range).
    @inlinable
    public static func stullWetBulb(temperature t: Double, relativeHumidity: Double) -> Double {
        let rh = min(max(relativeHumidity, 5), 99)
        return t * atan(0.151977 * (rh + 8.313659).squareRoot()) + atan(t + rh) - atan(rh - 1.676331)
            + 0.00391838 * rh * rh.squareRoot() * atan(0.023101 * rh) - 4.686035
    }
}
