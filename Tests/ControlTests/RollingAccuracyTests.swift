import Testing
@testable import Control

/// Rolling accuracy over a trailing window.
@Suite("Rolling accuracy")
struct RollingAccuracyTests {
    @Test("counts only outcomes in (t − window, t]")
    func window() {
        var rolling = RollingAccuracy(windowDays: 30)
        #expect(rolling.accuracy(atDays: 0) == nil)
        for day in 0..<30 { rolling.add(atDays: Double(day), correct: true) }
        #expect(rolling.accuracy(atDays: 29) == 1)
        for day in 30..<45 { rolling.add(atDays: Double(day), correct: false) }
        // Window (14, 44]: days 15–29 correct (15), 30–44 wrong (15).
        #expect(rolling.accuracy(atDays: 44) == 0.5)
        #expect(rolling.count == 30)
        #expect(rolling.accuracy(atDays: 100) == nil)
    }
}
