import Foundation
import SimKernel

/// The lumped climate of one grow room: air, building mass and canopy temperatures, air
/// humidity and CO₂, as a system of ODEs.
///
/// State (``Index``), all per room:
/// - `airTemperature` T_a, °C; `massTemperature` T_m, °C; `canopyTemperature` T_c, °C;
/// - `vapourDensity` ρ_v, kg m⁻³; `co2Density` C, kg m⁻³;
/// - `transpiredWater` and `condensedWater`, kg: running totals, integrated with the
///   state so that water balances close to solver precision.
///
/// ```
/// C_a dT_a/dt = Q_conv + h_c·A_c·(T_c − T_a) + H_m·(T_m − T_a) + (UA + ρc_p·Q)(T_out − T_a) + Q_hvac
/// C_m dT_m/dt = H_m·(T_a − T_m) + Q_lamp→floor + h_r·A_c·(T_c − T_m) + λ·M_cond
/// C_c dT_c/dt = Q_lamp→canopy − h_c·A_c·(T_c − T_a) − h_r·A_c·(T_c − T_m) − λ·A_c·E
/// V dρ_v/dt   = A_c·E − M_cond + W_hvac + Q·(ρ_v,out − ρ_v)
/// V dC/dt     = U_CO2 − A_c·A_net·r(C) + Q·(C_out − C)
/// M_cond      = 6.4e-9·H_m·max(0, p_air − p_sat(T_m))                   (Vanthoor eq. 8.43)
/// ```
/// with r(C) = min(1, [(C − Γ)/(C + 2Γ)] / [(C₀ − Γ)/(C₀ + 2Γ)]) (0 when C₀ ≤ Γ) scaling the crop's uptake A_net (computed
/// at the step's starting CO₂ C₀) along the light-limited CO₂ response (Goudriaan et al. 1985;
/// docs/model-reference.md §Cannabis), with Q the leakage plus mechanical outdoor-air flow
/// (m³ s⁻¹), E the Stanghellini transpiration (``CanopyTranspiration``), and the lamp's PAR,
/// NIR and long-wave shares split between canopy and floor by Beer's law, 1 − exp(−k·LAI),
/// with Vanthoor's extinction coefficients. Convective lamp heat goes to the air.
///
/// The balance is exact by construction: with λ constant, the stored energy
/// C_a·T_a + C_m·T_m + C_c·T_c + λ·V·ρ_v changes only through the lamp, HVAC, envelope and
/// air-exchange terms, so a closed room lit for a day stores exactly the lamps' energy
/// (docs/model-reference.md §Conservation checks, R2; tested).
///
/// Sources: docs/model-reference.md §Climate (lumped 3-node RC form); Vanthoor (2011) thesis Ch. 8
/// for the canopy exchange, extinction and condensation coefficients; Stanghellini (1987).
///
/// Identity matters (the integrator reads the inputs the facility writes), so this is a
/// class; inputs change only between integration spans.
public final class RoomClimate: ODESystem {
    /// Positions in the state vector.
    public enum Index {
        public static let airTemperature = 0
        public static let massTemperature = 1
        public static let canopyTemperature = 2
        public static let vapourDensity = 3
        public static let co2Density = 4
        public static let transpiredWater = 5
        public static let condensedWater = 6
    }

    public let dimension = 7
    /// The room's fixed description.
    public let parameters: RoomParameters
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    /// The drivers of the current step; set through ``update(_:)``.
    @exclusivity(unchecked) public private(set) var inputs = RoomInputs()

    // Coefficients fixed for a step, derived from parameters and inputs once per update.
    private let volume: Double
    private let airCapacity: Double
    @exclusivity(unchecked) private var canopyCapacity = 1.0
    @exclusivity(unchecked) private var canopyConvection = 0.0
    @exclusivity(unchecked) private var canopyRadiation = 0.0
    @exclusivity(unchecked) private var lampToCanopy = 0.0
    @exclusivity(unchecked) private var lampToMass = 0.0
    @exclusivity(unchecked) private var exchangeFlow = 0.0
    @exclusivity(unchecked) private var effectiveLAI = 0.0
    /// Ks of the span (``RoomInputs/waterStress``), multiplying transpiration.
    @exclusivity(unchecked) private var transpirationFactor = 1.0
    @exclusivity(unchecked) private var light = CanopyTranspiration().lightResponse(radiation: 0)
    @exclusivity(unchecked) private var uptakeNormaliser = 1.0
    private let condensationCoefficient: Double

    /// Creates the model of a room; validates the parameters.
    public init(parameters: RoomParameters) throws(ModelInputError) {
        try parameters.validate()
        self.parameters = parameters
        volume = parameters.volume
        airCapacity = parameters.airCapacity
        condensationCoefficient = 6.4e-9 * parameters.massConductance
        update(RoomInputs())
    }

    /// A state vector for a room in equilibrium with air at `temperature` °C, `relativeHumidity` %
    /// and `co2` ppm (mass and canopy at air temperature, totals zero).
    public func initialState(temperature: Double, relativeHumidity: Double, co2: Double) -> [Double] {
        let rho = AirProperties.vapourDensity(
            pressure: relativeHumidity / 100 * AirProperties.saturationPressure(celsius: temperature), celsius: temperature)
        let c = AirProperties.co2Density(ppm: co2, celsius: temperature, pressure: parameters.pressure)
        return [temperature, temperature, temperature, rho, c, 0, 0]
    }

    /// Sets the drivers for the next integration span and precomputes what depends only on them.
    public func update(_ newInputs: RoomInputs) {
        inputs = newInputs
        let p = parameters
        let lai = max(newInputs.leafAreaIndex, p.minimumLeafAreaIndex)
        effectiveLAI = lai
        transpirationFactor = min(1, max(0, newInputs.waterStress))
        let canopyArea = max(p.canopyArea, 1e-9)
        canopyCapacity = p.leafHeatCapacity * lai * canopyArea
        canopyConvection = p.transpiration.convectiveCoefficient(leafAreaIndex: lai) * canopyArea
        let absorbedPAR = 1 - exp(-p.extinctionPAR * lai)
        let absorbedNIR = 1 - exp(-p.extinctionNIR * lai)
        let absorbedFIR = 1 - exp(-p.extinctionFIR * lai)
        // Long-wave exchange sees the canopy only through its cover fraction; this also keeps a
        // sparse canopy's node from becoming stiff (its capacity shrinks with LAI).
        canopyRadiation = p.canopyRadiativeCoefficient * canopyArea * absorbedFIR
        lampToCanopy = absorbedPAR * newInputs.lampPAR + absorbedNIR * newInputs.lampNIR
            + absorbedFIR * newInputs.lampLongwave
        lampToMass = newInputs.lampPAR + newInputs.lampNIR + newInputs.lampLongwave - lampToCanopy
        exchangeFlow = p.infiltrationACH * volume / 3600 + newInputs.outdoorAirFlow
        light = p.transpiration.lightResponse(radiation: (newInputs.lampPAR + newInputs.lampNIR) / canopyArea)
        let reference = newInputs.cropUptakeCO2, gamma = newInputs.cropCompensationPoint
        uptakeNormaliser = reference > gamma ? (reference + 2 * gamma) / (reference - gamma) : 0
    }

    /// Transpiration per m² of canopy, kg m⁻² s⁻¹, at a state.
    public func transpiration(state y: UnsafeBufferPointer<Double>) -> Double {
        let ta = y[Index.airTemperature]
        let pAir = AirProperties.vapourPressure(density: y[Index.vapourDensity], celsius: ta)
        let co2 = AirProperties.co2PPM(density: y[Index.co2Density], celsius: ta, pressure: parameters.pressure)
        return parameters.transpiration.rate(canopyTemperature: y[Index.canopyTemperature], airVapourPressure: pAir,
                                             co2: co2, leafAreaIndex: effectiveLAI, light: light) * transpirationFactor
    }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let p = parameters
        let ta = y[Index.airTemperature], tm = y[Index.massTemperature], tc = y[Index.canopyTemperature]
        let rho = y[Index.vapourDensity], c = y[Index.co2Density]
        let lambda = AirProperties.latentHeat

        let pAir = AirProperties.vapourPressure(density: rho, celsius: ta)
        let co2 = AirProperties.co2PPM(density: c, celsius: ta, pressure: p.pressure)
        let canopy = canopyExchange(canopyTemperature: tc, airTemperature: ta, massTemperature: tm,
                                    airVapourPressure: pAir, stomatalCO2: co2)
        let transpired = canopy.transpired
        // Vapour condenses on the mass surfaces when the air's vapour pressure exceeds saturation at their temperature.
        let condensed = condensationCoefficient * max(0, pAir - AirProperties.saturationPressure(celsius: tm))

        let canopyToAir = canopy.toAir
        let canopyToMass = canopy.toMass
        let massToAir = p.massConductance * (tm - ta)
        let outdoor = (p.envelopeConductance + AirProperties.volumetricHeatCapacity * exchangeFlow)
            * (inputs.outdoorTemperature - ta)

        dydt[Index.airTemperature] = (inputs.lampConvective + canopyToAir + massToAir + outdoor + inputs.sensibleHeat)
            / airCapacity
        dydt[Index.massTemperature] = (lampToMass - massToAir + canopyToMass + lambda * condensed) / p.massCapacity
        dydt[Index.canopyTemperature] = canopy.netHeat / canopyCapacity
        dydt[Index.vapourDensity] = (transpired - condensed + inputs.water
            + exchangeFlow * (inputs.outdoorVapourDensity - rho)) / volume
        // Photosynthesis slows as CO₂ falls (respiration, a negative uptake, does not). The
        // factor is capped at 1: trial states above the step's starting CO₂ do not speed it up.
        var uptake = inputs.cropCO2Uptake
        if uptake > 0 {
            let gamma = inputs.cropCompensationPoint
            uptake *= min(1, max(0, (co2 - gamma) / (co2 + 2 * gamma)) * uptakeNormaliser)
        }
        dydt[Index.co2Density] = (inputs.co2Injection - p.canopyArea * uptake
            + exchangeFlow * (inputs.outdoorCO2Density - c)) / volume
        dydt[Index.transpiredWater] = transpired
        dydt[Index.condensedWater] = condensed
    }

    /// The heat and vapour flows of the canopy node at one canopy temperature.
    struct CanopyExchange {
        /// Lamp radiation the canopy absorbs, W.
        var absorbed: Double
        /// Convection to the air, W.
        var toAir: Double
        /// Long-wave exchange with the building mass, W.
        var toMass: Double
        /// Transpiration of the whole canopy, kg s⁻¹.
        var transpired: Double

        /// The canopy's net heat gain, W: what warms (positive) or cools the leaves.
        var netHeat: Double { absorbed - toAir - toMass - AirProperties.latentHeat * transpired }
    }

    /// The canopy's exchange at temperature `tc` with the stomata responding to `stomatalCO2`
    /// ppm: the room's CO₂ in ``derivatives(t:y:dydt:)``, the reference CO₂ in
    /// ``referenceCanopyTemperature(state:stomatalCO2:)``.
    @inline(__always)
    private func canopyExchange(canopyTemperature tc: Double, airTemperature ta: Double, massTemperature tm: Double,
                                airVapourPressure pAir: Double, stomatalCO2: Double) -> CanopyExchange {
        let p = parameters
        let transpired = p.canopyArea * p.transpiration.rate(
            canopyTemperature: tc, airVapourPressure: pAir, co2: stomatalCO2, leafAreaIndex: effectiveLAI, light: light)
            * transpirationFactor
        return CanopyExchange(absorbed: lampToCanopy, toAir: canopyConvection * (tc - ta),
                              toMass: canopyRadiation * (tc - tm), transpired: transpired)
    }

    /// The canopy temperature at `state` had the stomata responded to `stomatalCO2` ppm instead
    /// of the room's CO₂, °C; the air, mass and vapour stay as they are.
    ///
    /// Elevated CO₂ closes stomata (rf_CO2 of ``CanopyTranspiration``), so the leaves transpire
    /// less and run warmer than they would at ambient CO₂. Crop models whose stress curves were
    /// fitted at ambient CO₂ evaluate them at this temperature (``CanopyConditions``). The
    /// canopy node settles within minutes (its capacity over its conductances), so the
    /// difference is taken between the two quasi-steady canopy temperatures, each the root of
    /// the node's heat balance ``CanopyExchange/netHeat`` = 0 with the air, mass and vapour
    /// of `state` fixed, and added to the state's own canopy temperature: the result keeps the
    /// node's lag after a lamp switch, and equals the state's temperature exactly when
    /// `stomatalCO2` is the room's CO₂.
    ///
    /// - Parameters:
    ///   - state: a state vector (``Index``).
    ///   - stomatalCO2: the CO₂ the stomatal resistance responds to, ppm.
    /// - Returns: T_c,ref, °C.
    public func referenceCanopyTemperature(state y: UnsafeBufferPointer<Double>, stomatalCO2: Double) -> Double {
        let ta = y[Index.airTemperature], tm = y[Index.massTemperature], tc = y[Index.canopyTemperature]
        let pAir = AirProperties.vapourPressure(density: y[Index.vapourDensity], celsius: ta)
        let co2 = AirProperties.co2PPM(density: y[Index.co2Density], celsius: ta, pressure: parameters.pressure)
        guard stomatalCO2 != co2 else { return tc }
        func balanced(_ stomata: Double) -> Double {
            // Newton on the heat balance from the state's temperature; it falls by the
            // convective, radiative and latent conductances per kelvin, so a few steps converge.
            var t = tc
            for _ in 0..<8 {
                let heat = canopyExchange(canopyTemperature: t, airTemperature: ta, massTemperature: tm,
                                          airVapourPressure: pAir, stomatalCO2: stomata).netHeat
                let warmer = canopyExchange(canopyTemperature: t + 1e-3, airTemperature: ta, massTemperature: tm,
                                            airVapourPressure: pAir, stomatalCO2: stomata).netHeat
                let slope = (warmer - heat) / 1e-3
                guard slope < 0 else { break }
                let step = -heat / slope
                t += step
                if abs(step) < 1e-6 { break }
            }
            return t
        }
        return tc + balanced(stomatalCO2) - balanced(co2)
    }

    /// Energy stored in the room relative to 0 °C and dry air, J:
    /// C_a·T_a + C_m·T_m + C_c·T_c + λ·V·ρ_v (the invariant of the energy balance).
    public func storedEnergy(_ y: [Double]) -> Double {
        airCapacity * y[Index.airTemperature] + parameters.massCapacity * y[Index.massTemperature]
            + canopyCapacity * y[Index.canopyTemperature] + AirProperties.latentHeat * volume * y[Index.vapourDensity]
    }
}
