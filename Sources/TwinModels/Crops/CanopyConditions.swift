/// The climate a crop's canopy sees during one integration step, validated once at construction.
///
/// The facility integrator builds one per room and step from the room's state (lamp PPFD,
/// canopy temperature, CO₂, leaf VPD) and the lighting schedule, and passes it to
/// ``Crop/advance(seconds:conditions:)``. The properties are constants so that a value that
/// passed validation stays valid; constructing one costs at most eight range checks and
/// no allocation.
public struct CanopyConditions: Sendable, Equatable {
    /// Photosynthetic photon flux density incident on the canopy, µmol m⁻² s⁻¹ (400–700 nm).
    public let ppfd: Double
    /// Canopy (leaf) temperature, °C.
    public let canopyTemperature: Double
    /// CO₂ concentration at the canopy, ppm (µmol mol⁻¹).
    public let co2: Double
    /// Leaf-to-air vapour pressure deficit, kPa; negative when the leaf is below the dew point.
    public let leafVPD: Double
    /// The photoperiod the lighting schedule is running, h of light per 24 h. Short-day
    /// crops read it to decide whether flowering progresses; it also spreads night
    /// respiration over the day in the CO₂ balance.
    public let photoperiodHours: Double
    /// The canopy temperature had the stomata responded to the reference CO₂ of the crop's
    /// CO₂ response instead of the room's CO₂, °C (``RoomClimate/referenceCanopyTemperature(state:stomatalCO2:)``);
    /// equal to ``canopyTemperature`` unless the caller knows better.
    ///
    /// Elevated CO₂ partly closes the stomata (Stanghellini 1987; ≈ −20 % conductance in FACE
    /// trials, Ainsworth & Rogers 2007, Plant Cell Environ. 30:258–270), so the leaves
    /// transpire less and run warmer, with a larger leaf VPD. A CO₂ response measured on whole
    /// leaves or canopies (Goudriaan et al. 1985) already includes that closure; crops whose
    /// empirical temperature and VPD stress curves were fitted at ambient CO₂ read these
    /// reference values so the closure is not charged to growth a second time as heat or
    /// drought stress.
    public let referenceCanopyTemperature: Double
    /// The leaf-to-air VPD at ``referenceCanopyTemperature``, kPa; equal to ``leafVPD`` unless given.
    public let referenceLeafVPD: Double
    /// Root-zone water-stress coefficient Ks, 0…1 (FAO-56 eq. 84): 1 while the substrate
    /// holds more than the readily available water, falling to 0 as it dries out. Crops
    /// multiply their assimilation by it (stomata close as the root zone dries).
    public let waterStress: Double

    /// Accepted PPFD, µmol m⁻² s⁻¹: darkness up to well above full sun (≈ 2200) and the
    /// highest fixture densities used in yield trials (≈ 2300, Nielson 2024;
    /// docs/model-reference.md §Cannabis).
    public static let validPPFDRange: ClosedRange<Double> = 0...3000
    /// Accepted canopy temperatures, °C: beyond any crop's cardinal range, so stress shows as
    /// zero growth rather than an error.
    public static let validTemperatureRange: ClosedRange<Double> = -10...60
    /// Accepted CO₂, ppm: a sealed room drawn down to zero up to 1 % (lethal for workers long before).
    public static let validCO2Range: ClosedRange<Double> = 0...10_000
    /// Accepted leaf VPD, kPa: condensation on leaves (slightly negative) to desert air.
    public static let validLeafVPDRange: ClosedRange<Double> = -5...10
    /// Accepted photoperiods, h.
    public static let validPhotoperiodRange: ClosedRange<Double> = 0...24

    /// Validates and stores one step's canopy climate.
    ///
    /// - Parameters:
    ///   - ppfd: µmol m⁻² s⁻¹, in ``validPPFDRange``.
    ///   - canopyTemperature: °C, in ``validTemperatureRange``.
    ///   - co2: ppm, in ``validCO2Range``.
    ///   - leafVPD: kPa, in ``validLeafVPDRange``.
    ///   - photoperiodHours: h, in ``validPhotoperiodRange``.
    ///   - waterStress: Ks, 0…1 (default 1, no stress).
    ///   - referenceCanopyTemperature: °C at the reference CO₂'s stomatal resistance, in
    ///     ``validTemperatureRange``; nil for `canopyTemperature`.
    ///   - referenceLeafVPD: kPa at that temperature, in ``validLeafVPDRange``; nil for `leafVPD`.
    /// - Throws: ``ModelInputError`` (`.notFinite` or `.outOfRange`) naming the first bad quantity.
    @inlinable
    public init(ppfd: Double, canopyTemperature: Double, co2: Double, leafVPD: Double,
                photoperiodHours: Double, waterStress: Double = 1,
                referenceCanopyTemperature: Double? = nil, referenceLeafVPD: Double? = nil) throws(ModelInputError) {
        self.ppfd = try ModelInputError.check(ppfd, "PPFD", unit: "µmol m⁻² s⁻¹", in: Self.validPPFDRange)
        self.canopyTemperature = try ModelInputError.check(canopyTemperature, "canopy temperature", unit: "°C",
                                                           in: Self.validTemperatureRange)
        self.co2 = try ModelInputError.check(co2, "CO2 concentration", unit: "ppm", in: Self.validCO2Range)
        self.leafVPD = try ModelInputError.check(leafVPD, "leaf VPD", unit: "kPa", in: Self.validLeafVPDRange)
        self.photoperiodHours = try ModelInputError.check(photoperiodHours, "photoperiod", unit: "h",
                                                          in: Self.validPhotoperiodRange)
        self.waterStress = try ModelInputError.check(waterStress, "water-stress coefficient", unit: "1", in: 0...1)
        if let referenceCanopyTemperature {
            self.referenceCanopyTemperature = try ModelInputError.check(
                referenceCanopyTemperature, "reference-CO2 canopy temperature", unit: "°C", in: Self.validTemperatureRange)
        } else {
            self.referenceCanopyTemperature = self.canopyTemperature
        }
        if let referenceLeafVPD {
            self.referenceLeafVPD = try ModelInputError.check(referenceLeafVPD, "reference-CO2 leaf VPD", unit: "kPa",
                                                              in: Self.validLeafVPDRange)
        } else {
            self.referenceLeafVPD = self.leafVPD
        }
    }
}
