import TwinModels
import Scenario

extension RoomMachines {
    /// KPIs of the room machines, appended to the facility's only when the scenario has
    /// machines: failures, repairs, downtime (failure to end of repair, open episodes to the
    /// horizon, summed over machines), hours of root-zone water stress (Ks < 1, summed over
    /// irrigated rooms) and the flower mass lost to it (cannabis, harvested and standing).
    func kpis() -> [RunKPI] {
        let end = world.horizon.inHours
        var downtime = ledger.outOfServiceHours
        for since in ledger.outOfServiceSince { if let since { downtime += end - since } }
        var kpis = [
            RunKPI(name: "machine_failures", value: Double(ledger.failureCount), unit: "count"),
            RunKPI(name: "machine_repairs", value: Double(repairs), unit: "count"),
            RunKPI(name: "machine_downtime_hours", value: downtime, unit: "h"),
            RunKPI(name: "water_stress_hours", value: waterStressHours.reduce(0, +), unit: "h"),
        ]
        let irrigated = Set(specs.indices.filter { specs[$0].serves == .irrigation }.map { roomIndex[$0] }).sorted()
        let cannabis = irrigated.map { world.rooms[$0] }.filter { $0.spec.crop.kind == .cannabis }
        if !cannabis.isEmpty {
            let lost = cannabis.reduce(0.0) { total, room in
                total + room.waterStressLossGrams
                    + ((room.crop as? CannabisCrop)?.waterStressFlowerLoss ?? 0) * room.canopyArea
            }
            kpis.append(RunKPI(name: "yield_lost_to_water_stress_cannabis", value: lost, unit: "g dry"))
        }
        return kpis
    }

    /// Ground truth (`labels/machine_faults`), the fleet's columns: machine, mode, onset,
    /// failure, end, outcome (0 failed, 2 still developing at the horizon).
    func labels() -> [ResultTable] {
        let end = world.horizon.inHours
        var rows = ledger.faultRows
        for i in models.indices {
            for mode in FailureMode.allCases {
                guard let onset = models[i].state.onsets[mode], onset / 3600 <= end else { continue }
                if let failure = models[i].state.failure, failure.mode == mode, failure.timeSeconds / 3600 <= end { continue }
                rows += [Double(i), Double(FailureMode.allCases.firstIndex(of: mode) ?? 0), onset / 3600, .nan, end, 2]
            }
        }
        return [ResultTable(group: "labels", name: "machine_faults",
                            columns: ["machine", "mode", "onset", "failure", "end", "outcome"],
                            units: ["index", "code", "h", "h", "h", "code"], values: rows,
                            names: [("machines", specs.map(\.id)), ("modes", FailureMode.allCases.map(\.rawValue)),
                                    ("outcomes", ["failed", "maintained", "open"]),
                                    ("rooms", specs.map(\.room))])]
    }
}
