import Testing
import TwinModels

@Suite("Photoperiod schedules")
struct PhotoperiodTests {
    @Test("presets")
    func presets() {
        #expect(Photoperiod.vegetative.hoursOn == 18)
        #expect(Photoperiod.flowering.hoursOn == 12)
        #expect(Photoperiod.lettuce.hoursOn == 16)
        #expect(Photoperiod.flowering.isOn(hourOfDay: 6))
        #expect(!Photoperiod.flowering.isOn(hourOfDay: 18))
        #expect(Photoperiod.flowering.isOn(hourOfDay: 17.99))
        #expect(!Photoperiod.flowering.isOn(hourOfDay: 5.99))
    }

    @Test("a schedule that wraps past midnight: on 20:00 for 12 h")
    func wrapAround() throws {
        let p = try Photoperiod(hoursOn: 12, lightsOnHour: 20)
        #expect(p.lightsOffHour == 8)
        for h in [20.0, 23.5, 0, 3, 7.99] { #expect(p.isOn(hourOfDay: h), "\(h)") }
        for h in [8.0, 12, 19.99] { #expect(!p.isOn(hourOfDay: h), "\(h)") }
        // Later days and negative hours reduce modulo 24.
        #expect(p.isOn(atHours: 24 * 40 + 2))
        #expect(!p.isOn(atHours: 24 * 40 + 10))
        #expect(p.isOn(hourOfDay: -1))
        // Count lit minutes over a day: exactly 12 h.
        var lit = 0
        for m in 0..<1440 where p.isOn(atHours: Double(m) / 60) { lit += 1 }
        #expect(lit == 720)
    }

    @Test("next switch times")
    func nextSwitch() throws {
        let p = try Photoperiod(hoursOn: 18, lightsOnHour: 22)
        #expect(p.nextSwitch(afterHours: 0) == 16.0)  // off at 16:00
        #expect(p.nextSwitch(afterHours: 16) == 22.0)  // on again at 22:00
        #expect(p.nextSwitch(afterHours: 22) == 40.0)  // off next day at 16:00
        #expect(p.nextSwitch(afterHours: 65) == 70.0)
        // Walking the switches alternates on/off and each lands exactly on a change.
        var t = 0.0
        for _ in 0..<20 {
            guard let next = p.nextSwitch(afterHours: t) else { Issue.record("no switch"); return }
            #expect(next > t)
            #expect(p.isOn(atHours: next - 1e-6) != p.isOn(atHours: next))
            t = next
        }
        #expect(try Photoperiod(hoursOn: 24).nextSwitch(afterHours: 5) == nil)
        #expect(try Photoperiod(hoursOn: 0).nextSwitch(afterHours: 5) == nil)
        #expect(try Photoperiod(hoursOn: 24).isOn(hourOfDay: 23.9))
        #expect(!(try Photoperiod(hoursOn: 0).isOn(hourOfDay: 0)))
    }

    @Test("invalid schedules throw")
    func invalid() {
        #expect(throws: ModelInputError.self) { try Photoperiod(hoursOn: 25) }
        #expect(throws: ModelInputError.self) { try Photoperiod(hoursOn: 12, lightsOnHour: 24) }
        #expect(throws: ModelInputError.self) { try Photoperiod(hoursOn: .nan) }
    }
}
