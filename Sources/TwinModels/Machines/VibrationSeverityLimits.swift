/// Zone boundaries for broadband RMS vibration velocity on a bearing housing (mm/s), per
/// machine group and foundation, and the zone a reading falls in.
///
/// Boundaries are data of the asset, not global constants (docs/model-reference.md
/// §Vibration zones). Values are those of ISO 10816-3:2009 Table A.1 / A.2 for groups 1 and 2,
/// and of the older ISO 10816-1 Annex B table for small machines (class I, up to 15 kW).
/// ISO 20816-3:2022 merges zones A and B; the four-zone form is kept because it is what the
/// product's alerts and most plant historians use. A reading exactly on a boundary belongs to
/// the lower zone.
public struct VibrationSeverityLimits: Sendable, Equatable, Hashable, Codable {
    /// Upper bound of zone A, mm/s RMS.
    public var zoneAUpper: Double
    /// Upper bound of zone B, mm/s RMS.
    public var zoneBUpper: Double
    /// Upper bound of zone C, mm/s RMS; above it is zone D.
    public var zoneCUpper: Double

    /// Limits with A/B, B/C and C/D boundaries in mm/s RMS.
    ///
    /// - Throws: `ModelInputError` unless 0 < A/B < B/C < C/D ≤ 100 mm/s.
    public init(zoneAUpper: Double, zoneBUpper: Double, zoneCUpper: Double) throws(ModelInputError) {
        self.zoneAUpper = try ModelInputError.check(zoneAUpper, "zone A/B vibration boundary", unit: "mm/s", in: 0.01...100)
        self.zoneBUpper = try ModelInputError.check(zoneBUpper, "zone B/C vibration boundary", unit: "mm/s", in: 0.01...100)
        self.zoneCUpper = try ModelInputError.check(zoneCUpper, "zone C/D vibration boundary", unit: "mm/s", in: 0.01...100)
        try validate()
    }

    private init(uncheckedA a: Double, b: Double, c: Double) {
        zoneAUpper = a
        zoneBUpper = b
        zoneCUpper = c
    }

    /// Checks that the boundaries increase strictly.
    public func validate() throws(ModelInputError) {
        _ = try ModelInputError.check(zoneAUpper, "zone A/B vibration boundary", unit: "mm/s", in: 0.01...100)
        guard zoneBUpper > zoneAUpper else {
            throw ModelInputError(code: .inconsistent, quantity: "zone B/C vibration boundary", value: zoneBUpper, unit: "mm/s")
        }
        guard zoneCUpper > zoneBUpper, zoneCUpper <= 100 else {
            throw ModelInputError(code: .inconsistent, quantity: "zone C/D vibration boundary", value: zoneCUpper, unit: "mm/s")
        }
    }

    /// The zone of an RMS velocity `velocity` (mm/s, ≥ 0); boundary values take the lower zone.
    @inlinable
    public func zone(forVelocity velocity: Double) -> VibrationZone {
        if velocity <= zoneAUpper { return .a }
        if velocity <= zoneBUpper { return .b }
        if velocity <= zoneCUpper { return .c }
        return .d
    }

    /// ISO 10816-3 group 1 (above 300 kW), rigid foundation: 2.3 / 4.5 / 7.1 mm/s.
    public static let group1Rigid = VibrationSeverityLimits(uncheckedA: 2.3, b: 4.5, c: 7.1)
    /// ISO 10816-3 group 1, flexible foundation: 3.5 / 7.1 / 11.0 mm/s.
    public static let group1Flexible = VibrationSeverityLimits(uncheckedA: 3.5, b: 7.1, c: 11.0)
    /// ISO 10816-3 group 2 (15–300 kW), rigid foundation: 1.4 / 2.8 / 4.5 mm/s.
    public static let group2Rigid = VibrationSeverityLimits(uncheckedA: 1.4, b: 2.8, c: 4.5)
    /// ISO 10816-3 group 2, flexible foundation: 2.3 / 4.5 / 7.1 mm/s.
    public static let group2Flexible = VibrationSeverityLimits(uncheckedA: 2.3, b: 4.5, c: 7.1)
    /// ISO 10816-1 Annex B class I (small machines up to 15 kW): 0.71 / 1.8 / 4.5 mm/s.
    public static let classI = VibrationSeverityLimits(uncheckedA: 0.71, b: 1.8, c: 4.5)
}
