/// Planting, harvest and conversion settings of a ``LettuceCrop``; the growth itself is Van Henten (1994).
///
/// Defaults describe a vertical-farm butterhead crop transplanted as seedlings and cut 35
/// days later. The values marked *assumption* are typical-practice numbers, not
/// calibrated; a calibration set should replace them.
public struct LettuceCropParameters: Sendable, Equatable, Codable {
    /// The growth-model parameters; nominal set by default.
    public var growth = VanHenten1994Parameters.nominal
    /// Plants per m² of canopy area, m⁻²; 25 (assumption: common vertical-farm head-lettuce
    /// spacing of 20 × 20 cm).
    public var plantingDensity = 25.0
    /// Dry mass of one seedling at transplant, g; 0.1 (assumption: a 2–3-week-old seedling
    /// of a few grams fresh). Gives 2.5 g m⁻² at the default density, close to the 3.42 g m⁻²
    /// transplant state of public Van Henten ports.
    public var seedlingDryMass = 0.1
    /// Non-structural share of the transplant dry mass, dimensionless; 0.21 = 0.72/(0.72 + 2.7),
    /// the transplant state common in public ports of Van Henten (1994).
    public var initialNonstructuralFraction = 0.72 / (0.72 + 2.7)
    /// Days from transplant to the planned harvest, d; 35 (assumption: typical vertical-farm cycle).
    public var plannedDays = 35.0
    /// Harvest earlier once a head reaches this fresh mass, g; nil to harvest by ``plannedDays`` only.
    public var targetFreshMassPerHead: Double? = nil
    /// Shoot dry-matter content, g dry per g fresh; 0.05. Hydroponic lettuce is 4–6 % dry
    /// matter (assumption within that range; cultivar- and light-dependent).
    public var dryMatterContent = 0.05
    /// Photons per joule of PAR of the lamps, µmol J⁻¹, to turn PPFD into the model's PAR in
    /// W m⁻²; 5.2. Red-rich LED spectra give 5.0–5.4 (6 % blue/94 % red is 5.37 by Planck's
    /// law, GreenLight uses 5.41), white-plus-red mixes ≈ 5.0, sunlight 4.57
    /// (docs/model-reference.md §Lighting).
    public var photonsPerJoule = 5.2
    /// Photoperiod the lighting schedule should run, h; 16 (lettuce practice 16–18 h,
    /// docs/model-reference.md §Lettuce).
    public var photoperiodHours = 16.0
    /// Upper limit of the reported leaf area index, m² m⁻²; 5 (assumption). Van Henten's
    /// effective leaf-area ratio, taken literally, gives LAI > 20 at harvest; it is a
    /// light-interception parameter, not a measured leaf area. The reported LAI saturates
    /// smoothly at this value so transpiration models stay in the range of closed canopies.
    public var maximumLeafAreaIndex = 5.0
    /// Longest internal RK4 sub-step, s; 900. The states change by well under 1 % per 15 min.
    public var maximumStep = 900.0

    /// Creates the defaults.
    public init() {}

    /// Checks every setting and the growth parameters.
    ///
    /// - Throws: ``ModelInputError`` naming the first bad setting.
    public func validate() throws(ModelInputError) {
        try growth.validate()
        _ = try ModelInputError.check(plantingDensity, "planting density", unit: "m⁻²", in: 0.1...1000)
        _ = try ModelInputError.check(seedlingDryMass, "seedling dry mass", unit: "g", in: 1e-4...100)
        _ = try ModelInputError.check(initialNonstructuralFraction, "initial non-structural fraction", unit: "1",
                                      in: 0...0.9)
        _ = try ModelInputError.check(plannedDays, "planned days to harvest", unit: "d", in: 1...365)
        if let target = targetFreshMassPerHead {
            _ = try ModelInputError.check(target, "target fresh mass per head", unit: "g", in: 1...10_000)
        }
        _ = try ModelInputError.check(dryMatterContent, "dry-matter content", unit: "g g⁻¹", in: 0.01...0.5)
        _ = try ModelInputError.check(photonsPerJoule, "photons per joule of PAR", unit: "µmol J⁻¹", in: 3...6.5)
        _ = try ModelInputError.check(photoperiodHours, "photoperiod", unit: "h", in: 0...24)
        _ = try ModelInputError.check(maximumLeafAreaIndex, "maximum leaf area index", unit: "m² m⁻²", in: 0.1...20)
        _ = try ModelInputError.check(maximumStep, "maximum RK4 step", unit: "s", in: 1...86_400)
    }
}
