import Foundation

/// A lettuce crop for a grow room: Van Henten (1994) growth under the room's canopy climate,
/// planted at a density and cut after a planned number of days or at a target head mass.
///
/// Each ``advance(seconds:conditions:)`` converts PPFD to PAR with
/// ``LettuceCropParameters/photonsPerJoule``, evaluates the input-dependent factors once
/// (``VanHenten1994Rates``) and integrates both states with classical RK4 in equal
/// sub-steps of at most ``LettuceCropParameters/maximumStep`` (one step for a one-minute
/// span). Masses are g m⁻² of canopy area; shoot = (1 − c_τ)·(X_nsdw + X_sdw), the root
/// share c_τ being the model's own split. The crop keeps growing after it is
/// harvest-ready (the model has no bolting); the integrator decides when to cut.
public struct LettuceCrop: Crop {
    /// The settings, validated at creation.
    public let parameters: LettuceCropParameters
    /// X_nsdw: non-structural dry weight, g m⁻².
    public private(set) var nonstructuralDryMass: Double
    /// X_sdw: structural dry weight, g m⁻².
    public private(set) var structuralDryMass: Double
    /// Seconds since transplant; seconds keep sums of whole-minute steps exact.
    private var ageSeconds = 0.0
    public private(set) var netCO2Uptake = 0.0
    public private(set) var stage = CropStage.growing

    /// Plants a crop of seedlings.
    ///
    /// - Parameter parameters: planting, harvest and conversion settings.
    /// - Throws: ``ModelInputError`` for an invalid setting.
    public init(parameters: LettuceCropParameters = LettuceCropParameters()) throws(ModelInputError) {
        try parameters.validate()
        self.parameters = parameters
        let total = parameters.plantingDensity * parameters.seedlingDryMass
        nonstructuralDryMass = total * parameters.initialNonstructuralFraction
        structuralDryMass = total - nonstructuralDryMass
    }

    public mutating func advance(seconds: Double, conditions: CanopyConditions) throws(ModelInputError) {
        _ = try ModelInputError.check(seconds, "time step", unit: "s", in: 0...1e9)
        let p = parameters
        // CanopyConditions already holds the inputs to the ranges VanHenten1994Rates accepts.
        let rates = VanHenten1994Rates(unchecked: p.growth, temperature: conditions.canopyTemperature,
                                       co2: conditions.co2, par: conditions.ppfd / p.photonsPerJoule,
                                       waterStress: conditions.waterStress)
        let startMass = nonstructuralDryMass + structuralDryMass
        if seconds > 0 {
            let steps = (seconds / p.maximumStep).rounded(.up)
            let h = seconds / steps
            var n = nonstructuralDryMass, s = structuralDryMass
            for _ in 0..<Int(steps) { Self.rk4Step(rates, &n, &s, h) }
            nonstructuralDryMass = n
            structuralDryMass = s
            ageSeconds += seconds
            netCO2Uptake = (n + s - startMass) / (p.growth.co2ToCarbohydrate * seconds) * 1e-3
        } else {
            netCO2Uptake = rates.netCO2Uptake(nonstructural: nonstructuralDryMass, structural: structuralDryMass) * 1e-3
        }
        if stage != .harvestReady,
           ageSeconds >= p.plannedDays * 86_400 || p.targetFreshMassPerHead.map({ freshMassPerHead >= $0 }) == true {
            stage = .harvestReady
        }
    }

    /// One classical RK4 step of both states.
    @inline(__always)
    private static func rk4Step(_ r: VanHenten1994Rates, _ n: inout Double, _ s: inout Double, _ h: Double) {
        let k1 = r.derivatives(nonstructural: n, structural: s)
        let k2 = r.derivatives(nonstructural: n + 0.5 * h * k1.nonstructural, structural: s + 0.5 * h * k1.structural)
        let k3 = r.derivatives(nonstructural: n + 0.5 * h * k2.nonstructural, structural: s + 0.5 * h * k2.structural)
        let k4 = r.derivatives(nonstructural: n + h * k3.nonstructural, structural: s + h * k3.structural)
        n += h / 6 * (k1.nonstructural + 2 * (k2.nonstructural + k3.nonstructural) + k4.nonstructural)
        s += h / 6 * (k1.structural + 2 * (k2.structural + k3.structural) + k4.structural)
    }

    /// Van Henten's leaf area index c_lar·(1 − c_τ)·X_sdw, saturating smoothly at the
    /// maximum: L_max·(1 − e^(−L/L_max)), m² m⁻².
    public var leafAreaIndex: Double {
        let raw = parameters.growth.leafAreaRatio * (1 - parameters.growth.rootFraction) * structuralDryMass
        let cap = parameters.maximumLeafAreaIndex
        return -cap * expm1(-max(raw, 0) / cap)
    }

    /// Shoot dry mass, g m⁻².
    public var harvestableDryMass: Double {
        (1 - parameters.growth.rootFraction) * (nonstructuralDryMass + structuralDryMass)
    }

    public var totalDryMass: Double { nonstructuralDryMass + structuralDryMass }

    /// Fresh shoot mass of one head, g.
    public var freshMassPerHead: Double {
        harvestableDryMass / parameters.dryMatterContent / parameters.plantingDensity
    }

    /// Fresh shoot mass per m² of canopy, g m⁻².
    public var freshMass: Double { harvestableDryMass / parameters.dryMatterContent }

    public var age: Double { ageSeconds / 86_400 }

    public var daysToHarvest: Double { stage == .harvestReady ? 0 : max(0, parameters.plannedDays - age) }

    public var scheduledPhotoperiodHours: Double { parameters.photoperiodHours }
}
