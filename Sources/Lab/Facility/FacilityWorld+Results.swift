import TwinModels
import Control
import Scenario

extension FacilityWorld {
    /// The run's KPIs: yield and kWh and cost per gram by crop, energy by end use, cost, peak
    /// demand, and the BOPTEST-style climate integrals averaged over rooms.
    ///
    /// Per-crop figures charge a crop with the energy of every room that grows it —
    /// propagation and veg rooms included — and with a share of the demand charge in
    /// proportion to that energy, as the RII Cannabis PowerScore does for g/kWh
    /// (docs/model-reference.md §Energy per gram).
    func kpis() -> [RunKPI] {
        let floor = rooms.reduce(0.0) { $0 + $1.spec.floorArea }
        let lighting = rooms.reduce(0.0) { $0 + ledger.energyKWh($1.booking.handles[RoomEquipment.Device.lighting.rawValue]) }
        let total: Double = ledger.totalEnergyKWh
        let currency = spec.tariff.currency
        let n = Double(max(rooms.count, 1))
        var kpis: [RunKPI] = []
        for kind in [CropSpec.Kind.cannabis, .lettuce] {
            let grown = rooms.filter { $0.spec.crop.kind == kind }
            guard !grown.isEmpty else { continue }
            let name = kind.rawValue
            let harvested = grown.reduce(0.0) { $0 + $1.harvestedGrams }
            let harvestingCanopy = grown.filter { $0.nurseryStage == nil }.reduce(0.0) { $0 + $1.spec.canopyArea }
            let energy = grown.reduce(0.0) { $0 + ledger.energyKWh($1.ledgerRoom!) }
            let cost = grown.reduce(0.0) { $0 + ledger.energyCost($1.ledgerRoom!) }
                + (total > 0 ? ledger.demandCost * energy / total : 0)
            kpis.append(RunKPI(name: "yield_\(name)", value: harvested, unit: "g dry"))
            kpis.append(RunKPI(name: "harvests_\(name)", value: Double(grown.reduce(0) { $0 + $1.harvests }), unit: "count"))
            kpis.append(RunKPI(name: "yield_per_harvest_area_\(name)",
                               value: harvestingCanopy > 0 ? harvested / harvestingCanopy : 0, unit: "g/m2"))
            kpis.append(RunKPI(name: "energy_\(name)", value: energy, unit: "kWh"))
            if kind == .cannabis {
                kpis.append(RunKPI(name: "yield_lost_to_stress_cannabis", value: grown.reduce(0.0) { $0 + $1.stressLossGrams },
                                   unit: "g dry"))
            }
            if harvested > 0 {
                kpis.append(RunKPI(name: "energy_per_gram_\(name)", value: energy / harvested, unit: "kWh/g"))
                kpis.append(RunKPI(name: "cost_per_gram_\(name)", value: cost / harvested, unit: currency + "/g"))
            }
        }
        let standing = rooms.reduce(0.0) { $0 + $1.cropView.harvestableDryMass * $1.canopyArea }
        let days = max(horizon.inHours / 24, 1e-9)
        let lit = rooms.filter { $0.dli.total > 0 }
        kpis += [
            RunKPI(name: "standing_crop", value: standing, unit: "g dry"),
            RunKPI(name: "mean_dli", value: lit.isEmpty ? 0 : lit.reduce(0.0) { $0 + $1.dli.total } / days / Double(lit.count),
                   unit: "mol/m2/d"),
            RunKPI(name: "energy_total", value: total, unit: "kWh"),
            RunKPI(name: "energy_lighting", value: lighting, unit: "kWh"),
            RunKPI(name: "energy_climate", value: total - lighting, unit: "kWh"),
            RunKPI(name: "energy_per_floor_area", value: total / floor, unit: "kWh/m2"),
            RunKPI(name: "energy_cost", value: ledger.totalEnergyCost, unit: currency),
            RunKPI(name: "demand_cost", value: ledger.demandCost, unit: currency),
            RunKPI(name: "total_cost", value: ledger.totalCost, unit: currency),
            RunKPI(name: "peak_demand", value: ledger.peakKW, unit: "kW"),
            RunKPI(name: "temperature_discomfort", value: rooms.reduce(0.0) { $0 + $1.kpis.thermalDiscomfort.total } / n,
                   unit: "K*h/room"),
            RunKPI(name: "vpd_off_target", value: rooms.reduce(0.0) { $0 + $1.vpdOffTargetSeconds } / 3600 / n,
                   unit: "h/room"),
            RunKPI(name: "alerts", value: Double(rooms.reduce(0) { $0 + ($1.rules?.alerts.count ?? 0) }), unit: "count"),
            RunKPI(name: "critical_alerts", value: Double(rooms.reduce(0) {
                $0 + ($1.rules?.alerts.filter { $0.severity == .critical }.count ?? 0) }), unit: "count"),
            RunKPI(name: "interlock_trips", value: Double(rooms.reduce(0) { $0 + $1.interlock.trips }), unit: "count"),
            RunKPI(name: "co2_cutout_trips", value: Double(rooms.reduce(0) { $0 + $1.co2Cutout.trips }), unit: "count"),
            RunKPI(name: "opportunity_peak_shifting", value: opportunitySaving(kind: 0), unit: spec.tariff.currency + "/year"),
            RunKPI(name: "opportunity_oversizing", value: opportunitySaving(kind: 1), unit: spec.tariff.currency + "/year"),
            RunKPI(name: "water_removed", value: rooms.reduce(0.0) { $0 + $1.waterRemovedKg }, unit: "kg"),
            RunKPI(name: "co2_injected", value: rooms.reduce(0.0) { $0 + $1.co2InjectedKg }, unit: "kg"),
        ]
        return kpis + boptestKPIs()
    }

    private func opportunitySaving(kind: Int) -> Double {
        opportunityList.filter { $0.kind == kind }.reduce(0) { $0 + $1.annualSaving }
    }

    /// Ground truth for ML: injected device faults and every sensor fault episode.
    func labels() -> [ResultTable] {
        var devices: [Double] = []
        for fault in deviceFaults {
            devices += [Double(fault.room), Double(fault.device), fault.start, fault.end, fault.availability]
        }
        var sensors: [Double] = []
        let sensorNames = ["air_temperature", "relative_humidity", "co2"]
        let kinds = SensorFaultRecord.Kind.allCases
        for (index, room) in rooms.enumerated() {
            for (s, sensor) in [room.temperatureSensor, room.humiditySensor, room.co2Sensor].enumerated() {
                for fault in sensor.faults {
                    sensors += [Double(index), Double(s), Double(kinds.firstIndex(of: fault.kind) ?? 0),
                                fault.startSeconds / 3600, (fault.endSeconds ?? horizon.inSeconds) / 3600]
                }
            }
        }
        let roomNames = rooms.map(\.spec.id)
        return [
            ResultTable(group: "labels", name: "device_faults", columns: ["room", "device", "start", "end", "availability"],
                       units: ["index", "index", "h", "h", "fraction"], values: devices,
                       names: [("rooms", roomNames), ("devices", RoomEquipment.Device.allCases.map(\.name))]),
            ResultTable(group: "labels", name: "sensor_faults", columns: ["room", "sensor", "kind", "start", "end"],
                       units: ["index", "index", "code", "h", "h"], values: sensors,
                       names: [("rooms", roomNames), ("sensors", sensorNames), ("kinds", kinds.map(\.rawValue))]),
        ]
    }

    /// Energy and cost of every device over the run (`energy/devices`): the per-device and
    /// per-room accounts behind the facility KPIs.
    func energyTable() -> ResultTable {
        var values: [Double] = []
        for (index, room) in rooms.enumerated() {
            for (device, handle) in room.booking.handles.enumerated() {
                values += [Double(index), Double(device), ledger.energyKWh(handle), ledger.energyCost(handle)]
            }
        }
        return ResultTable(group: "energy", name: "devices", columns: ["room", "device", "energy", "cost"],
                           units: ["index", "index", "kWh", spec.tariff.currency], values: values,
                           names: [("rooms", rooms.map(\.spec.id)), ("devices", RoomEquipment.Device.allCases.map(\.name))])
    }

    /// Every alert the rules raised (`alerts/rooms`): room, rule, severity, start, end (NaN while
    /// open at the horizon), peak reading, acknowledgement time (NaN: none).
    func alertTable() -> ResultTable {
        var values: [Double] = []
        for (index, room) in rooms.enumerated() {
            for alert in room.rules?.alerts ?? [] {
                values += [Double(index), Double(alert.ruleIndex), Double(alert.severity.level), alert.start / 3600,
                           alert.end.map { $0 / 3600 } ?? .nan, alert.peakValue, alert.acknowledgedAt.map { $0 / 3600 } ?? .nan]
            }
        }
        return ResultTable(group: "alerts", name: "rooms",
                           columns: ["room", "rule", "severity", "start", "end", "peak", "acknowledged"],
                           units: ["index", "index", "level", "h", "h", "", "h"], values: values,
                           names: [("rooms", rooms.map(\.spec.id)), ("rules", spec.rules.map(\.id)),
                                   ("severities", ["INFO", "WARNING", "CRITICAL"])])
    }
}
