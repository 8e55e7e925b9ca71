import Foundation
import SimKernel

/// The Van Henten (2003) reduced greenhouse–lettuce model (4 states), the RL/MPC benchmark
/// model, as an ``ODESystem`` for a ``ContinuousComponent``.
///
/// State (index order): `y[0]` X_d crop dry weight, kg m⁻²; `y[1]` X_c indoor CO₂, kg m⁻³;
/// `y[2]` X_T indoor air temperature, °C; `y[3]` X_h indoor humidity, kg m⁻³.
/// Weather inputs (``setWeather(radiation:temperature:humidity:co2:)``): V_rad outdoor global
/// radiation W m⁻², V_T °C, V_h kg m⁻³, V_c kg m⁻³. Controls
/// (``setControls(co2Supply:ventilation:heating:)``): U_c CO₂ supply kg m⁻² s⁻¹, U_v
/// ventilation m s⁻¹, U_q heating W m⁻².
///
/// ```
/// dX_d/dt = c_αβ·φ_phot − c_resp,d·X_d·2^(0.1·X_T − 2.5)
/// dX_c/dt = (−φ_phot + c_resp,c·X_d·2^(0.1·X_T − 2.5) + U_c − (U_v + c_leak)(X_c − V_c)) / c_cap,c
/// dX_T/dt = (U_q − (c_cap,q,v·U_v + c_ai,ou)(X_T − V_T) + c_rad,q·V_rad) / c_cap,q
/// dX_h/dt = (φ_transp − φ_vent,h) / c_cap,h
/// φ_phot   = (1 − e^(−c_pl,d·X_d))·c_rad,phot·V_rad·g·(X_c − c_Γ) / (c_rad,phot·V_rad + g·(X_c − c_Γ)),
///            g = −c_co2,1·X_T² + c_co2,2·X_T − c_co2,3
/// φ_transp = (1 − e^(−c_pl,d·X_d))·c_v,pl,ai·(c_v,1/(c_R·(X_T + c_T,abs))·e^(c_v,2·X_T/(X_T + c_v,3)) − X_h)
/// φ_vent,h = (U_v + c_leak)(X_h − V_h)   (paper; see ``Variant``)
/// ```
/// Papers: Van Henten (2003), Biosystems Eng. 85:355–364; Van Henten (1994), PhD thesis.
/// Cross-checked against GreenLight v2.0.5 (Katzin et al. 2020; docs/model-reference.md
/// §Greenhouse lettuce, R3). The only guard added to the published equations: φ_phot = 0 when
/// its denominator is zero (no light and CO₂ exactly at the compensation point), where the
/// formula is 0/0. Note that with c_v,1 = 9348 the transpiration's "saturation" concentration
/// is ≈ 85 % of the physical one (the RH output's constant 11 corresponds to 10998 J m⁻³), so
/// a closed house settles near 85 % RH; that is the published model, kept as is.
public final class VanHenten2003Greenhouse: ODESystem {
    /// Which humidity ventilation term to use; the two published executable forms differ.
    public enum Variant: String, Sendable, Codable, CaseIterable, Equatable {
        /// Van Henten (2003) eq. 11 and the RL-benchmark code: φ_vent,h = (U_v + c_leak)(X_h − V_h).
        case paper
        /// GreenLight v2.0.5 `greenhouse_evh2003.json`: φ_vent,h = c_leak·(X_h − V_h), leaving
        /// out U_v. Reproduces that package's output (to 1e-4 relative over 5 days); use it
        /// only for that cross-check, since ventilation then does not dry the air.
        case greenLightV205
    }

    /// Four states: X_d, X_c, X_T, X_h.
    public let dimension = 4
    /// p1…p28.
    public let parameters: VanHenten2003Parameters
    /// The humidity ventilation form.
    public let variant: Variant

    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    /// V_rad: outdoor global radiation, W m⁻².
    @exclusivity(unchecked) public private(set) var outdoorRadiation = 0.0
    /// V_T: outdoor temperature, °C.
    @exclusivity(unchecked) public private(set) var outdoorTemperature = 20.0
    /// V_h: outdoor humidity, kg m⁻³.
    @exclusivity(unchecked) public private(set) var outdoorHumidity = 5e-3
    /// V_c: outdoor CO₂, kg m⁻³.
    @exclusivity(unchecked) public private(set) var outdoorCO2 = 7.2e-4
    /// U_c: CO₂ supply, kg m⁻² s⁻¹.
    @exclusivity(unchecked) public private(set) var co2Supply = 0.0
    /// U_v: ventilation rate, m s⁻¹.
    @exclusivity(unchecked) public private(set) var ventilation = 0.0
    /// U_q: heating, W m⁻².
    @exclusivity(unchecked) public private(set) var heating = 0.0

    /// Creates the model with GreenLight's example weather (V_rad 0, V_T 20 °C, V_h 5e-3,
    /// V_c 7.2e-4) and all controls off.
    ///
    /// - Parameters:
    ///   - parameters: p1…p28; default ``VanHenten2003Parameters/greenLight``.
    ///   - variant: the humidity ventilation form; default `.paper`.
    /// - Throws: ``ModelInputError`` for an invalid parameter.
    public init(parameters: VanHenten2003Parameters = .greenLight, variant: Variant = .paper) throws(ModelInputError) {
        try parameters.validate()
        self.parameters = parameters
        self.variant = variant
    }

    /// Sets the weather inputs, held until the next call.
    ///
    /// - Parameters:
    ///   - radiation: V_rad, W m⁻², 0…1500.
    ///   - temperature: V_T, °C, −50…60.
    ///   - humidity: V_h, kg m⁻³, 0…0.2.
    ///   - co2: V_c, kg m⁻³, 0…0.02.
    /// - Throws: ``ModelInputError``; nothing changes on failure.
    public func setWeather(radiation: Double, temperature: Double, humidity: Double, co2: Double) throws(ModelInputError) {
        let r = try ModelInputError.check(radiation, "outdoor radiation V_rad", unit: "W m⁻²", in: 0...1500)
        let t = try ModelInputError.check(temperature, "outdoor temperature V_T", unit: "°C", in: -50...60)
        let h = try ModelInputError.check(humidity, "outdoor humidity V_h", unit: "kg m⁻³", in: 0...0.2)
        let c = try ModelInputError.check(co2, "outdoor CO2 V_c", unit: "kg m⁻³", in: 0...0.02)
        (outdoorRadiation, outdoorTemperature, outdoorHumidity, outdoorCO2) = (r, t, h, c)
    }

    /// Sets the controls, held until the next call.
    ///
    /// - Parameters:
    ///   - co2Supply: U_c, kg m⁻² s⁻¹, 0…1e-4 (the benchmark's maximum is 1.2e-6).
    ///   - ventilation: U_v, m s⁻¹, 0…1 (benchmark maximum 7.5e-3).
    ///   - heating: U_q, W m⁻², 0…1000 (benchmark maximum 150).
    /// - Throws: ``ModelInputError``; nothing changes on failure.
    public func setControls(co2Supply: Double, ventilation: Double, heating: Double) throws(ModelInputError) {
        let c = try ModelInputError.check(co2Supply, "CO2 supply U_c", unit: "kg m⁻² s⁻¹", in: 0...1e-4)
        let v = try ModelInputError.check(ventilation, "ventilation U_v", unit: "m s⁻¹", in: 0...1)
        let q = try ModelInputError.check(heating, "heating U_q", unit: "W m⁻²", in: 0...1000)
        (self.co2Supply, self.ventilation, self.heating) = (c, v, q)
    }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let p = parameters
        let xd = y[0], xc = y[1], xt = y[2], xh = y[3]
        let cover = -expm1(-p.effectiveCanopySurface * xd)
        let respirationFactor = xd * exp2(0.1 * xt - 2.5)
        let photosynthesis = canopyPhotosynthesis(cover: cover, co2: xc, temperature: xt)
        let co2Exchange = ventilation + p.leakage
        dydt[0] = p.yieldFactor * photosynthesis - p.dryMatterRespiration * respirationFactor
        dydt[1] = (-photosynthesis + p.co2Respiration * respirationFactor + co2Supply
            - co2Exchange * (xc - outdoorCO2)) / p.co2Capacity
        dydt[2] = (heating - (p.volumetricHeatCapacity * ventilation + p.coverTransmission) * (xt - outdoorTemperature)
            + p.radiationHeatLoad * outdoorRadiation) / p.heatCapacity
        let saturated = p.saturation1 / (p.saturationGasConstant * (xt + p.saturationAbsoluteZeroOffset))
            * exp(p.saturation2 * xt / (xt + p.saturation3))
        let transpiration = cover * p.transpirationCoefficient * (saturated - xh)
        let humidityExchange = variant == .paper ? co2Exchange : p.leakage
        dydt[3] = (transpiration - humidityExchange * (xh - outdoorHumidity)) / p.humidityCapacity
    }

    /// φ_phot: gross canopy photosynthesis, kg CO₂ m⁻² s⁻¹.
    private func canopyPhotosynthesis(cover: Double, co2: Double, temperature: Double) -> Double {
        let p = parameters
        let light = p.lightUseEfficiency * outdoorRadiation
        let conductance = (-p.co2Diffusion1 * temperature + p.co2Diffusion2) * temperature - p.co2Diffusion3
        let co2Limited = conductance * (co2 - p.compensationPoint)
        let denominator = light + co2Limited
        return denominator == 0 ? 0 : cover * light * co2Limited / denominator
    }

    /// The benchmark's measured outputs y = (dry weight, CO₂, temperature, RH) of a state.
    ///
    /// CO₂ by the ideal gas law with p12–p15; RH with the benchmark's Magnus form
    /// (p27, p28) and its constant 11 ≈ 610.78 Pa × 0.018 kg mol⁻¹.
    ///
    /// - Parameter state: (X_d kg m⁻², X_c kg m⁻³, X_T °C, X_h kg m⁻³).
    /// - Returns: dry weight g m⁻², CO₂ ppm, temperature °C, relative humidity %.
    public func outputs(of state: (dryWeight: Double, co2: Double, temperature: Double, humidity: Double))
        -> (dryWeight: Double, co2: Double, temperature: Double, relativeHumidity: Double) {
        let p = parameters
        let kelvin = state.temperature + p.absoluteZeroOffset
        let ppm = 1e6 * p.gasConstant * kelvin / (p.atmosphericPressure * p.co2MolarMass) * state.co2
        let rh = 100 * p.gasConstant * kelvin
            / (11 * exp(p.relativeHumidity1 * state.temperature / (state.temperature + p.relativeHumidity2)))
            * state.humidity
        return (1e3 * state.dryWeight, ppm, state.temperature, rh)
    }
}
