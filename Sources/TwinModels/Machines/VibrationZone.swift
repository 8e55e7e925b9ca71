/// Evaluation zone of a vibration severity reading, ISO 10816-3:2009 §5.3 (zones A–D).
///
/// Cases are ordered from best to worst, so `zone >= .c` means "plan maintenance".
public enum VibrationZone: String, Sendable, Equatable, Hashable, CaseIterable, Codable, Comparable {
    /// Newly commissioned machines.
    case a = "A"
    /// Acceptable for unrestricted long-term operation.
    case b = "B"
    /// Short-term operation only; plan remedial action.
    case c = "C"
    /// Severe enough to damage the machine; shut down.
    case d = "D"

    private var rank: Int {
        switch self {
        case .a: 0
        case .b: 1
        case .c: 2
        case .d: 3
        }
    }

    public static func < (lhs: VibrationZone, rhs: VibrationZone) -> Bool { lhs.rank < rhs.rank }
}
