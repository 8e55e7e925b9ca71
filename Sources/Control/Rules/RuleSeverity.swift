/// How urgent an alert is: the three levels of the product documents.
///
/// Ordered so that `max` picks the most urgent; the raw values are the spellings used in
/// scenario files and recorded alert tables.
public enum RuleSeverity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Worth a look; nothing is at risk yet.
    case info = "INFO"
    /// Out of the normal band; someone should act within the shift.
    case warning = "WARNING"
    /// Equipment, crop or people at risk now.
    case critical = "CRITICAL"

    /// 0 (info) … 2 (critical), for compact recording.
    public var level: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    public static func < (a: RuleSeverity, b: RuleSeverity) -> Bool { a.level < b.level }
}
