import TwinModels

extension FacilityWorld {
    /// The run's KPIs: yield, energy by end use, cost, kWh and cost per gram, peak demand,
    /// and the BOPTEST-style climate integrals averaged over rooms.
    func kpis() -> [RunKPI] {
        let harvested = rooms.reduce(0.0) { $0 + $1.harvestedGrams }
        let canopy = rooms.reduce(0.0) { $0 + $1.spec.canopyArea }
        let floor = rooms.reduce(0.0) { $0 + $1.spec.floorArea }
        let standing = rooms.reduce(0.0) { $0 + ($1.crop?.harvestableDryMass ?? 0) * $1.spec.canopyArea }
        let lighting = rooms.reduce(0.0) { $0 + ledger.energyKWh($1.ledgerHandles[RoomEquipment.Device.lighting.rawValue]) }
        let total = ledger.totalEnergyKWh
        let n = Double(max(rooms.count, 1))
        var kpis = [
            RunKPI(name: "yield_harvested", value: harvested, unit: "g"),
            RunKPI(name: "harvests", value: Double(rooms.reduce(0) { $0 + $1.harvests }), unit: "count"),
            RunKPI(name: "yield_per_canopy_area", value: canopy > 0 ? harvested / canopy : 0, unit: "g/m2"),
            RunKPI(name: "standing_crop", value: standing, unit: "g"),
            RunKPI(name: "energy_total", value: total, unit: "kWh"),
            RunKPI(name: "energy_lighting", value: lighting, unit: "kWh"),
            RunKPI(name: "energy_climate", value: total - lighting, unit: "kWh"),
            RunKPI(name: "energy_per_floor_area", value: total / floor, unit: "kWh/m2"),
            RunKPI(name: "energy_cost", value: ledger.totalEnergyCost, unit: spec.tariff.currency),
            RunKPI(name: "demand_cost", value: ledger.demandCost, unit: spec.tariff.currency),
            RunKPI(name: "total_cost", value: ledger.totalCost, unit: spec.tariff.currency),
            RunKPI(name: "peak_demand", value: ledger.peakKW, unit: "kW"),
            RunKPI(name: "temperature_discomfort", value: rooms.reduce(0.0) { $0 + $1.kpis.thermalDiscomfort.total } / n,
                   unit: "K*h/room"),
            RunKPI(name: "vpd_off_target", value: rooms.reduce(0.0) { $0 + $1.vpdOffTargetSeconds } / 3600 / n,
                   unit: "h/room"),
            RunKPI(name: "water_removed", value: rooms.reduce(0.0) { $0 + $1.waterRemovedKg }, unit: "kg"),
            RunKPI(name: "co2_injected", value: rooms.reduce(0.0) { $0 + $1.co2InjectedKg }, unit: "kg"),
        ]
        if harvested > 0 {
            kpis.append(RunKPI(name: "energy_per_gram", value: total / harvested, unit: "kWh/g"))
            kpis.append(RunKPI(name: "cost_per_gram", value: ledger.totalCost / harvested, unit: spec.tariff.currency + "/g"))
        }
        return kpis
    }

    /// Ground truth for ML: injected device faults and every sensor fault episode.
    func labels() -> [LabelTable] {
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
            LabelTable(name: "device_faults", columns: ["room", "device", "start", "end", "availability"],
                       units: ["index", "index", "h", "h", "fraction"], values: devices,
                       names: [("rooms", roomNames), ("devices", RoomEquipment.Device.allCases.map(\.name))]),
            LabelTable(name: "sensor_faults", columns: ["room", "sensor", "kind", "start", "end"],
                       units: ["index", "index", "code", "h", "h"], values: sensors,
                       names: [("rooms", roomNames), ("sensors", sensorNames), ("kinds", kinds.map(\.rawValue))]),
        ]
    }
}
