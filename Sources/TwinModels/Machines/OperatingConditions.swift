/// The operating conditions a machine runs under during one `advance` span; held constant
/// over the span.
public struct OperatingConditions: Sendable, Equatable, Hashable, Codable {
    /// Shaft load as a fraction of rated output, 0…2 (0 = stopped by its controller, 1 = rated,
    /// above 1 = overload).
    public var load: Double
    /// Temperature of the cooling air around the machine, °C, −40…60.
    public var ambientTemperature: Double
    /// Fraction of the nominal forced cooling available, 0…1 (1 = clean fan and fins, 0.2 =
    /// blocked intake or failed fan).
    public var coolingFactor: Double
    /// Multiplier on the bearing damage rate, 0.1…100. It plays the role of 1/a_ISO, the
    /// inverse of the ISO 281 life-modification factor for lubrication and contamination:
    /// 1 is clean, well-lubricated operation; 2–10 is contaminated or starved grease.
    public var bearingWearMultiplier: Double

    /// - Throws: `ModelInputError` for a value outside its range.
    public init(
        load: Double,
        ambientTemperature: Double = 25,
        coolingFactor: Double = 1,
        bearingWearMultiplier: Double = 1
    ) throws(ModelInputError) {
        self.load = try ModelInputError.check(load, "machine load", unit: "× rated", in: 0...2)
        self.ambientTemperature = try ModelInputError.check(ambientTemperature, "machine ambient temperature", unit: "°C", in: -40...60)
        self.coolingFactor = try ModelInputError.check(coolingFactor, "machine cooling factor", unit: "1", in: 0...1)
        self.bearingWearMultiplier = try ModelInputError.check(bearingWearMultiplier, "bearing wear multiplier", unit: "1", in: 0.1...100)
    }

    init(unchecked load: Double, ambient: Double, cooling: Double, wear: Double) {
        self.load = load
        ambientTemperature = ambient
        coolingFactor = cooling
        bearingWearMultiplier = wear
    }

    /// Field-wise equality without the generic `!=` of `Equatable` (kept off the step path).
    @inline(__always)
    func matches(_ other: OperatingConditions) -> Bool {
        load == other.load && ambientTemperature == other.ambientTemperature
            && coolingFactor == other.coolingFactor && bearingWearMultiplier == other.bearingWearMultiplier
    }

    /// Re-checks the fields (they are public `var`s and may have been edited).
    public func validate() throws(ModelInputError) {
        _ = try OperatingConditions(
            load: load, ambientTemperature: ambientTemperature,
            coolingFactor: coolingFactor, bearingWearMultiplier: bearingWearMultiplier)
    }
}
