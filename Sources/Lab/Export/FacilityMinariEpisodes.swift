import Recording

/// Minari episodes from a facility run: one per room, over the whole run, truncated at the horizon.
///
/// Observation Box(float32, 6) = what the climate controller sees: `measured_air_temperature`
/// (°C), `measured_relative_humidity` (%), `measured_co2` (ppm), `ppfd` (µmol/m²/s),
/// `outdoor_temperature` (°C), and the facility's `electricity_price` (currency/kWh). A sensor
/// dropout (NaN) carries the last reading forward (the first reading backward at the start)
/// and sets the `dropout` info to 1. Action Box(float32, 7) in [0, 1] = the commands in force
/// from the step's first row: `cooling_command`, `heating_command`, `dehumidifier_command`,
/// `humidifier_command`, `co2_command`, `outdoor_air_command`, `lights_on`. Reward =
/// −(room `total_power` at the step's first row × hours × price) − weight × K·h of the true
/// `air_temperature` outside the comfort band (trapezoid over the step). Infos: `time` (h),
/// `dropout` (0/1), `air_temperature` (°C, true), `energy_cost` and `discomfort` (K·h) of the
/// step that led to the observation (0 at reset).
enum FacilityMinariEpisodes {
    static let measured = ["measured_air_temperature", "measured_relative_humidity", "measured_co2"]
    static let observationChannels = measured + ["ppfd", "outdoor_temperature"]
    static let actionChannels = ["cooling_command", "heating_command", "dehumidifier_command", "humidifier_command",
                                 "co2_command", "outdoor_air_command", "lights_on"]
    static let rewardChannels = ["total_power", "air_temperature"]

    static let observationSpace = MinariSpace.box(
        low: [-.infinity, 0, 0, 0, -.infinity, -.infinity], high: [.infinity, 100, .infinity, .infinity, .infinity, .infinity])
    static let actionSpace = MinariSpace.box(low: Array(repeating: 0, count: 7), high: Array(repeating: 1, count: 7))

    /// Room ids and episodes, in room-name order.
    static func episodes(_ run: ExportedRun, options: DatasetExportOptions) throws -> [(room: String, episode: MinariEpisode)] {
        guard run.model == .facility else {
            throw DatasetExportError(.wrongModel, "'\(run.path)' is a \(run.model.rawValue) run, not a facility run")
        }
        let facility = try run.table("timeseries/facility", requiring: ["time", "electricity_price"])
        let price = facility.column("electricity_price")!, facilityTime = facility.column("time")!
        return try run.reader.datasetNames(in: "timeseries/rooms").map { room in
            let path = "timeseries/rooms/\(room)"
            let table = try run.table(path, requiring: ["time"] + observationChannels + actionChannels + rewardChannels)
            let time = table.column("time")!
            guard time.count >= 2, time == Array(facilityTime.prefix(time.count)), facilityTime.count == time.count else {
                throw DatasetExportError(
                    .malformedRun, "'\(run.path):/\(path)' and '/timeseries/facility' do not share their row times "
                        + "(\(time.count) and \(facilityTime.count) rows)")
            }
            return (room, episode(table, time: time, price: price, options: options))
        }
    }

    private static func episode(_ table: HDF5Table, time: [Double], price: [Double], options: DatasetExportOptions) -> MinariEpisode {
        let rows = time.count
        var columns = observationChannels.map { table.column($0)! }
        var dropout = Array(repeating: 0.0, count: rows)
        for (index, name) in observationChannels.enumerated() where measured.contains(name) {
            let raw = columns[index]
            var last = raw.first { !$0.isNaN } ?? 0
            columns[index] = raw.enumerated().map { row, value in
                if value.isNaN { dropout[row] = 1; return last }
                last = value
                return value
            }
        }
        columns.append(price)
        var observations: [Double] = []
        observations.reserveCapacity(rows * columns.count)
        for row in 0..<rows { observations += columns.map { $0[row] } }

        let commands = actionChannels.map { table.column($0)! }
        let power = table.column("total_power")!, air = table.column("air_temperature")!
        let band = options.comfortBand
        let excess = air.map { max(0, band.lowerBound - $0) + max(0, $0 - band.upperBound) }
        var actions: [Double] = [], rewards: [Double] = []
        var energyCost = [0.0], discomfort = [0.0]
        for row in 0..<(rows - 1) {
            actions += commands.map { $0[row] }
            let hours = time[row + 1] - time[row]
            let cost = power[row] * hours * price[row]
            let kelvinHours = hours * (excess[row] + excess[row + 1]) / 2
            energyCost.append(cost)
            discomfort.append(kelvinHours)
            rewards.append(-cost - options.discomfortCostPerKelvinHour * kelvinHours)
        }
        let notLast = Array(repeating: false, count: rows - 2)
        return MinariEpisode(
            observations: observations, actions: actions, rewards: rewards,
            terminations: Array(repeating: false, count: rows - 1), truncations: notLast + [true],
            infos: [MinariInfo(name: "time", values: time), MinariInfo(name: "dropout", values: dropout, isInteger: true),
                    MinariInfo(name: "air_temperature", values: air), MinariInfo(name: "energy_cost", values: energyCost),
                    MinariInfo(name: "discomfort", values: discomfort)])
    }
}
