import SimKernel

/// The Van Henten (1994) two-state lettuce growth model as an ``ODESystem`` for a ``ContinuousComponent``.
///
/// State (g m⁻² ground, index order): `y[0]` = X_nsdw, non-structural dry weight (sugars,
/// starch); `y[1]` = X_sdw, structural dry weight. Inputs, held as properties and changed
/// between integration spans with ``setInputs(temperature:co2:par:)``: canopy temperature
/// °C, CO₂ ppm and incident PAR W m⁻². Equations, guards and parameter sources are in
/// ``VanHenten1994Rates`` and ``VanHenten1994Parameters``; papers: Van Henten & Van Straten
/// (1994), J. Agric. Eng. Res. 59:19–31, and Van Henten (1994), PhD thesis, Wageningen.
///
/// A transplant state common in public ports is X_nsdw = 0.72, X_sdw = 2.7 g m⁻² (2.7 g m⁻² is
/// the thesis' initial dry weight, p. 33, as cited by GreenLight).
/// Inputs are set through one validating method rather than plain property setters
/// because a setter cannot throw, and an unchecked NaN would only surface later as a
/// non-finite state.
public final class VanHenten1994Lettuce: ODESystem {
    /// Two states: X_nsdw and X_sdw.
    public let dimension = 2
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    /// The factors at the current inputs (carries the parameters and the inputs).
    @exclusivity(unchecked) public private(set) var rates: VanHenten1994Rates

    /// U_T: canopy temperature, °C.
    public var temperature: Double { rates.temperature }
    /// U_CO2: CO₂ concentration, ppm.
    public var co2: Double { rates.co2 }
    /// U_PAR: incident PAR, W m⁻².
    public var par: Double { rates.par }
    /// The model parameters.
    public var parameters: VanHenten1994Parameters { rates.parameters }

    /// Creates the model with validated parameters and initial inputs.
    ///
    /// - Parameters:
    ///   - parameters: defaults to the nominal set.
    ///   - temperature: °C, in ``VanHenten1994Rates/validTemperatureRange``.
    ///   - co2: ppm, in ``VanHenten1994Rates/validCO2Range``.
    ///   - par: W m⁻², in ``VanHenten1994Rates/validPARRange``.
    /// - Throws: ``ModelInputError`` for a bad parameter or input.
    public init(parameters: VanHenten1994Parameters = .nominal, temperature: Double, co2: Double,
                par: Double) throws(ModelInputError) {
        try parameters.validate()
        rates = try VanHenten1994Rates(parameters: parameters, temperature: temperature, co2: co2, par: par)
    }

    /// Changes the inputs; takes effect from the next derivative evaluation.
    ///
    /// - Parameters:
    ///   - temperature: canopy temperature, °C.
    ///   - co2: ppm.
    ///   - par: incident PAR, W m⁻².
    /// - Throws: ``ModelInputError``; the previous inputs stay in force.
    public func setInputs(temperature: Double, co2: Double, par: Double) throws(ModelInputError) {
        rates = try VanHenten1994Rates(parameters: rates.parameters, temperature: temperature, co2: co2, par: par)
    }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let d = rates.derivatives(nonstructural: y[0], structural: y[1])
        dydt[0] = d.nonstructural
        dydt[1] = d.structural
    }

    /// Leaf area index of a state, c_lar·(1 − c_τ)·X_sdw, m² leaf per m² ground.
    ///
    /// - Parameter structuralDryWeight: X_sdw, g m⁻².
    public func leafAreaIndex(structuralDryWeight: Double) -> Double {
        rates.leafAreaIndex(structural: structuralDryWeight)
    }

    /// Net CO₂ uptake of a state at the current inputs, g CO₂ m⁻² s⁻¹ (negative = release).
    ///
    /// - Parameters:
    ///   - nonstructural: X_nsdw, g m⁻².
    ///   - structural: X_sdw, g m⁻².
    public func netCO2Uptake(nonstructural: Double, structural: Double) -> Double {
        rates.netCO2Uptake(nonstructural: nonstructural, structural: structural)
    }
}
