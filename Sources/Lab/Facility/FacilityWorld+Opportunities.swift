import TwinModels

extension FacilityWorld {
    /// Energy-saving opportunities found in the run's own data and priced with its own tariff,
    /// each as an annual saving (the run's saving scaled by 8,760 h / horizon).
    ///
    /// - Peak shifting: each day's lighting could run in the cheapest window of the same
    ///   length that day (15-minute resolution, the window may wrap past midnight); the saving
    ///   is the day's actual lighting cost minus that window's cost at the day's mean lamp power.
    ///   Zero under a flat tariff.
    /// - Oversizing: a cooling unit whose mean command stays below 40 % of capacity
    ///   (the documents' threshold) could be replaced by one sized at 1.25 × the run's peak
    ///   command; its continuously running indoor fan scales with capacity, so the saving is
    ///   that fan's energy share, at the run's mean energy price.
    func opportunities() -> [(room: Int, kind: Int, measure: Double, annualSaving: Double)] {
        let scale = 8760 / max(horizon.inHours, 1e-9)
        var found: [(Int, Int, Double, Double)] = []
        let meanPrice = ledger.totalEnergyKWh > 0 ? ledger.totalEnergyCost / ledger.totalEnergyKWh : 0
        for (index, room) in rooms.enumerated() {
            var shiftSaving = 0.0
            for (day, usage) in room.usage.days.enumerated() where usage.litHours > 0 {
                let quarters = Int((usage.litHours * 4).rounded())
                guard quarters > 0, quarters < 96 else { continue }
                let prices = (0..<96).map { q in
                    ledger.tariff.price(atHours: Double(day) * 24 + Double(q) / 4, calendar: calendar)
                }
                var window = prices[0..<quarters].reduce(0, +)
                var best = window
                for start in 1..<96 {
                    window += prices[(start + quarters - 1) % 96] - prices[start - 1]
                    best = min(best, window)
                }
                let power = usage.lightingKWh / usage.litHours
                // Below rounding (a flat tariff) there is nothing to shift.
                let saving = usage.lightingCost - best / 4 * power
                if saving > 1e-9 * usage.lightingCost { shiftSaving += saving }
            }
            found.append((index, 0, room.usage.days.reduce(0) { $0 + $1.litHours }, shiftSaving * scale))
            if let coil = room.equipment.cooling, room.usage.coolingUtilisation < 0.4 {
                let rightSized = min(1, 1.25 * room.usage.peakCoolingCommand)
                let fanKWh = coil.fanPowerPerFlow * coil.ratedAirflow / 1000 * room.usage.hours
                found.append((index, 1, room.usage.coolingUtilisation, fanKWh * (1 - rightSized) * meanPrice * scale))
            }
        }
        return found
    }

    /// The opportunities as a table (`opportunities/rooms`).
    func opportunityTable() -> ResultTable {
        ResultTable(group: "opportunities", name: "rooms", columns: ["room", "kind", "measure", "annual_saving"],
                    units: ["index", "code", "", spec.tariff.currency + "/year"],
                    values: opportunityList.flatMap { [Double($0.room), Double($0.kind), $0.measure, $0.annualSaving] },
                    names: [("rooms", rooms.map(\.spec.id)), ("kinds", ["peak_shifting", "oversizing"]),
                            ("measures", ["lit hours in the run", "mean cooling utilisation"])])
    }
}
