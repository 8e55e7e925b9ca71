import Foundation
import Testing
import Scenario
import Recording
@testable import Lab

/// Machines behind grow-room devices: a failed compressor heats its room, a failed pump dries
/// the root zone and slows the crop, repairs restore the device, and runs stay deterministic.
@Suite("Room machines", .serialized)
struct RoomMachinesTests {
    /// One flowering room for `hours` in early summer; `machines` is spliced in.
    static func text(_ machines: String, hours: Int = 72) -> String {
        """
        schema: twinlab/scenario@1
        id: room-machines
        seed: 21
        horizon_hours: \(hours)
        recording: {interval_minutes: 10}
        facility:
          start_day_of_year: 180
          weather: {latitude_deg: 35, annual_mean_temperature_c: 18, seasonal_amplitude_c: 10, daily_amplitude_c: 7}
          rooms:
            - {id: flower-a, floor_area_m2: 60, canopy_area_m2: 50, crop: {kind: cannabis, start_stage: flowering, start_day: 20}}
        \(machines)
        """
    }

    /// A compressor on bearings at the end of their life: it fails within a few days of duty.
    static func dyingCompressor(repairHours: Double) -> String {
        """
          machines:
            - {id: comp, room: flower-a, serves: cooling, initial_bearing_wear: 0.99, bearing_wear_multiplier: 100,
               repair_time_hours: {kind: constant, value: \(repairHours)}}
        """
    }

    /// An irrigation pump watering a shallow substrate; `worn` makes it fail within hours.
    static func pump(worn: Bool) -> String {
        let wear = worn ? "initial_bearing_wear: 0.99, bearing_wear_multiplier: 100," : ""
        return """
          machines:
            - {id: pump, room: flower-a, serves: irrigation, \(wear) repair_time_hours: {kind: constant, value: 1000},
               irrigation: {total_available_water_mm: 6, depletion_fraction: 0.5, interval_hours: 1, event_minutes: 20}}
        """
    }

    static func run(_ text: String, seed: UInt64? = nil) throws -> (RunSummary, HDF5File) {
        let dir = NSTemporaryDirectory() + "twinlab-room-machines-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let summary = try RunPipeline.execute(RunRequest(
            scenario: try ScenarioLoader.parse(text, file: "room-machines.yaml"), seed: seed, outputDirectory: dir))
        return (summary, try HDF5File.open(at: summary.outputPath))
    }

    static func kpi(_ summary: RunSummary, _ name: String) -> Double? { summary.kpis.first { $0.name == name }?.value }

    /// Times of the events of `kind`, h.
    static func eventTimes(_ file: HDF5File, _ kind: String) throws -> [Double] {
        let events = try file.readTable("events")
        let kinds = try file.openDataset("events").stringArrayAttribute("kinds")
        return (0..<events.rowCount).filter { kinds[Int(events[$0, 2])] == kind }.map { events[$0, 0] }
    }

    @Test("a compressor failure heats the room beyond the same run without machines (paired seed)")
    func compressorFailureHeatsRoom() throws {
        let (failedRun, failedFile) = try Self.run(Self.text(Self.dyingCompressor(repairHours: 1000), hours: 192))
        let (_, twinFile) = try Self.run(Self.text("", hours: 192))
        let failure = try #require(try Self.eventTimes(failedFile, "machine_failure").first)
        #expect(failure < 168)
        #expect(Self.kpi(failedRun, "machine_failures") == 1)
        let downtime = try #require(Self.kpi(failedRun, "machine_downtime_hours"))
        #expect(abs(downtime - (192 - failure)) < 1e-6)
        func maxAir(_ file: HDF5File) throws -> Double {
            let table = try file.readTable("timeseries/rooms/flower-a")
            let t = table.column("time")!, air = table.column("air_temperature")!
            return (0..<table.rowCount).filter { t[$0] > failure }.map { air[$0] }.max() ?? 0
        }
        let hot = try maxAir(failedFile), healthy = try maxAir(twinFile)
        #expect(hot > healthy + 3, "failed: \(hot) °C, twin: \(healthy) °C")
        let labels = try failedFile.readTable("labels/machine_faults")
        #expect(labels.columns == ["machine", "mode", "onset", "failure", "end", "outcome"])
        #expect((0..<labels.rowCount).contains { abs(labels[$0, 3] - failure) < 1e-6 && labels[$0, 5] == 0 })
        let series = try failedFile.readTable("timeseries/machines/comp")
        #expect(series.columns.contains("health") && series.columns.contains("rul") && series.columns.contains("vibration"))
    }

    @Test("repair ends the downtime: the device runs again and the room cools back")
    func repairRestoresAvailability() throws {
        let (summary, file) = try Self.run(Self.text(Self.dyingCompressor(repairHours: 6), hours: 192))
        let failure = try #require(try Self.eventTimes(file, "machine_failure").first)
        let repaired = try #require(try Self.eventTimes(file, "machine_repaired").first)
        #expect(abs(repaired - failure - 6) < 1e-6)
        #expect(Self.kpi(summary, "machine_repairs")! >= 1)
        let machine = try file.readTable("timeseries/machines/comp")
        let t = machine.column("time")!, available = machine.column("available")!
        #expect((0..<machine.rowCount).contains { t[$0] > failure + 0.2 && t[$0] < repaired - 0.2 && available[$0] == 0 })
        #expect((0..<machine.rowCount).allSatisfy { !(t[$0] > repaired + 0.2 && t[$0] < repaired + 2) || available[$0] == 1 })
        let room = try file.readTable("timeseries/rooms/flower-a")
        let rt = room.column("time")!, cooling = room.column("cooling_power")!
        let during = (0..<room.rowCount).filter { rt[$0] > failure + 0.2 && rt[$0] < repaired - 0.2 }.map { cooling[$0] }
        let after = (0..<room.rowCount).filter { rt[$0] > repaired && rt[$0] < repaired + 3 }.map { cooling[$0] }
        // Down, only the evaporator fan draws (a constant); repaired, the compressor runs again.
        let fanOnly = try #require(during.max())
        #expect(during.allSatisfy { abs($0 - fanOnly) < 1e-9 })
        #expect(after.contains { $0 > fanOnly + 1 }, "fan only \(fanOnly) kW, after repair up to \(after.max() ?? 0) kW")
    }

    @Test("a failed pump dries the root zone; Ks < 1 slows the crop against a working pump")
    func failedPumpStressesCrop() throws {
        let (failed, failedFile) = try Self.run(Self.text(Self.pump(worn: true)))
        let (working, workingFile) = try Self.run(Self.text(Self.pump(worn: false)))
        let (plain, _) = try Self.run(Self.text(""))
        #expect(Self.kpi(failed, "machine_failures") == 1)
        let pump = try failedFile.readTable("timeseries/machines/pump")
        let depletion = pump.column("root_zone_depletion")!, ks = pump.column("water_stress")!
        #expect(depletion.max()! > 3 && ks.min()! < 1)
        #expect(Self.kpi(failed, "water_stress_hours")! > 0)
        #expect(Self.kpi(failed, "yield_lost_to_water_stress_cannabis")! > 0)
        // Stomata close: the dry room transpires less than the watered one at the same times.
        let dryRoom = try failedFile.readTable("timeseries/rooms/flower-a").column("transpiration")!
        let wetRoom = try workingFile.readTable("timeseries/rooms/flower-a").column("transpiration")!
        let pumpTime = pump.column("time")!
        let roomTime = try failedFile.readTable("timeseries/rooms/flower-a").column("time")!
        let dryTimes = Set(pumpTime.indices.filter { ks[$0] < 0.8 }.map { pumpTime[$0] })
        let rows = roomTime.indices.filter { dryTimes.contains(roomTime[$0]) && wetRoom[$0] > 0.1 }
        #expect(!rows.isEmpty && rows.allSatisfy { dryRoom[$0] < wetRoom[$0] })
        let stressed = Self.kpi(failed, "standing_crop")!, watered = Self.kpi(working, "standing_crop")!
        #expect(stressed < watered, "standing crop \(stressed) g with a failed pump, \(watered) g watered")
        // A working pump changes nothing about the room: same crop, same climate, bit for bit.
        #expect(Self.kpi(working, "water_stress_hours") == 0)
        #expect(watered == Self.kpi(plain, "standing_crop"))
        let room = try workingFile.readTable("timeseries/rooms/flower-a")
        #expect(try workingFile.readTable("timeseries/machines/pump").column("water_stress")!.allSatisfy { $0 == 1 })
        #expect(room.column("air_temperature")!.count == 72 * 6)
    }

    @Test("one shared technician: the second failed machine waits for the first repair to end")
    func sharedTechnician() throws {
        let twoRooms = Self.text("""
              machine_technicians: 1
              machines:
                - {id: pump-a, room: flower-a, serves: irrigation, initial_bearing_wear: 0.99, bearing_wear_multiplier: 100,
                   repair_time_hours: {kind: constant, value: 100}, irrigation: {interval_hours: 0.5, event_minutes: 30}}
                - {id: pump-b, room: flower-b, serves: irrigation, initial_bearing_wear: 0.99, bearing_wear_multiplier: 100,
                   repair_time_hours: {kind: constant, value: 100}, irrigation: {interval_hours: 0.5, event_minutes: 30}}
            """, hours: 160).replacingOccurrences(
                of: "    - {id: flower-a,",
                with: "    - {id: flower-b, floor_area_m2: 60, canopy_area_m2: 50, crop: {kind: cannabis, start_stage: flowering}}\n"
                    + "    - {id: flower-a,")
        let (summary, file) = try Self.run(twoRooms)
        let failures = try Self.eventTimes(file, "machine_failure")
        let starts = try Self.eventTimes(file, "machine_repair_start")
        let ends = try Self.eventTimes(file, "machine_repaired")
        #expect(failures.count == 2 && starts.count == 2 && ends.count == 1)
        #expect(failures.max()! < 60)
        #expect(starts[0] == failures[0] && abs(starts[1] - (failures[0] + 100)) < 1e-6 && ends[0] == starts[1])
        // Downtime: the first machine 100 h; the second from its failure to the horizon.
        let expected = 100 + (160 - failures[1])
        #expect(abs(Self.kpi(summary, "machine_downtime_hours")! - expected) < 1e-6)
    }

    @Test("same seed: identical fingerprint and bytes; another seed: another fingerprint")
    func determinism() throws {
        let text = Self.text(Self.dyingCompressor(repairHours: 6), hours: 192)
        let (a, _) = try Self.run(text), (b, _) = try Self.run(text), (c, _) = try Self.run(text, seed: 22)
        #expect(a.fingerprint == b.fingerprint)
        #expect(FileManager.default.contents(atPath: a.outputPath) == FileManager.default.contents(atPath: b.outputPath))
        #expect(a.fingerprint != c.fingerprint)
    }

    @Test("the aging-HVAC scenario loads and names its question")
    func shippedScenario() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/flower-room-aging-hvac.yaml").path
        let scenario = try ScenarioLoader.load(path: path)
        guard case .facility(let facility) = scenario.model else { Issue.record("not a facility"); return }
        #expect(facility.machines.map(\.serves) == [.cooling, .dehumidifier, .fans, .irrigation])
        #expect(scenario.sourceText.hasPrefix("# What question does this answer?"))
    }
}
