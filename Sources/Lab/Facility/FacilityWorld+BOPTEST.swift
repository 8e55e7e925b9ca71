import Scenario

extension FacilityWorld {
    /// The BOPTEST core KPIs (Blum et al. 2021; docs/model-reference.md §KPIs) the facility adds to
    /// its own: emissions (`emis`), discomfort split by light phase (`tdis`, `idis` and the
    /// grow-room RH, VPD and CO₂-deficit integrals), actuator travel (`atvl`) per actuator kind,
    /// and g/kWh per crop.
    ///
    /// - emissions: facility electricity × the tariff's `emission_factor_kg_per_kwh`, kg CO₂
    ///   (constant factor; no hourly profile).
    /// - discomfort: `RoomPhaseKPIs` integrals averaged over rooms (BOPTEST divides by zones).
    /// - actuator travel: full strokes summed over rooms, per kind.
    /// - grams_per_kwh: the inverse of `energy_per_gram` (RII PowerScore's production efficiency).
    func boptestKPIs() -> [RunKPI] {
        let n = Double(max(rooms.count, 1))
        let floor = rooms.reduce(0.0) { $0 + $1.spec.floorArea }
        let emissions = ledger.totalEnergyKWh * spec.tariff.emissionFactorKgPerKWh
        var kpis = [
            RunKPI(name: "emissions", value: emissions, unit: "kg CO2"),
            RunKPI(name: "emissions_per_floor_area", value: floor > 0 ? emissions / floor : 0, unit: "kg CO2/m2"),
        ]
        for kind in [CropSpec.Kind.cannabis, .lettuce] {
            let grown = rooms.filter { $0.spec.crop.kind == kind }
            let harvested = grown.reduce(0.0) { $0 + $1.harvestedGrams }
            let energy = grown.reduce(0.0) { $0 + ledger.energyKWh($1.ledgerRoom!) }
            guard harvested > 0, energy > 0 else { continue }
            kpis.append(RunKPI(name: "grams_per_kwh_\(kind.rawValue)", value: harvested / energy, unit: "g/kWh"))
        }
        let names = ["temperature_discomfort", "rh_discomfort", "vpd_discomfort", "co2_deficit", "co2_excess"]
        for (k, name) in names.enumerated() {
            let unit = RoomPhaseKPIs.units[k] + "/room"
            kpis.append(RunKPI(name: name + "_lit", value: rooms.reduce(0.0) { $0 + $1.phaseKPIs.lit[k] } / n, unit: unit))
            // No CO₂ target holds in the dark, so there is no dark deficit.
            if k != 3 {
                kpis.append(RunKPI(name: name + "_dark", value: rooms.reduce(0.0) { $0 + $1.phaseKPIs.dark[k] } / n,
                                   unit: unit))
            }
        }
        for (k, actuator) in RoomPhaseKPIs.actuators.enumerated() {
            kpis.append(RunKPI(name: "actuator_travel_\(actuator)", value: rooms.reduce(0.0) { $0 + $1.phaseKPIs.travel[k] },
                               unit: "strokes"))
        }
        return kpis
    }

    /// Actuator travel of every room and actuator kind (`actuators/travel`), full strokes.
    func actuatorTable() -> ResultTable {
        var values: [Double] = []
        for (index, room) in rooms.enumerated() {
            for (k, travel) in room.phaseKPIs.travel.enumerated() { values += [Double(index), Double(k), travel] }
        }
        return ResultTable(group: "actuators", name: "travel", columns: ["room", "actuator", "travel"],
                           units: ["index", "index", "strokes"], values: values,
                           names: [("rooms", rooms.map(\.spec.id)), ("actuators", RoomPhaseKPIs.actuators)])
    }

    /// Discomfort of every room by quantity and light phase (`comfort/rooms`).
    func comfortTable() -> ResultTable {
        var values: [Double] = []
        for (index, room) in rooms.enumerated() {
            for k in RoomPhaseKPIs.quantities.indices {
                values += [Double(index), Double(k), room.phaseKPIs.lit[k], room.phaseKPIs.dark[k]]
            }
        }
        return ResultTable(group: "comfort", name: "rooms", columns: ["room", "quantity", "lit", "dark"],
                           units: ["index", "index", "quantity unit", "quantity unit"], values: values,
                           names: [("rooms", rooms.map(\.spec.id)), ("quantities", RoomPhaseKPIs.quantities),
                                   ("quantity_units", RoomPhaseKPIs.units)])
    }
}
