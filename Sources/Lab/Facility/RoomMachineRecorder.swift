import SimKernel
import TwinModels
import Recording

/// Writes `timeseries/machines/<id>` for the room machines of a facility run: the fleet's
/// machine channels (`MachineChannel`) plus the coupling to the room.
///
/// Columns: time (h), load (× rated, the device's command), ambient_temperature (°C), the
/// fleet channels (power kW, temperature °C, … rul h), available (1 in service, 0 failed or
/// under repair), root_zone_depletion (mm) and water_stress (Ks, 0…1) — the last two NaN for
/// machines other than irrigation pumps. The RUL is the one at full command (load 1).
///
/// A row at t shows the machine after the control step at t advanced it over [t, t + Δt]
/// (the machines run one control period ahead of the kernel clock).
final class RoomMachineRecorder {
    static let extraColumns: [(name: String, unit: String)] = [
        ("available", "0/1"), ("root_zone_depletion", "mm"), ("water_stress", "0-1"),
    ]
    /// Values per row: time, load, ambient temperature, the fleet channels and the extras.
    static let columnCount = 3 + MachineChannel.allCases.count + extraColumns.count
    private let machines: RoomMachines
    private let channels = MachineChannel.allCases
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) private var writers: [TimeSeriesWriter] = []
    @exclusivity(unchecked) private var row: [Double] = []

    init(group: HDF5Group, machines: RoomMachines, options: HDF5StorageOptions) throws {
        self.machines = machines
        let names = ["time", "load", "ambient_temperature"] + channels.map(\.rawValue) + Self.extraColumns.map(\.name)
        let units = ["h", "x rated", "degC"] + channels.map(\.unit) + Self.extraColumns.map(\.unit)
        for (i, spec) in machines.specs.enumerated() {
            let writer = try group.createTimeSeries(spec.id, columns: names, units: units, options: options)
            try writer.dataset.setAttribute("kind", spec.kind.rawValue)
            try writer.dataset.setAttribute("room", spec.room)
            try writer.dataset.setAttribute("serves", spec.serves.rawValue)
            try writer.dataset.setAttribute("rated_power_kw", machines.models[i].parameters.ratedPower)
            writers.append(writer)
        }
    }

    /// Appends one row per machine and adds its values to the run's fingerprint.
    func append(atHours hours: Double, into fingerprint: inout RunFingerprint) throws {
        for i in writers.indices {
            let model = machines.models[i]
            let full = (try? OperatingConditions(
                load: 1, ambientTemperature: model.conditions.ambientTemperature,
                coolingFactor: model.conditions.coolingFactor,
                bearingWearMultiplier: model.conditions.bearingWearMultiplier)) ?? model.conditions
            row.removeAll(keepingCapacity: true)
            row += [hours, machines.loads[i], model.conditions.ambientTemperature]
            for channel in channels { row.append(channel.value(of: model, under: full)) }
            let zone = machines.rootZones[i]
            row += [machines.available[i] ? 1 : 0, zone?.depletion ?? .nan, zone?.stressCoefficient ?? .nan]
            for value in row { fingerprint.combine(value) }
            try writers[i].append(row)
        }
    }

    func flush() throws { for writer in writers { try writer.flush() } }

    func close() throws { for writer in writers { try writer.close() } }
}
