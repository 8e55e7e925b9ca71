import Foundation

/// A cannabis crop for a grow room: a photon-conversion-efficiency (PCE) model with
/// temperature, CO₂ and VPD modifiers, staged propagation → vegetative → flowering → harvestReady.
///
/// Flower dry mass grows only in the flowering stage and only under an inductive
/// photoperiod (≤ ``CannabisParameters/criticalPhotoperiodHours``), at
/// ```
/// dW_flower/dt = PCE · PPFD·10⁻⁶ · f_T(T) · f_CO2(C) · f_VPD(D)        g m⁻² s⁻¹
/// ```
/// on incident photons (docs/model-reference.md §Cannabis), so yield is linear in PPFD. Vegetative
/// (leaf + stem) mass grows from planting on intercepted photons,
/// `ε_veg · PPFD·10⁻⁶ · (1 − e^(−k·LAI)) · f_T·f_CO2·f_VPD · a(t)`, with the allocation a(t) = 1
/// until the flip, then falling linearly to 0 over ``CannabisParameters/stretchDays``; the
/// leaf area index saturates, LAI = L_max·(1 − e^(−s·W_veg/L_max)).
///
/// ``stressLoss`` is the flower mass lost to temperature and VPD: a shadow "potential" flower
/// mass grows with f_T = f_VPD = 1 under the same light, CO₂ and photoperiod, and the loss is
/// the difference, so climate excursions show in the yield and can be attributed.
///
/// Carbon: the PCE is an empirical *net* efficiency, so respiration is not an extra loss on
/// the yield. To give the room a realistic day/night CO₂ pattern, maintenance respiration
/// r_m·W·Q10^((T−25)/10) is taken from the vegetative mass in the dark and recorded as a
/// debt; in the light the debt is repaid at (24 − P)/P times the rate, which clears a night's
/// debt over a photoperiod P, and never beyond the debt, so a photoperiod reported wrongly
/// cannot create mass. Every change of total dry mass is paid in CO₂ at
/// ``CannabisParameters/co2PerDryMass``: ``netCO2Uptake`` is positive in light (while growing
/// or repaying), negative in the dark, and over whole days at steady temperature equals the
/// growth. Light lost to a lamp failure leaves debt unpaid, a lasting loss of leaf mass.
///
/// CO₂ and stomata: f_T and f_VPD read ``CanopyConditions/referenceCanopyTemperature`` and
/// ``CanopyConditions/referenceLeafVPD``, the leaf state with the stomatal resistance at
/// ``CannabisParameters/referenceCO2`` (``stomatalReferenceCO2``), not the actual leaf. Elevated
/// CO₂ partly closes stomata (Stanghellini 1987; Ainsworth & Rogers 2007, Plant Cell Environ.
/// 30:258–270), which warms the leaves and raises their VPD; the room keeps that physics for its
/// heat and vapour loads. But f_CO2, the Goudriaan et al. (1985) response, describes net
/// assimilation of leaves and canopies measured with their stomata free to respond, closure
/// included, and the cardinal-temperature and VPD curves are fitted at ambient CO₂; charging
/// the closure again through f_T and f_VPD would count it twice, as if CO₂-induced closure
/// starved the leaf of CO₂ like drought closure does. Measured, enrichment to 750 ppm raises
/// cannabis net photosynthesis by about half over ambient (Chandra et al. 2008, Physiol. Mol.
/// Biol. Plants 14:299–306) and growers report +20–30 % yield at 1000–1500 ppm
/// (docs/model-reference.md §Cannabis).
///
/// Stage changes happen exactly at their day counts: a span that crosses one is split there.
public struct CannabisCrop: Crop {
    /// The cultivar parameters, validated at creation.
    public let parameters: CannabisParameters
    public private(set) var stage = CropStage.propagation
    /// Leaf and stem dry mass, g m⁻².
    public private(set) var vegetativeDryMass: Double
    /// Flower dry mass, g m⁻².
    public private(set) var flowerDryMass = 0.0
    /// Flower dry mass an unstressed crop (f_T = f_VPD = 1) would have under the same light,
    /// CO₂ and photoperiod, g m⁻².
    public private(set) var potentialFlowerDryMass = 0.0
    public private(set) var netCO2Uptake = 0.0
    /// f_T of the last step, dimensionless.
    public private(set) var temperatureFactor = 1.0
    /// f_CO2 of the last step, dimensionless.
    public private(set) var co2Factor = 1.0
    /// f_VPD of the last step, dimensionless.
    public private(set) var vpdFactor = 1.0
    /// Dry mass respired in the dark and not yet repaid in the light, g m⁻².
    public private(set) var respirationDebt = 0.0
    /// Seconds since planting; seconds keep sums of whole-minute steps exact.
    private var ageSeconds = 0.0
    /// Seconds of inductive photoperiod spent in the flowering stage.
    private var floweringSeconds = 0.0

    /// Plants rooted cuttings at ``CannabisParameters/initialVegetativeDryMass``.
    ///
    /// - Parameter parameters: cultivar parameters.
    /// - Throws: ``ModelInputError`` for an invalid parameter.
    public init(parameters: CannabisParameters = CannabisParameters()) throws(ModelInputError) {
        try parameters.validate()
        self.parameters = parameters
        vegetativeDryMass = parameters.initialVegetativeDryMass
        // Stages of zero length are skipped at once.
        while secondsToNextStage(inductive: true) <= 0, stage != .harvestReady { enterNextStage() }
    }

    public mutating func advance(seconds: Double, conditions: CanopyConditions) throws(ModelInputError) {
        _ = try ModelInputError.check(seconds, "time step", unit: "s", in: 0...1e9)
        let p = parameters
        // The stress curves read the leaves as they would be at the reference CO₂'s stomatal
        // resistance: f_CO2 already carries the closure elevated CO₂ causes (see the type's doc).
        temperatureFactor = GrowthModifiers.cardinalTemperature(
            conditions.referenceCanopyTemperature, minimum: p.minimumTemperature, optimum: p.optimumTemperature,
            maximum: p.maximumTemperature)
        co2Factor = GrowthModifiers.lightLimitedCO2(conditions.co2, compensationPoint: p.co2CompensationPoint,
                                                     reference: p.referenceCO2)
        vpdFactor = GrowthModifiers.vpdRamp(conditions.referenceLeafVPD, lower: p.lowerVPD, upper: p.upperVPD,
                                            lowSlope: p.lowVPDSlope, highSlope: p.highVPDSlope)
        let lit = conditions.ppfd >= p.darkThresholdPPFD
        let photoperiod = conditions.photoperiodHours
        let respiration = p.maintenanceRespiration / 86_400
            * pow(p.respirationQ10, (conditions.canopyTemperature - 25) / 10)
        let drivers = Drivers(
            photons: lit ? conditions.ppfd * 1e-6 : 0,
            climate: temperatureFactor * co2Factor * vpdFactor,
            stressed: conditions.waterStress < 1
                ? temperatureFactor * co2Factor * vpdFactor * conditions.waterStress
                : temperatureFactor * co2Factor * vpdFactor,
            unstressed: co2Factor,
            respiration: lit ? 0 : respiration,
            repayment: lit && photoperiod > 0 && photoperiod < 24 ? respiration * (24 - photoperiod) / photoperiod : 0,
            inductive: photoperiod <= p.criticalPhotoperiodHours)
        let startMass = totalDryMass
        guard seconds > 0 else {
            let r = rates(drivers, vegetative: vegetativeDryMass, floweringSeconds: floweringSeconds)
            let repayment = respirationDebt > 0 ? drivers.repayment * (totalDryMass + respirationDebt) : 0
            let carbon = repayment - drivers.respiration * totalDryMass
            netCO2Uptake = (r.vegetative + r.flower + carbon) * p.co2PerDryMass * 1e-3
            return
        }
        var remaining = seconds
        while remaining > 0 {
            let toBoundary = secondsToNextStage(inductive: drivers.inductive)
            let span = min(remaining, max(toBoundary, 0))
            if span > 0 { grow(span, drivers) }
            remaining -= span
            if span == toBoundary || toBoundary <= 0 { enterNextStage() }
        }
        netCO2Uptake = (totalDryMass - startMass) * p.co2PerDryMass / seconds * 1e-3
    }

    /// The climate-dependent constants of one span.
    private struct Drivers {
        /// Incident photon flux, mol m⁻² s⁻¹ (0 in the dark).
        var photons: Double
        /// f_T·f_CO2·f_VPD.
        var climate: Double
        /// f_T·f_CO2·f_VPD·Ks (Ks: root-zone water stress).
        var stressed: Double
        /// f_CO2 alone, for the potential flower mass.
        var unstressed: Double
        /// Dark respiration per g of total dry mass, s⁻¹ (0 in the light).
        var respiration: Double
        /// Debt repayment per g of total dry mass while debt remains, s⁻¹ (0 in the dark).
        var repayment: Double
        /// Whether the photoperiod lets flowering progress.
        var inductive: Bool
    }

    /// Growth rates (vegetative, flower, unstressed flower), g m⁻² s⁻¹, at a state; respiration excluded.
    private func rates(_ d: Drivers, vegetative: Double, floweringSeconds fs: Double)
        -> (vegetative: Double, flower: Double, potential: Double, waterLoss: Double) {
        let p = parameters
        let flowering = stage == .flowering && d.inductive
        let allocation: Double
        switch stage {
        case .propagation, .vegetative, .growing: allocation = 1
        case .flowering: allocation = p.stretchDays > 0 ? max(0, 1 - fs / (p.stretchDays * 86_400)) : 0
        case .harvestReady: allocation = 0
        }
        let lai = Self.leafAreaIndex(vegetative, p)
        let intercepted = -expm1(-p.extinctionCoefficient * lai) * d.photons
        let vegetativeGrowth = p.vegetativeConversionEfficiency * intercepted * d.stressed * allocation
        let flowerGrowth = flowering ? p.photonConversionEfficiency * d.photons * d.stressed : 0
        let potential = flowering ? p.photonConversionEfficiency * d.photons * d.unstressed : 0
        let waterLoss = flowering && d.stressed < d.climate
            ? p.photonConversionEfficiency * d.photons * (d.climate - d.stressed) : 0
        return (vegetativeGrowth, flowerGrowth, potential, waterLoss)
    }

    /// Integrates one span inside a single stage: flower mass exactly (constant rate),
    /// vegetative growth by the midpoint rule in sub-steps of at most
    /// ``CannabisParameters/maximumStep``, respiration and repayment at the sub-step's start mass.
    private mutating func grow(_ span: Double, _ d: Drivers) {
        let steps = (span / parameters.maximumStep).rounded(.up)
        let h = span / steps
        let clockRuns = stage == .flowering && d.inductive
        for _ in 0..<Int(steps) {
            let r1 = rates(d, vegetative: vegetativeDryMass, floweringSeconds: floweringSeconds)
            let midFlowering = clockRuns ? floweringSeconds + h / 2 : floweringSeconds
            let r2 = rates(d, vegetative: vegetativeDryMass + h / 2 * r1.vegetative, floweringSeconds: midFlowering)
            let total = vegetativeDryMass + flowerDryMass
            let respired = d.respiration * total * h
            // Repayment is sized on the mass before the night (total + debt), so a night's debt
            // is always cleared within a photoperiod at the same temperature.
            let repaid = min(d.repayment * (total + respirationDebt) * h, respirationDebt)
            respirationDebt += respired - repaid
            vegetativeDryMass += h * r2.vegetative - respired + repaid
            flowerDryMass += h * r1.flower
            potentialFlowerDryMass += h * r1.potential
            waterStressFlowerLoss += h * r1.waterLoss
            ageSeconds += h
            if clockRuns { floweringSeconds += h }
        }
    }

    /// Seconds until the current stage ends (∞ when it cannot end under this photoperiod).
    private func secondsToNextStage(inductive: Bool) -> Double {
        let p = parameters
        switch stage {
        case .propagation: return p.propagationDays * 86_400 - ageSeconds
        case .vegetative: return (p.propagationDays + p.vegetativeDays) * 86_400 - ageSeconds
        case .flowering: return inductive ? p.floweringDays * 86_400 - floweringSeconds : .infinity
        case .growing, .harvestReady: return .infinity
        }
    }

    /// Moves to the next stage, pinning the clocks to the boundary against rounding.
    private mutating func enterNextStage() {
        let p = parameters
        switch stage {
        case .propagation:
            ageSeconds = p.propagationDays * 86_400
            stage = .vegetative
        case .vegetative:
            ageSeconds = (p.propagationDays + p.vegetativeDays) * 86_400
            stage = .flowering
        case .flowering:
            floweringSeconds = p.floweringDays * 86_400
            stage = .harvestReady
        case .growing, .harvestReady:
            break
        }
    }

    private static func leafAreaIndex(_ vegetative: Double, _ p: CannabisParameters) -> Double {
        -p.maximumLeafAreaIndex * expm1(-p.leafAreaPerVegetativeMass * max(vegetative, 0) / p.maximumLeafAreaIndex)
    }

    public var leafAreaIndex: Double { Self.leafAreaIndex(vegetativeDryMass, parameters) }

    /// ``CannabisParameters/referenceCO2``: the CO₂ of the ambient trials the stress curves come from.
    public var stomatalReferenceCO2: Double? { parameters.referenceCO2 }

    /// Flower dry mass, g m⁻².
    public var harvestableDryMass: Double { flowerDryMass }

    public var totalDryMass: Double { vegetativeDryMass + flowerDryMass }

    /// Flower dry mass lost to temperature, VPD and root-zone water stress relative to the
    /// unstressed potential, g m⁻², ≥ 0.
    public var stressLoss: Double { potentialFlowerDryMass - flowerDryMass }

    /// The part of ``stressLoss`` due to root-zone water stress alone (Ks < 1), g m⁻², ≥ 0.
    public private(set) var waterStressFlowerLoss = 0.0

    public var age: Double { ageSeconds / 86_400 }

    /// Days of inductive photoperiod spent in the flowering stage.
    public var daysInFlower: Double { floweringSeconds / 86_400 }

    public var daysToHarvest: Double {
        let p = parameters
        switch stage {
        case .propagation, .vegetative, .growing:
            return max(0, p.propagationDays + p.vegetativeDays - age) + p.floweringDays
        case .flowering: return max(0, p.floweringDays - daysInFlower)
        case .harvestReady: return 0
        }
    }

    public var scheduledPhotoperiodHours: Double {
        switch stage {
        case .propagation, .vegetative, .growing: parameters.vegetativePhotoperiodHours
        case .flowering, .harvestReady: parameters.floweringPhotoperiodHours
        }
    }
}
