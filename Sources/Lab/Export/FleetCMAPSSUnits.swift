import Recording
import Scenario

/// C-MAPSS units from a fleet run, or from the room machines of a facility run: one per
/// machine life (see ``MachineLives``), one row per recording interval ("cycle").
///
/// Operating settings: the machine's shaft load (× rated), its cooling air temperature (°C)
/// and forced-cooling factor (0–1). In a fleet run the load is the table's `load` attribute and
/// the other two come from the scenario's machine group, constant over the run; a room machine
/// follows its device, so load and air temperature are its recorded `load` and
/// `ambient_temperature` columns row by row, and the cooling factor is its scenario entry's.
/// Sensors: `power` (kW), `temperature` (°C), `hot_spot_temperature` (°C), `vibration`
/// (mm/s), `runtime` (h), `health` (0–100). A failed life is a train unit (its last row is the
/// interval that holds the failure, so RUL = last cycle − cycle); a life cut off by the
/// horizon is a test unit whose true RUL is the recorded `rul` channel at its last row
/// divided by the recording interval, rounded down.
enum FleetCMAPSSUnits {
    static let sensorChannels = FleetMinariEpisodes.observationChannels
    static let settings = [
        CMAPSSDataset.Column("load", "x rated", "operating setting 1: shaft load as a multiple of the rated load"),
        CMAPSSDataset.Column("ambient_temperature", "degC", "operating setting 2: cooling air temperature"),
        CMAPSSDataset.Column("cooling_factor", "fraction", "operating setting 3: forced cooling available, 0-1"),
    ]
    static let sensors = [
        CMAPSSDataset.Column("power", "kW", "sensor 1: electric power, 0 when stopped"),
        CMAPSSDataset.Column("temperature", "degC", "sensor 2: frame temperature"),
        CMAPSSDataset.Column("hot_spot_temperature", "degC", "sensor 3: winding hot-spot temperature"),
        CMAPSSDataset.Column("vibration", "mm/s", "sensor 4: RMS vibration velocity, 0 when stopped"),
        CMAPSSDataset.Column("runtime", "h", "sensor 5: running hours"),
        CMAPSSDataset.Column("health", "0-100", "sensor 6: health score"),
    ]

    static func dataset(_ run: ExportedRun, name: String) throws -> CMAPSSDataset {
        let perRow = run.model == .facility ? ["load", "ambient_temperature"] : []
        let lives = try MachineLives(run: run, requiring: sensorChannels + ["rul"] + perRow)
        let settingsOf = try operatingSettings(run)
        let interval = lives.tables.first.map(run.recordingIntervalHours) ?? 1
        let units = try lives.lives.map { life in
            let id = lives.machines[life.machine]
            let table = lives.tables[life.machine]
            let setting = try settingsOf(id, table)
            let columns = sensorChannels.map { table.columns.firstIndex(of: $0)! }
            let cycles = (life.first...life.last).map { row in setting(row) + columns.map { table[row, $0] } }
            let time = table.column("time")!
            var remaining: Int?
            if !life.failed {
                let rul = table[life.last, table.columns.firstIndex(of: "rul")!]
                remaining = rul.isFinite ? Int((rul / interval).rounded(.down)) : Int.max
            }
            let end = life.failed ? "failed (\(life.mode ?? "?"))" : "running at the horizon"
            return CMAPSSDataset.Unit(
                cycles: cycles, remainingCycles: remaining,
                origin: "\(id) life \(life.ordinal): rows \(time[life.first])-\(time[life.last]) h, \(end)")
        }
        let minutes = CMAPSSDataset.number(interval * 60)
        return CMAPSSDataset(name: name, settings: settings, sensors: sensors,
                             cycleMeaning: "one cycle = one recording interval of \(minutes) min", units: units)
    }

    /// For each machine, the three operating settings of a row of its table.
    private static func operatingSettings(_ run: ExportedRun) throws
        -> (_ machine: String, _ table: HDF5Table) throws -> (Int) -> [Double] {
        if run.model == .facility {
            let machines = try run.facilitySpec().machines
            return { id, table in
                guard let spec = machines.first(where: { $0.id == id }) else {
                    throw DatasetExportError(.malformedRun, "machine '\(id)' of '\(run.path)' is not in its stored scenario")
                }
                let (load, air) = (table.columns.firstIndex(of: "load")!, table.columns.firstIndex(of: "ambient_temperature")!)
                return { row in [table[row, load], table[row, air], spec.resolvedCoolingFactor] }
            }
        }
        var groupOf: [String: MachineGroupSpec] = [:]
        for group in try run.fleetSpec().machines {
            for index in 0..<group.count { groupOf[group.machineID(index)] = group }
        }
        return { id, _ in
            guard let group = groupOf[id], let conditions = try? group.conditions() else {
                throw DatasetExportError(.malformedRun, "machine '\(id)' of '\(run.path)' is not in its stored scenario")
            }
            let load = run.number("load", of: "timeseries/machines/\(id)") ?? conditions.load
            return { _ in [load, conditions.ambientTemperature, conditions.coolingFactor] }
        }
    }
}
