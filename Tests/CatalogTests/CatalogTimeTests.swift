import Catalog
import Foundation
import Testing

/// `--since` accepts ISO 8601 dates and date-times, UTC unless a zone is given.
@Suite("Catalog time")
struct CatalogTimeTests {
    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))!
    }

    @Test("dates, date-times, fractions and zones")
    func accepted() {
        #expect(CatalogTime.parse("2026-03-01") == Self.utc(2026, 3, 1))
        #expect(CatalogTime.parse("2026-03-01T14:30") == Self.utc(2026, 3, 1, 14, 30))
        #expect(CatalogTime.parse("2026-03-01 14:30:15") == Self.utc(2026, 3, 1, 14, 30, 15))
        #expect(CatalogTime.parse("2026-03-01T14:30:15Z") == Self.utc(2026, 3, 1, 14, 30, 15))
        #expect(CatalogTime.parse("2026-03-01T14:30:15.250Z") == Self.utc(2026, 3, 1, 14, 30, 15).addingTimeInterval(0.25))
        #expect(CatalogTime.parse("2026-03-01T16:30+02:00") == Self.utc(2026, 3, 1, 14, 30))
        #expect(CatalogTime.parse("2026-03-01T09:30:00-0500") == Self.utc(2026, 3, 1, 14, 30))
        #expect(CatalogTime.parse("2026-03-01T09:30-05") == Self.utc(2026, 3, 1, 14, 30))
        #expect(CatalogTime.parse("2024-02-29") == Self.utc(2024, 2, 29))
    }

    @Test("anything else is rejected")
    func rejected() {
        for text in ["", "yesterday", "2026-3-1", "2026-02-30", "2025-02-29", "2026-13-01", "2026-03-01T24:00",
                     "2026-03-01T14:60", "2026-03-01T14", "2026-03-01Z", "2026-03-01T14:30+25:00", "1772373600"] {
            #expect(CatalogTime.parse(text) == nil, "\(text)")
        }
    }
}
