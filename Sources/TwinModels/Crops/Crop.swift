/// A room's crop as the facility integrator sees it: advanced every simulated minute under the
/// canopy climate, and read for the room's CO₂ and water balances, the lighting schedule and yield.
///
/// Conforming types are value types holding only numbers: ``advance(seconds:conditions:)``
/// must not allocate and should cost well under a microsecond, since a year of one room at
/// one-minute steps is 525,600 calls. Store a crop as a concrete type, a generic parameter or
/// an `any Crop`; an existential's box is allocated once and mutated in place afterwards.
///
/// Units: areas are per m² of the room's canopy (growing) area; masses are dry masses in g
/// unless the name says otherwise.
public protocol Crop: Sendable {
    /// Advances the crop by `seconds` under `conditions`, held constant over the span.
    ///
    /// Spans may be of any length: implementations sub-step internally where their dynamics
    /// need it and split a span at stage transitions, so one long call and many short ones
    /// agree to the integration error.
    ///
    /// - Parameters:
    ///   - seconds: the span, s, finite and ≥ 0 (0 only refreshes ``netCO2Uptake``).
    ///   - conditions: the canopy climate over the span.
    /// - Throws: ``ModelInputError`` if `seconds` is not finite or is negative.
    mutating func advance(seconds: Double, conditions: CanopyConditions) throws(ModelInputError)

    /// Leaf area index, m² leaf per m² canopy area; drives transpiration and light interception.
    var leafAreaIndex: Double { get }

    /// Net CO₂ exchange of the canopy, kg CO₂ m⁻² s⁻¹, averaged over the last
    /// ``advance(seconds:conditions:)`` span: positive is uptake from the room air (a lit,
    /// growing canopy), negative is release (respiration in the dark). Over whole days it
    /// equals the dry-mass gain times the CO₂ cost of dry matter, so the room's CO₂ balance
    /// and the crop's growth conserve carbon together.
    var netCO2Uptake: Double { get }

    /// The current development stage.
    var stage: CropStage { get }

    /// The crop's harvestable dry mass, g m⁻²: flower dry mass for cannabis, shoot dry mass for lettuce.
    var harvestableDryMass: Double { get }

    /// All living dry mass the model tracks, g m⁻²; its change is what ``netCO2Uptake`` pays for.
    var totalDryMass: Double { get }

    /// Days remaining to the planned harvest, ≥ 0 (0 once ``stage`` is `harvestReady`).
    var daysToHarvest: Double { get }

    /// Days since planting (transplanting) into the room.
    var age: Double { get }

    /// The CO₂ at which the crop's temperature and VPD stress curves are defined, ppm, or nil
    /// when the crop reads the actual canopy only (the default).
    ///
    /// A room that sees a value passes the canopy temperature and leaf VPD the leaves would have
    /// with their stomata at this CO₂ as ``CanopyConditions/referenceCanopyTemperature`` and
    /// ``CanopyConditions/referenceLeafVPD``.
    var stomatalReferenceCO2: Double? { get }

    /// The photoperiod the current stage calls for, h per 24 h; the lighting schedule reads it
    /// (cannabis: 18 h until flowering, then 12 h).
    var scheduledPhotoperiodHours: Double { get }
}

extension Crop {
    public var stomatalReferenceCO2: Double? { nil }
}
