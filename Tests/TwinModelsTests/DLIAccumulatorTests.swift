import Testing
import TwinModels

@Suite("DLI accumulator")
struct DLIAccumulatorTests {
    @Test("minute steps of a 12/12 photoperiod at 900 µmol give 38.88 mol per day")
    func flowering() throws {
        var acc = DLIAccumulator(expectedDays: 3)
        let schedule = Photoperiod.flowering
        for minute in 0..<(3 * 1440) {
            let t = Double(minute) / 60
            try acc.add(ppfd: schedule.isOn(atHours: t) ? 900 : 0, seconds: 60)
        }
        #expect(acc.dayCount == 3)
        for d in acc.completedDays { #expect(abs(d - 38.88) < 1e-9) }
        #expect(acc.today == 0)
        #expect(abs(acc.total - 3 * 38.88) < 1e-9)
    }

    @Test("a step across midnight is split between the two days")
    func splitAtMidnight() throws {
        var acc = DLIAccumulator()
        try acc.add(ppfd: 100, seconds: 23 * 3600)
        try acc.add(ppfd: 500, seconds: 2 * 3600)
        #expect(acc.dayCount == 1)
        #expect(abs(acc.completedDays[0] - (100 * 23 + 500) * 0.0036) < 1e-9)
        #expect(abs(acc.today - 500 * 0.0036) < 1e-12)
        #expect(abs(acc.secondsIntoDay - 3600) < 1e-9)
        #expect(throws: ModelInputError.self) { try acc.add(ppfd: -1, seconds: 1) }
        #expect(throws: ModelInputError.self) { try acc.add(ppfd: 1, seconds: -1) }
    }
}
