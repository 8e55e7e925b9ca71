import Testing
import TwinModels

@Suite("Energy ledger, cost and demand charge")
struct EnergyLedgerTests {
    static let calendar = try! SimulationCalendar(year: 2018, month: 1, day: 1)

    @Test("device, room and facility totals agree, in registration order")
    func totals() throws {
        var ledger = EnergyLedger(tariff: .timeOfUse(.xcelRETOU), calendar: Self.calendar, expectedHours: 48)
        let veg = try ledger.registerRoom("veg")
        let flower = try ledger.registerRoom("flower")
        let lamps = try ledger.registerDevice("flower/lamps", room: flower)
        let hvac = try ledger.registerDevice("flower/hvac", room: flower)
        let vegLamps = try ledger.registerDevice("veg/lamps", room: veg)
        #expect(ledger.deviceNames == ["flower/lamps", "flower/hvac", "veg/lamps"])
        #expect(ledger.roomNames == ["veg", "flower"])
        var expectedLampKWh = 0.0
        for minute in 0..<(48 * 60) {
            let t = Double(minute) / 60
            let on = Photoperiod.flowering.isOn(atHours: t)
            try ledger.record(handle: lamps, powerKW: on ? 33.3 : 0, seconds: 60, atHours: t)
            try ledger.record(handle: hvac, powerKW: 5 + 10 * (on ? 1 : 0), seconds: 60, atHours: t)
            try ledger.record(handle: vegLamps, powerKW: Photoperiod.vegetative.isOn(atHours: t) ? 22.2 : 0, seconds: 60, atHours: t)
            expectedLampKWh += on ? 33.3 / 60 : 0
        }
        #expect(abs(ledger.energyKWh(lamps) - 2 * 12 * 33.3) < 1e-9)
        #expect(abs(ledger.energyKWh(lamps) - expectedLampKWh) < 1e-9)
        #expect(abs(ledger.energyKWh(hvac) - (48 * 5 + 24 * 10)) < 1e-9)
        #expect(abs(ledger.energyKWh(vegLamps) - 2 * 18 * 22.2) < 1e-9)
        #expect(abs(ledger.energyKWh(flower) - ledger.energyKWh(lamps) - ledger.energyKWh(hvac)) < 1e-9)
        #expect(abs(ledger.totalEnergyKWh - ledger.energyKWh(lamps) - ledger.energyKWh(hvac) - ledger.energyKWh(vegLamps)) < 1e-9)
        let deviceCost = ledger.energyCost(lamps) + ledger.energyCost(hvac) + ledger.energyCost(vegLamps)
        #expect(abs(ledger.totalEnergyCost - deviceCost) < 1e-9)
        #expect(abs(ledger.intervalKWh.reduce(0, +) - ledger.totalEnergyKWh) < 1e-9)
        // Flower lamps 06–18 on winter weekdays: 3 h off-peak, 5 h mid, 4 h on-peak per day.
        let lampCostPerDay = 33.3 * (3 * 0.04440 + 5 * 0.05413 + 4 * 0.08880)
        #expect(abs(ledger.energyCost(lamps) - 2 * lampCostPerDay) < 1e-9)
        #expect(abs(try ledger.kWhPerGram(yieldGrams: 1000) - ledger.totalEnergyKWh / 1000) < 1e-15)
        #expect(throws: ModelInputError.self) { try ledger.kWhPerGram(yieldGrams: 0) }
        #expect(throws: ModelInputError.self) { try ledger.registerRoom("veg") }
        #expect(throws: ModelInputError.self) { try ledger.record(handle: lamps, powerKW: -1, seconds: 60, atHours: 0) }
    }

    @Test("registering 10⁴ rooms of 8 devices is linear; a repeated name is still refused")
    func manyDevices() throws {
        var ledger = EnergyLedger(tariff: try .flat(0.1), calendar: Self.calendar, expectedHours: 1)
        let start = ContinuousClock.now
        var last: EnergyLedger.RoomHandle?
        for room in 0..<10_000 {
            let handle = try ledger.registerRoom("room-\(room)")
            for device in 0..<8 { _ = try ledger.registerDevice("room-\(room)/device-\(device)", room: handle) }
            last = handle
        }
        let elapsed = ContinuousClock.now - start
        // A search of the name list per registration took ~3 × 10⁹ string comparisons here.
        #expect(elapsed < .seconds(5), "\(elapsed)")
        #expect(ledger.deviceNames.count == 80_000)
        #expect(throws: ModelInputError.self) { _ = try ledger.registerRoom("room-7") }
        let room = try #require(last)
        #expect(throws: ModelInputError.self) { _ = try ledger.registerDevice("room-7/device-3", room: room) }
    }

    @Test("demand charge uses the 15-minute average peak, not the instantaneous peak")
    func demandCharge() throws {
        var ledger = EnergyLedger(tariff: .flat(pricePerKWh: 0.1), calendar: Self.calendar,
                                  demandCharge: try DemandCharge(pricePerKW: 10))
        let room = try ledger.registerRoom("r")
        let pump = try ledger.registerDevice("pump", room: room)
        // January: base 20 kW all day with a 100 kW spike of 3 min at 10:00 and a 50 kW hour at 14:00.
        for minute in 0..<(24 * 60) {
            let t = Double(minute) / 60
            var p = 20.0
            if minute >= 600 && minute < 603 { p = 100 }
            if minute >= 840 && minute < 900 { p = 50 }
            try ledger.record(handle: pump, powerKW: p, seconds: 60, atHours: t)
        }
        // February 1 (day 31): 30 kW for one 15-minute interval, recorded as a single step.
        try ledger.record(handle: pump, powerKW: 30, seconds: 900, atHours: 31 * 24 + 8)
        let peaks = ledger.monthlyPeaks
        #expect(peaks.count == 2)
        // The 10:00 interval averages (3·100 + 12·20)/15 = 36 kW, below the 50 kW hour.
        #expect(abs(peaks[0].peakKW - 50) < 1e-9)
        #expect(peaks[0].year == 2018 && peaks[0].month == 1 && peaks[0].startHours == 14)
        #expect(abs(peaks[1].peakKW - 30) < 1e-9 && peaks[1].month == 2)
        #expect(abs(ledger.demandCost - 10 * (50 + 30)) < 1e-9)
        #expect(abs(ledger.totalCost - ledger.totalEnergyCost - ledger.demandCost) < 1e-12)
        #expect(abs(ledger.peakKW - 50) < 1e-9)
    }

    @Test("a long step is split at quarter hours and priced piece by piece")
    func splitting() throws {
        var ledger = EnergyLedger(tariff: .timeOfUse(.xcelRETOU), calendar: Self.calendar)
        let r = try ledger.registerRoom("r")
        let d = try ledger.registerDevice("d", room: r)
        // 13:50 to 14:20 on Monday 1 Jan 2018 at 60 kW: 10 min mid-peak, 20 min on-peak (winter).
        try ledger.record(handle: d, powerKW: 60, seconds: 1800, atHours: 13 + 50.0 / 60)
        #expect(abs(ledger.energyKWh(d) - 30) < 1e-9)
        #expect(abs(ledger.energyCost(d) - (10 * 0.05413 + 20 * 0.08880)) < 1e-9)
        // Intervals: 13:45–14:00 gets 10 kWh, 14:00–14:15 15 kWh, 14:15–14:30 5 kWh.
        #expect(ledger.intervalKWh.count == 58)
        #expect(abs(ledger.intervalKWh[55] - 10) < 1e-9)
        #expect(abs(ledger.intervalKWh[56] - 15) < 1e-9)
        #expect(abs(ledger.intervalKWh[57] - 5) < 1e-9)
        #expect(abs(ledger.peakKW - 60) < 1e-9)
    }
}
