/// The quality grade a lab assigns to a finished batch.
///
/// Raw values are stable codes stored in run files (`grades` attribute lists the names).
public enum LabGrade: Int, Sendable, CaseIterable, Equatable, Comparable {
    case a = 0, b = 1, c = 2, reject = 3

    public var name: String {
        switch self {
        case .a: "A"
        case .b: "B"
        case .c: "C"
        case .reject: "reject"
        }
    }

    public static func < (lhs: LabGrade, rhs: LabGrade) -> Bool { lhs.rawValue < rhs.rawValue }
}
