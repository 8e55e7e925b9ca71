/// Rolling-element type of a machine's bearings, which sets the ISO 281 life exponent.
public enum BearingType: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// Deep-groove or angular-contact ball bearings (point contact).
    case ball
    /// Cylindrical, tapered or spherical roller bearings (line contact).
    case roller

    /// Exponent p of the basic rating life L10 = (C/P)^p · 10⁶ revolutions (ISO 281:2007):
    /// 3 for ball bearings, 10/3 for roller bearings.
    public var lifeExponent: Double {
        switch self {
        case .ball: 3
        case .roller: 10.0 / 3.0
        }
    }
}
