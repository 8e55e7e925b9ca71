import Foundation

/// Reads the moments users type for `twinlab catalog list --since`: an ISO 8601 date or
/// date-time.
///
/// Accepted: `2026-03-01` (midnight UTC), `2026-03-01T14:30`, `2026-03-01T14:30:15`, with
/// optional fractional seconds, a space instead of `T`, and an optional zone (`Z`, `+02:00`,
/// `+0200`, `-05`) after a time. A date-time without a zone is UTC, like every time the catalog
/// stores.
public enum CatalogTime {
    /// The moment `text` names, or nil when it is not such a date or date-time (or names a day
    /// that does not exist, such as 2026-02-30).
    public static func parse(_ text: String) -> Date? {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/
        guard let match = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: pattern) else { return nil }
        var components = DateComponents()
        components.year = Int(match.1)
        components.month = Int(match.2)
        components.day = Int(match.3)
        components.hour = match.4.flatMap { Int($0) } ?? 0
        components.minute = match.5.flatMap { Int($0) } ?? 0
        components.second = match.6.flatMap { Int($0) } ?? 0
        var offset = 0
        if let zone = match.8, zone != "Z" {
            let digits = zone.dropFirst().filter(\.isNumber)
            let hours = Int(digits.prefix(2)) ?? 0, minutes = Int(digits.dropFirst(2)) ?? 0
            guard hours <= 18, minutes < 60 else { return nil }
            offset = (zone.first == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        guard let timeZone = TimeZone(secondsFromGMT: offset) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        components.calendar = calendar
        components.timeZone = timeZone
        guard components.hour! < 24, components.minute! < 60, components.second! < 60, components.isValidDate,
              let date = calendar.date(from: components) else { return nil }
        let fraction = match.7.flatMap { Double("0" + $0) } ?? 0
        return date.addingTimeInterval(fraction)
    }
}
