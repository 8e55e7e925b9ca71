import Foundation
import Testing
import Scenario
import Recording
@testable import Lab

/// A facility whose cannabis harvests feed the processing plant in one simulation: mass
/// balance, conservation, traceability, determinism, and a facility unchanged by its plant.
@Suite("Harvest feed", .serialized)
struct HarvestFeedTests {
    /// Two short-flowering rooms (harvests on days 2, 6, 10, 14, 18) and a lettuce room, for 20 days.
    static func text(plant: Bool = true) -> String {
        """
        schema: twinlab/scenario@1
        id: fed-plant
        seed: 11
        horizon_hours: 480
        recording: {interval_minutes: 60}
        facility:
          control_period_seconds: 300
          start_day_of_year: 120
          rooms:
            - {id: flower-a, floor_area_m2: 30, canopy_area_m2: 25,
               crop: {kind: cannabis, start_stage: flowering, start_day: 6, flowering_days: 8}}
            - {id: flower-b, floor_area_m2: 30, canopy_area_m2: 25,
               crop: {kind: cannabis, start_stage: flowering, start_day: 2, flowering_days: 8}}
            - {id: greens, floor_area_m2: 20, canopy_area_m2: 40, crop: {kind: lettuce, growing_days: 6}}
        """ + (plant ? """

        processing:
          arrivals: {harvest_moisture_pct: 76}
          drying: {min_days: 1, max_days: 2}
          curing: {days: 1}
          shifts: {days: [mon, tue, wed, thu, fri, sat, sun]}
        """ : "")
    }

    static func run(seed: UInt64? = nil) throws -> RunSummary {
        let dir = NSTemporaryDirectory() + "twinlab-fed-\(UUID().uuidString)"
        return try RunPipeline.execute(RunRequest(scenario: try ScenarioLoader.parse(text(), file: "fed-plant.yaml"),
                                                  seed: seed, outputDirectory: dir, catalogPath: nil))
    }

    /// (time, room, grams) of every harvest event in the run file.
    static func harvests(_ file: HDF5File) throws -> [(time: Double, room: Int, grams: Double)] {
        let events = try file.readTable("events")
        let kinds = try file.openDataset("events").stringArrayAttribute("kinds")
        return (0..<events.rowCount).filter { kinds[Int(events[$0, 2])] == "harvest" }
            .map { (events[$0, 0], Int(events[$0, 1]), events[$0, 3]) }
    }

    @Test("every cannabis harvest gram arrives as a batch; lettuce does not")
    func massBalance() throws {
        let summary = try Self.run()
        let file = try HDF5File.open(at: summary.outputPath)
        let rooms = try file.openDataset("events").stringArrayAttribute("rooms")
        let all = try Self.harvests(file)
        let cannabis = all.filter { rooms[$0.room] != "greens" }
        #expect(cannabis.count >= 4)
        #expect(all.contains { rooms[$0.room] == "greens" })
        let batches = try file.readTable("processing/batches")
        #expect(batches.rowCount == cannabis.count)
        let harvestedKg = cannabis.reduce(0) { $0 + $1.grams } / 1000
        let fedKg = try #require(batches.column("dry_matter_kg")).reduce(0, +)
        #expect(abs(fedKg - harvestedKg) <= 1e-9 * harvestedKg)
        #expect(summary.kpis.first { $0.name == "processing_dry_matter_fed" }.map { abs($0.value - harvestedKg) < 1e-9 } == true)
        // Wet weight carries the documented harvest moisture: 76 % w.b. is 76/24 kg water per kg dry.
        let wet = try #require(batches.column("wet_kg")), dry = try #require(batches.column("dry_matter_kg"))
        for (w, d) in zip(wet, dry) { #expect(abs(w - d * (1 + 76.0 / 24)) < 1e-9 * w) }
    }

    @Test("arrived = finished + in process, in the KPIs and the batch table")
    func conservation() throws {
        let summary = try Self.run()
        func kpi(_ name: String) -> Double { summary.kpis.first { $0.name == "processing_" + name }?.value ?? .nan }
        #expect(kpi("batches_arrived") == kpi("batches_finished") + kpi("batches_in_process"))
        #expect(kpi("batches_finished") > 0)
        let file = try HDF5File.open(at: summary.outputPath)
        let batches = try file.readTable("processing/batches")
        let stages = try file.openDataset("processing/batches").stringArrayAttribute("stages")
        let finished = try #require(batches.column("stage")).filter { stages[Int($0)] == "finished" }.count
        #expect(Double(finished) == kpi("batches_finished"))
        #expect(Double(batches.rowCount) == kpi("batches_arrived"))
        #expect(Set(summary.kpis.map(\.name)).count == summary.kpis.count)
    }

    @Test("each batch traces back to a room that harvested at the batch's harvest time")
    func traceability() throws {
        let summary = try Self.run()
        let file = try HDF5File.open(at: summary.outputPath)
        let batches = try file.readTable("processing/batches")
        let roomNames = try file.openDataset("processing/batches").stringArrayAttribute("rooms")
        #expect(roomNames == ["flower-a", "flower-b", "greens"])
        #expect(try file.openDataset("processing/batches").stringArrayAttribute("cultivars") == ["house"])
        let harvests = try Self.harvests(file)
        let source = try #require(batches.column("source_room")), time = try #require(batches.column("harvest_time"))
        let drying = try #require(batches.column("drying_start"))
        for row in 0..<batches.rowCount {
            let room = Int(source[row])
            #expect(roomNames.indices.contains(room) && roomNames[room] != "greens")
            #expect(harvests.contains { $0.room == room && $0.time == time[row] })
            #expect(drying[row].isNaN || drying[row] >= time[row])
        }
        let series = try file.readTable("timeseries/processing")
        #expect(series.columns == ["time"] + ProcessingSpec.channels)
        #expect(series.rowCount == 480)
    }

    @Test("same seed: identical bytes; another seed: another fingerprint")
    func determinism() throws {
        let a = try Self.run(), b = try Self.run(), c = try Self.run(seed: 12)
        #expect(a.fingerprint == b.fingerprint)
        #expect(FileManager.default.contents(atPath: a.outputPath) == FileManager.default.contents(atPath: b.outputPath))
        #expect(a.fingerprint != c.fingerprint)
    }

    @Test("the plant only observes: the facility's own KPIs are those of the facility alone")
    func facilityUnchanged() throws {
        let fed = try RunPipeline.simulate(try ScenarioLoader.parse(Self.text(), file: "fed.yaml")).kpis
        let alone = try RunPipeline.simulate(try ScenarioLoader.parse(Self.text(plant: false), file: "alone.yaml")).kpis
        #expect(fed.filter { !$0.name.hasPrefix(HarvestFeed.kpiPrefix) } == alone)
        #expect(fed.count > alone.count)
    }
}
