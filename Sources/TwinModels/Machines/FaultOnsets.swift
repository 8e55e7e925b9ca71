/// Ground-truth fault onset times per failure mode: when each mode first consumed
/// `MachineParameters.faultOnsetFraction` of its individual life; nil while it has not.
public struct FaultOnsets: Sendable, Equatable, Hashable, Codable {
    /// Onset of bearing fatigue, model time in s.
    public var bearing: Double?
    /// Onset of insulation ageing, s.
    public var insulation: Double?
    /// Onset of electrical stress, s.
    public var electrical: Double?

    public init(bearing: Double? = nil, insulation: Double? = nil, electrical: Double? = nil) {
        self.bearing = bearing
        self.insulation = insulation
        self.electrical = electrical
    }

    /// The onset time of `mode`, s, or nil.
    public subscript(mode: FailureMode) -> Double? {
        get {
            switch mode {
            case .bearing: bearing
            case .insulation: insulation
            case .electrical: electrical
            }
        }
        set {
            switch mode {
            case .bearing: bearing = newValue
            case .insulation: insulation = newValue
            case .electrical: electrical = newValue
            }
        }
    }
}
