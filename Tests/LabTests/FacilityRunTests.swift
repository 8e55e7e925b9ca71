import Foundation
import Testing
import TestSupport
import Scenario
import Recording
import Catalog
@testable import Lab

/// The facility twin from scenario to HDF5 and back: layout, determinism, faults and their
/// consequences, ground-truth labels, and Python interoperability.
@Suite("Facility runs", .serialized)
struct FacilityRunTests {
    /// Two rooms for three days in early summer; flower-a loses its cooling on day 2.
    static let text = """
        schema: twinlab/scenario@1
        id: two-rooms
        seed: 5
        horizon_hours: 72
        recording: {interval_minutes: 10}
        facility:
          start_day_of_year: 180
          weather: {latitude_deg: 35, annual_mean_temperature_c: 18, seasonal_amplitude_c: 10, daily_amplitude_c: 7}
          tariff: {kind: flat, price_per_kwh: 0.2, demand_charge_per_kw: 10}
          rooms:
            - {id: flower-a, floor_area_m2: 60, canopy_area_m2: 50, crop: {kind: cannabis, start_stage: flowering, start_day: 20}}
            - {id: flower-b, floor_area_m2: 60, canopy_area_m2: 50, crop: {kind: cannabis, start_stage: flowering, start_day: 20}}
          faults:
            - {room: flower-a, device: cooling, start_hours: 30, duration_hours: 12}
        """

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "twinlab-facility-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func run(seed: UInt64? = nil, catalog: Bool = false) throws -> RunSummary {
        let dir = try temporaryDirectory()
        return try RunPipeline.execute(RunRequest(scenario: try ScenarioLoader.parse(text, file: "two-rooms.yaml"),
                                                  seed: seed, outputDirectory: dir,
                                                  catalogPath: catalog ? dir + "/catalog.sqlite" : nil))
    }

    @Test("the run file holds every room's channels with units, the facility series, events, labels and KPIs")
    func layout() throws {
        let summary = try Self.run(catalog: true)
        let file = try HDF5File.open(at: summary.outputPath)
        #expect(try file.stringAttribute("status") == "complete")
        for room in ["flower-a", "flower-b"] {
            let table = try file.readTable("timeseries/rooms/\(room)")
            #expect(table.columns == ["time"] + FacilitySpec.roomChannels)
            #expect(table.rowCount == 72 * 6)
            #expect(table.units[table.columns.firstIndex(of: "air_temperature")!] == "degC")
            #expect(table.units[table.columns.firstIndex(of: "total_power")!] == "kW")
        }
        let facility = try file.readTable("timeseries/facility")
        #expect(facility.columns == FacilityWorld.facilityColumns.map(\.name))
        let events = try file.readTable("events")
        let kinds = try file.openDataset("events").stringArrayAttribute("kinds")
        let lightsOn = (0..<events.rowCount).filter { kinds[Int(events[$0, 2])] == "lights_on" }
        #expect(lightsOn.count == 2 * 3)   // two rooms, lights on at 06:00 on each of the three days
        let faults = try file.readTable("labels/device_faults")
        #expect(faults.rowCount == 1)
        #expect(faults[0, 2] == 30 && faults[0, 3] == 42 && faults[0, 4] == 0)
        #expect(try file.openDataset("labels/device_faults").stringArrayAttribute("devices")[Int(faults[0, 1])] == "cooling")
        #expect(try file.openGroup("labels").contains("sensor_faults"))
        let record = try #require(try RunCatalog(path: (summary.outputPath as NSString).deletingLastPathComponent
                                                    + "/catalog.sqlite").run(id: summary.runID))
        #expect(record.status == .complete && record.kpis.map(\.name) == summary.kpis.map(\.name))
    }

    @Test("same seed: identical fingerprint and bytes; another seed: other sensor noise, another fingerprint")
    func determinism() throws {
        let a = try Self.run(), b = try Self.run(), c = try Self.run(seed: 6)
        #expect(a.fingerprint == b.fingerprint)
        #expect(FileManager.default.contents(atPath: a.outputPath) == FileManager.default.contents(atPath: b.outputPath))
        #expect(a.fingerprint != c.fingerprint)
    }

    @Test("a cooling failure heats its room while the healthy twin room holds its setpoint")
    func coolingFailureHasConsequences() throws {
        let file = try HDF5File.open(at: try Self.run().outputPath)
        func maxTemperature(_ room: String, from: Double, to: Double) throws -> Double {
            let table = try file.readTable("timeseries/rooms/\(room)")
            let t = table.column("time")!, air = table.column("air_temperature")!, lights = table.column("lights_on")!
            return zip(zip(t, air), lights).filter { $0.0.0 >= from && $0.0.0 < to && $0.1 == 1 }.map(\.0.1).max() ?? 0
        }
        let failed = try maxTemperature("flower-a", from: 30, to: 42)
        let healthy = try maxTemperature("flower-b", from: 30, to: 42)
        #expect(healthy < 27)
        #expect(failed > healthy + 4, "failed room peaked at \(failed) °C, healthy at \(healthy) °C")
        // The high-temperature interlock switched the failed room's lights off at least once.
        let events = try file.readTable("events")
        let kinds = try file.openDataset("events").stringArrayAttribute("kinds")
        #expect((0..<events.rowCount).contains { kinds[Int(events[$0, 2])] == "interlock" && events[$0, 1] == 0 }
                || failed < 35)
    }

    @Test("the baseline controller holds a healthy room near its day setpoint with lights on")
    func closedLoop() throws {
        let table = try HDF5File.open(at: try Self.run().outputPath).readTable("timeseries/rooms/flower-b")
        let t = table.column("time")!, air = table.column("air_temperature")!, lights = table.column("lights_on")!
        let lit = (0..<table.rowCount).filter { t[$0] > 12 && lights[$0] == 1 }.map { air[$0] }
        let mean = lit.reduce(0, +) / Double(lit.count)
        #expect(abs(mean - 25) < 1, "mean lit air temperature \(mean) °C against the 25 °C setpoint")
        let co2 = table.column("co2")!
        let litCO2 = (0..<table.rowCount).filter { t[$0] > 12 && lights[$0] == 1 }.map { co2[$0] }
        #expect(litCO2.reduce(0, +) / Double(litCO2.count) > 900)
    }

    @Test("in-memory runs give the recorded run's KPIs")
    func inMemoryMatchesRecorded() throws {
        let scenario = try ScenarioLoader.parse(Self.text, file: "two-rooms.yaml")
        let memory = try RunPipeline.simulate(scenario)
        let recorded = try Self.run()
        // time_ratio is wall clock, added to recorded runs only.
        #expect(memory.kpis == recorded.kpis.filter { $0.name != "time_ratio" })
    }

    @Test("every channel a scenario may name has a reader in the runner")
    func channelsAgree() {
        #expect(RoomChannel.allCases.map(\.rawValue) == FacilitySpec.roomChannels)
    }

    @Test("pandas reads a room's time series with the README's lines")
    func pythonReadsIt() throws {
        let summary = try Self.run()
        let script = """
            import sys, h5py, pandas as pd
            with h5py.File(sys.argv[1], "r") as f:
                ds = f["timeseries/rooms/flower-b"]
                room = pd.DataFrame(ds[...], columns=ds.attrs["columns"])
            print(len(room), "%.6f" % room["air_temperature"].iloc[-1])
            """
        let result = try PythonInterpreter.script(script, [summary.outputPath])
        #expect(result.status == 0, "python with h5py and pandas failed: \(result.stderr)")
        let output = result.stdout
        let table = try HDF5File.open(at: summary.outputPath).readTable("timeseries/rooms/flower-b")
        let last = table.column("air_temperature")!.last!
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "\(table.rowCount) \(String(format: "%.6f", last))")
    }

    @Test("an empty CO₂ tank stops dosing: the room never gets more CO₂ than the tank held")
    func co2TankRunsDry() throws {
        let text = Self.text.replacingOccurrences(of: "  tariff: {kind: flat", with: "  co2_tank_kg: 0.5\n  tariff: {kind: flat")
        let scenario = try ScenarioLoader.parse(text, file: "small-tank.yaml")
        let k = Dictionary(uniqueKeysWithValues: try RunPipeline.simulate(scenario).kpis.map { ($0.name, $0.value) })
        #expect(abs(k["co2_injected"]! - 0.5) < 1e-9)
    }

    @Test("per-device energy accounts add up to the facility total")
    func energyAccounts() throws {
        let summary = try Self.run()
        let table = try HDF5File.open(at: summary.outputPath).readTable("energy/devices")
        let total = table.column("energy")!.reduce(0, +)
        let kpi = try #require(summary.kpis.first { $0.name == "energy_total" }).value
        #expect(abs(total - kpi) < 1e-9 * kpi)
        #expect(table.rowCount == 2 * 8)
    }
}

extension FacilityRunTests {
    @Test("weather from a CSV file and real-time prices from a price file drive the run")
    func fileWeatherAndRealTimePrices() throws {
        let dir = try Self.temporaryDirectory()
        // A constant 31 °C outside, and prices that double after hour 12.
        var weather = "hour,temperature_c,relative_humidity_pct,global_radiation_w_m2\n"
        for hour in 0...48 { weather += "\(hour),31,40,0\n" }
        try weather.write(toFile: dir + "/hot.csv", atomically: true, encoding: .utf8)
        var prices = "hour,price_per_kwh\n"
        for hour in 0..<24 { prices += "\(hour),\(hour < 12 ? 0.1 : 0.2)\n" }
        try prices.write(toFile: dir + "/prices.csv", atomically: true, encoding: .utf8)
        let text = """
            schema: twinlab/scenario@1
            id: file-driven
            horizon_hours: 24
            recording: {interval_minutes: 60}
            facility:
              weather: {file: hot.csv}
              tariff: {kind: real_time, prices_file: prices.csv}
              rooms:
                - {id: r, floor_area_m2: 50, canopy_area_m2: 40, sensors: ideal}
            """
        try text.write(toFile: dir + "/file-driven.yaml", atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: dir + "/file-driven.yaml")
        let summary = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: dir, catalogPath: nil))
        let file = try HDF5File.open(at: summary.outputPath)
        let facility = try file.readTable("timeseries/facility")
        #expect(facility.column("outdoor_temperature")!.allSatisfy { $0 == 31 })
        let price = facility.column("electricity_price")!
        #expect(price[0] == 0.1 && price[13] == 0.2)
        let kpis = Dictionary(uniqueKeysWithValues: summary.kpis.map { ($0.name, $0.value) })
        // Cost lies strictly between all energy at the low and all at the high price.
        let energy = kpis["energy_total"]!, cost = kpis["energy_cost"]!
        #expect(cost > 0.1 * energy && cost < 0.2 * energy)
    }
}

extension FacilityRunTests {
    @Test("rules raise alerts in the failed room, act as interlocks, and land in alerts/rooms and the event log")
    func rulesRaiseAlerts() throws {
        let text = Self.text + """

              rules:
                - {id: hot-room, signal: air_temperature, above: 28, severity: CRITICAL, raise_after_s: 300,
                   action: {interlock: lights, value: off}}
            """
        let dir = try Self.temporaryDirectory()
        let summary = try RunPipeline.execute(RunRequest(scenario: try ScenarioLoader.parse(text, file: "rules.yaml"),
                                                         outputDirectory: dir, catalogPath: nil))
        let file = try HDF5File.open(at: summary.outputPath)
        let alerts = try file.readTable("alerts/rooms")
        let rules = try file.openDataset("alerts/rooms").stringArrayAttribute("rules")
        let hot = try #require(rules.firstIndex(of: "hot-room"))
        let hotAlerts = (0..<alerts.rowCount).filter { alerts[$0, 1] == Double(hot) }
        #expect(!hotAlerts.isEmpty)
        // Only the room whose cooling failed, and only during the fault (hours 30–42, plus the pull-down).
        #expect(hotAlerts.allSatisfy { alerts[$0, 0] == 0 && alerts[$0, 3] >= 30 && alerts[$0, 3] < 44 })
        #expect(hotAlerts.allSatisfy { alerts[$0, 2] == 2 })   // CRITICAL
        let events = try file.readTable("events")
        let kinds = try file.openDataset("events").stringArrayAttribute("kinds")
        #expect((0..<events.rowCount).contains { kinds[Int(events[$0, 2])] == "alert_raised" && events[$0, 3] == Double(hot) })
        // The rule's interlock held the failed room's lamps off for part of its photoperiod.
        func litSamples(_ room: String) throws -> Int {
            let table = try file.readTable("timeseries/rooms/\(room)")
            let t = table.column("time")!, lights = table.column("lights_on")!
            return (0..<table.rowCount).filter { t[$0] >= 30 && t[$0] < 42 && lights[$0] == 1 }.count
        }
        #expect(try litSamples("flower-a") < litSamples("flower-b"))
        let critical = try #require(summary.kpis.first { $0.name == "critical_alerts" }).value
        #expect(critical >= 1)
    }
}

extension FacilityRunTests {
    @Test("a malformed price file fails loading with file:line and leaves the earlier result untouched")
    func badPriceFileKeepsEarlierResult() throws {
        let dir = try Self.temporaryDirectory()
        let text = """
            schema: twinlab/scenario@1
            id: priced
            horizon_hours: 6
            facility:
              tariff: {kind: real_time, prices_file: prices.csv}
              rooms: [{id: r, floor_area_m2: 20, canopy_area_m2: 10}]
            """
        try text.write(toFile: dir + "/priced.yaml", atomically: true, encoding: .utf8)
        try "hour,price_per_kwh\n0,0.1\n1,0.2\n".write(toFile: dir + "/prices.csv", atomically: true, encoding: .utf8)
        let good = try RunPipeline.execute(RunRequest(scenario: try ScenarioLoader.load(path: dir + "/priced.yaml"),
                                                      outputDirectory: dir, catalogPath: nil))
        let before = FileManager.default.contents(atPath: good.outputPath)
        try "hour,price_per_kwh\n0,0.1\n1,cheap\n".write(toFile: dir + "/prices.csv", atomically: true, encoding: .utf8)
        // The loader reads the price file as the run does, so `validate` and `run` refuse it alike.
        let error = #expect(throws: ScenarioError.self) {
            try RunPipeline.execute(RunRequest(scenario: try ScenarioLoader.load(path: dir + "/priced.yaml"),
                                               outputDirectory: dir, catalogPath: nil))
        }
        #expect(error.map { String(describing: $0) }?.contains("prices.csv:3") == true)
        #expect(FileManager.default.contents(atPath: good.outputPath) == before)
    }
}
