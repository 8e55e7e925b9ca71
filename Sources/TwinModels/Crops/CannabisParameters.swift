/// Cultivar-level parameters of the photon-conversion-efficiency cannabis model (``CannabisCrop``).
///
/// Sources are those of docs/model-reference.md §Cannabis. Mechanistic cannabis models are not
/// mature; values marked *assumption* are defensible defaults for a drug-type cultivar under
/// LEDs, to be replaced by a calibration set per cultivar (document it with source, method
/// and date in calibration/).
public struct CannabisParameters: Sendable, Equatable, Codable {
    // MARK: Schedule

    /// Days of propagation (rooting clones) from planting, d; 14 (assumption: common practice).
    public var propagationDays = 14.0
    /// Days of vegetative growth after propagation, d; 21 (assumption: commercial 2–4 weeks;
    /// Rodriguez-Morrison et al. 2021 used 2 weeks).
    public var vegetativeDays = 21.0
    /// Days under an inductive photoperiod from the flip to harvest, d; 60 (assumption:
    /// drug-type cultivars finish in 8–9 weeks of 12/12).
    public var floweringDays = 60.0
    /// Photoperiod for propagation and vegetative growth, h; 18 (docs/model-reference.md
    /// §Lighting).
    public var vegetativePhotoperiodHours = 18.0
    /// Photoperiod for flowering, h; 12 (Rodriguez-Morrison et al. 2021; Llewellyn et al. 2022).
    public var floweringPhotoperiodHours = 12.0
    /// Longest photoperiod under which flowering still progresses, h; 14 (assumption: cannabis is
    /// a short-day plant; hemp and drug cultivars have critical day lengths near 13–14 h). Under
    /// longer days in the flowering stage the flowering clock and flower growth pause.
    public var criticalPhotoperiodHours = 14.0

    // MARK: Flower growth

    /// PCE: flower dry mass per mole of incident photons, g mol⁻¹; 0.25, constant across
    /// 600–1000 µmol m⁻² s⁻¹ (Sae-Tang et al. 2024, via a 2025 review; yield linear in PPFD
    /// to ≥ 1800 µmol m⁻² s⁻¹, Rodriguez-Morrison, Llewellyn & Zheng 2021, Front. Plant Sci.
    /// 12:646020). 1000 µmol m⁻² s⁻¹ × 12 h × 60 d at 0.25 gives 648 g m⁻², inside the
    /// 500–750 g m⁻² of Westmoreland, Kusuma & Bugbee (2021), PLoS ONE 16:e0248988.
    public var photonConversionEfficiency = 0.25
    /// The CO₂ at which ``photonConversionEfficiency`` applies (f_CO2 = 1), ppm; 400 (ambient).
    /// Set it to the trial's CO₂ if the PCE comes from enriched rooms.
    public var referenceCO2 = 400.0
    /// Γ of the light-limited CO₂ factor, ppm; 40 (Goudriaan et al. 1985, as in Van Henten 1994).
    /// Gives f_CO2(1000 ppm) = 1.185 against 400 ppm; growers report +20–30 % at 1000–1200 ppm.
    public var co2CompensationPoint = 40.0
    /// T_min of the Yan & Hunt (1999) cardinal-temperature function, °C; 10
    /// (docs/model-reference.md §Cannabis).
    public var minimumTemperature = 10.0
    /// T_opt, °C; 26 (leaf photosynthesis optimum 25–30 °C, Chandra et al. 2008, Physiol. Mol.
    /// Biol. Plants 14:299).
    public var optimumTemperature = 26.0
    /// T_max, °C; 38 (docs/model-reference.md §Cannabis: 38–40).
    public var maximumTemperature = 38.0
    /// Lower edge of the penalty-free leaf-VPD band, kPa; 0.8 (docs/model-reference.md §Cannabis).
    public var lowerVPD = 0.8
    /// Upper edge of the penalty-free leaf-VPD band, kPa; 1.5 (docs/model-reference.md §Cannabis).
    public var upperVPD = 1.5
    /// Growth penalty per kPa below ``lowerVPD``, kPa⁻¹; 0.25 (assumption: f = 0.8 at 0 kPa).
    public var lowVPDSlope = 0.25
    /// Growth penalty per kPa above ``upperVPD``, kPa⁻¹; 0.5 (assumption: stomatal closure
    /// halves growth by 2.5 kPa above the band).
    public var highVPDSlope = 0.5

    // MARK: Vegetative growth and leaf area

    /// Vegetative dry mass per mole of photons intercepted by the canopy, g mol⁻¹; 0.5, i.e.
    /// 2.3 g MJ⁻¹ of intercepted PAR at 4.57 mol MJ⁻¹, within the 2–3 g MJ⁻¹ typical of C3
    /// crops (Sinclair & Muchow 1999, Adv. Agron. 65:215–265); assumption for cannabis.
    public var vegetativeConversionEfficiency = 0.5
    /// Vegetative (leaf + stem) dry mass at planting, g m⁻²; 10 (assumption: rooted cuttings).
    public var initialVegetativeDryMass = 10.0
    /// Initial slope of leaf area on vegetative dry mass, m² g⁻¹; 0.018 = specific leaf area
    /// 0.03 m² g⁻¹ × leaf share 0.6 (assumption).
    public var leafAreaPerVegetativeMass = 0.018
    /// The LAI the canopy saturates towards, m² m⁻²; 4.5 (assumption: growers defoliate; gives
    /// LAI ≈ 3 at the flip and 3.5–4 in flower with the default schedule and 500 µmol m⁻² s⁻¹ in veg).
    public var maximumLeafAreaIndex = 4.5
    /// Light extinction coefficient for interception 1 − e^(−k·LAI), dimensionless; 0.7
    /// (assumption: broad-leaved canopies 0.6–0.8).
    public var extinctionCoefficient = 0.7
    /// Days after the flip over which vegetative growth ("stretch") declines linearly to zero, d;
    /// 21 (assumption: most stretch happens in the first three weeks of 12/12).
    public var stretchDays = 21.0

    // MARK: Respiration and carbon

    /// Maintenance respiration at 25 °C, g CH₂O per g dry mass per day, d⁻¹; 0.015 (typical of
    /// stems and average canopies: leaves ≈ 0.03, storage organs ≈ 0.01, Goudriaan & van Laar 1994).
    /// Only shapes the day/night CO₂ pattern: the PCE already yields net of respiration.
    public var maintenanceRespiration = 0.015
    /// Q10 of maintenance respiration, dimensionless; 2 (as Van Henten 1994).
    public var respirationQ10 = 2.0
    /// CO₂ exchanged per g of dry matter gained, g g⁻¹; 44/30 = 1.467 (CH₂O stoichiometry, the
    /// 1/c_α of Van Henten 1994; plant dry matter at 40–45 % carbon would give 1.47–1.65).
    public var co2PerDryMass = 44.0 / 30.0
    /// PPFD below which the canopy counts as dark, µmol m⁻² s⁻¹; 1.
    public var darkThresholdPPFD = 1.0
    /// Longest internal sub-step for the vegetative mass, s; 3600.
    public var maximumStep = 3600.0

    /// Creates the defaults.
    public init() {}

    /// Checks every parameter.
    ///
    /// - Throws: ``ModelInputError`` naming the first bad parameter.
    public func validate() throws(ModelInputError) {
        func check(_ v: Double, _ name: String, _ unit: String, _ range: ClosedRange<Double>) throws(ModelInputError) {
            _ = try ModelInputError.check(v, name, unit: unit, in: range)
        }
        try check(propagationDays, "propagation days", "d", 0...365)
        try check(vegetativeDays, "vegetative days", "d", 0...365)
        try check(floweringDays, "flowering days", "d", 1...365)
        try check(vegetativePhotoperiodHours, "vegetative photoperiod", "h", 0...24)
        try check(floweringPhotoperiodHours, "flowering photoperiod", "h", 0...24)
        try check(criticalPhotoperiodHours, "critical photoperiod", "h", 0...24)
        try check(photonConversionEfficiency, "photon conversion efficiency", "g mol⁻¹", 0...5)
        try check(co2CompensationPoint, "CO2 compensation point", "ppm", 0...500)
        try check(referenceCO2, "reference CO2", "ppm", (co2CompensationPoint + 1)...10_000)
        try check(minimumTemperature, "minimum temperature", "°C", -10...50)
        try check(optimumTemperature, "optimum temperature", "°C", (minimumTemperature + 0.1)...55)
        try check(maximumTemperature, "maximum temperature", "°C", (optimumTemperature + 0.1)...60)
        try check(lowerVPD, "lower VPD", "kPa", 0...10)
        try check(upperVPD, "upper VPD", "kPa", lowerVPD...10)
        try check(lowVPDSlope, "low-VPD slope", "kPa⁻¹", 0...100)
        try check(highVPDSlope, "high-VPD slope", "kPa⁻¹", 0...100)
        try check(vegetativeConversionEfficiency, "vegetative conversion efficiency", "g mol⁻¹", 0...5)
        try check(initialVegetativeDryMass, "initial vegetative dry mass", "g m⁻²", 0.01...10_000)
        try check(leafAreaPerVegetativeMass, "leaf area per vegetative mass", "m² g⁻¹", 1e-5...1)
        try check(maximumLeafAreaIndex, "maximum leaf area index", "m² m⁻²", 0.1...20)
        try check(extinctionCoefficient, "extinction coefficient", "1", 0.01...3)
        try check(stretchDays, "stretch days", "d", 0...365)
        try check(maintenanceRespiration, "maintenance respiration", "d⁻¹", 0...1)
        try check(respirationQ10, "respiration Q10", "1", 1...10)
        try check(co2PerDryMass, "CO2 per dry mass", "g g⁻¹", 0.5...3)
        try check(darkThresholdPPFD, "dark threshold PPFD", "µmol m⁻² s⁻¹", 0...100)
        try check(maximumStep, "maximum step", "s", 1...86_400)
    }
}
