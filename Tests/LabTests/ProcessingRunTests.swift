import Foundation
import Testing
import TwinModels
import Scenario
import Recording
@testable import Lab

/// The post-harvest plant end to end: nothing lost, every batch traceable, shifts and
/// breakdowns honoured, deterministic, readable back from HDF5, and the drift scenario
/// defeating the quality predictor.
@Suite("Processing runs", .serialized)
struct ProcessingRunTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A deliberately tight plant: batches every 6 h into 6 drying places, so queues stand at the end.
    static func text(trimming: String = "{machines: 1, throughput_kg_per_hour: 3}") -> String {
        """
        schema: twinlab/scenario@1
        id: tight-plant
        seed: 3
        horizon_hours: 1440
        recording: {interval_minutes: 120}
        processing:
          arrivals: {interval_hours: 6, cultivars: [{name: a, thc_pct_mean: 21}, {name: b, thc_pct_mean: 16}]}
          drying: {rooms: 2, batches_per_room: 3, min_days: 5, max_days: 10}
          curing: {capacity_batches: 8, days: 7}
          trimming: \(trimming)
          packaging: {lines: 1, throughput_kg_per_hour: 6}
          shifts: {start_hour: 8, end_hour: 16, days: [mon, tue, wed, thu, fri]}
          prediction: {training_days: 20, window_days: 10}
        """
    }

    static func plant(_ text: String = text()) throws -> ProcessingPlant {
        let scenario = try ScenarioLoader.parse(text, file: "tight-plant.yaml")
        guard case .processing(let spec) = scenario.model else { throw RunError(code: .simulation, message: "no plant") }
        let plant = try ProcessingPlant(spec: spec, seed: scenario.seed, horizonHours: scenario.horizonHours)
        try plant.run()
        return plant
    }

    @Test("conservation: every batch that entered is finished or still in a station or queue; no station slot leaks")
    func conservation() throws {
        let plant = try Self.plant()
        #expect(plant.records.count == 1440 / 6)
        #expect(plant.stageCounts.reduce(0, +) == plant.records.count)
        for stage in BatchStage.allCases {
            #expect(plant.stageCounts[stage.rawValue] == plant.records.filter { $0.stage == stage }.count)
        }
        let finished = plant.stageCounts[BatchStage.finished.rawValue]
        #expect(finished > 0 && finished < plant.records.count)
        #expect(plant.stageCounts[BatchStage.waitingDrying.rawValue] > 0)   // the tight plant has a queue at the end
        #expect(Int(plant.inPlant.level) == plant.records.count - finished)
        #expect(plant.dryingSlots.count + plant.stageCounts[BatchStage.drying.rawValue] == 6)
        #expect(plant.curingSlots.count + plant.stageCounts[BatchStage.curing.rawValue] == 8)
        #expect(plant.trimmerSlots.count + plant.stageCounts[BatchStage.trimming.rawValue] == 1)
        #expect(plant.packagingSlots.count + plant.stageCounts[BatchStage.packaging.rawValue] == 1)
        let kpis = Dictionary(uniqueKeysWithValues: plant.kpis().map { ($0.name, $0.value) })
        #expect(kpis["batches_arrived"] == kpis["batches_finished"]! + kpis["batches_in_process"]!)
    }

    @Test("traceability: every finished batch has all stages, stations, conditions and lab results, in time order")
    func traceability() throws {
        let plant = try Self.plant()
        for record in plant.records where record.stage == .finished {
            var previous = record.harvestHours
            for step in BatchRecord.Step.allCases.map(\.rawValue) {
                #expect(record.start[step] >= previous && record.end[step] >= record.start[step])
                #expect(record.station[step].isFinite)
                previous = record.end[step]
            }
            #expect(record.dryingTemperature.isFinite && record.dryingHumidity.isFinite)
            #expect(record.curingTemperature.isFinite && record.curingHumidity.isFinite)
            #expect(record.measuredMoisturePercent.isFinite && record.measuredPotency.isFinite && record.grade != nil)
            #expect(record.labHours == record.end[3])
            #expect(Int(record.station[0]) < 2 && Int(record.station[2]) == 0)
        }
        // Batches still inside have the stages they reached and nothing after.
        for record in plant.records where record.stage == .waitingDrying {
            #expect(record.start.allSatisfy(\.isNaN) && record.grade == nil)
        }
    }

    @Test("moisture at the end of drying lies between the room's EMC and the harvest moisture")
    func dryingTowardEquilibrium() throws {
        let plant = try Self.plant()
        let emc = try MoistureIsotherm().equilibriumMoisture(temperature: 15.6, relativeHumidity: 60)
        for record in plant.records where record.stage == .finished {
            #expect(record.moistureAfterDryingPercent < 78)
            // Room-to-room humidity varies by a few % RH: allow the EMC of ±4 sd.
            #expect(record.moistureAfterDryingPercent > MoistureIsotherm.wetBasisPercent(dryBasis: emc) - 1.5)
        }
    }

    @Test("shifts are respected: trimming and packaging finish inside a shift and get their full work in shift hours")
    func shifts() throws {
        let plant = try Self.plant(Self.text(trimming: "{machines: 1, throughput_kg_per_hour: 3, time_to_failure_hours: {kind: constant, value: 1000000}}"))
        var checked = 0
        for record in plant.records where record.stage == .finished {
            let trim = record.massKg * 2 / 3, pack = record.massKg / 6
            #expect(plant.calendar.isWorking(atHours: record.end[2] - 1e-6))
            #expect(plant.calendar.isWorking(atHours: record.end[3] - 1e-6))
            #expect(plant.calendar.workingHours(from: record.start[2], to: record.end[2]) >= trim - 1e-5)
            #expect(plant.calendar.workingHours(from: record.start[3], to: record.end[3]) >= pack - 1e-5)
            // Without breakdowns the work takes exactly its shift hours.
            #expect(abs(plant.calendar.workingHours(from: record.start[2], to: record.end[2]) - trim) < 1e-4)
            #expect(abs(plant.calendar.workingHours(from: record.start[3], to: record.end[3]) - pack) < 1e-4)
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test("breakdowns delay trimming but never lose a batch")
    func breakdowns() throws {
        let never = try Self.plant(Self.text(trimming: "{machines: 1, throughput_kg_per_hour: 3, time_to_failure_hours: {kind: constant, value: 1000000}}"))
        let often = try Self.plant(Self.text(trimming: "{machines: 1, throughput_kg_per_hour: 3, time_to_failure_hours: {kind: exponential, mean: 2}, repair_time_hours: {kind: constant, value: 4}}"))
        #expect(never.machines[0].breakdowns.isEmpty)
        #expect(often.machines[0].breakdowns.count > 10)
        #expect(often.records.count == never.records.count)
        #expect(often.stageCounts.reduce(0, +) == often.records.count)
        func meanTrimming(_ plant: ProcessingPlant) -> Double {
            let done = plant.records.filter { $0.end[2].isFinite }
            return done.map { $0.end[2] - $0.start[2] }.reduce(0, +) / Double(done.count)
        }
        #expect(meanTrimming(often) > meanTrimming(never))
        #expect(often.records.contains { $0.breakdownsSeen > 0 })
        // No batch was trimmed while its machine was under repair: every repair ends before
        // or starts after each trimming stretch's end.
        for b in often.machines[0].breakdowns {
            #expect(!often.records.contains { $0.end[2] > b.start + 1e-6 && $0.end[2] < b.end - 1e-6 })
        }
    }

    static func run(_ text: String = text(), seed: UInt64? = nil) throws -> RunSummary {
        let dir = NSTemporaryDirectory() + "twinlab-processing-\(UUID().uuidString)"
        return try RunPipeline.execute(RunRequest(scenario: try ScenarioLoader.parse(text, file: "tight-plant.yaml"),
                                                  seed: seed, outputDirectory: dir, catalogPath: nil))
    }

    @Test("same seed: identical fingerprint and bytes; another seed: another fingerprint")
    func determinism() throws {
        let a = try Self.run(), b = try Self.run(), c = try Self.run(seed: 4)
        #expect(a.fingerprint == b.fingerprint)
        #expect(FileManager.default.contents(atPath: a.outputPath) == FileManager.default.contents(atPath: b.outputPath))
        #expect(a.fingerprint != c.fingerprint)
    }

    @Test("the run file reads back: batches, prediction data, breakdown labels and the plant time series")
    func readBack() throws {
        let summary = try Self.run()
        let file = try HDF5File.open(at: summary.outputPath)
        let batches = try file.readTable("processing/batches")
        #expect(batches.columns == ProcessingPlant.batchColumns.map(\.name))
        #expect(batches.rowCount == 240)
        let stages = try file.openDataset("processing/batches").stringArrayAttribute("stages")
        let stage = try #require(batches.column("stage"))
        let finished = stage.filter { stages[Int($0)] == "finished" }.count
        #expect(Double(finished) == summary.kpis.first { $0.name == "batches_finished" }?.value)
        #expect(try file.openDataset("processing/batches").stringArrayAttribute("cultivars") == ["a", "b"])
        let prediction = try file.readTable("processing/prediction")
        #expect(prediction.rowCount == finished)
        #expect(prediction.columns.contains("drying_relative_humidity_pct") && prediction.columns.contains("grade"))
        let series = try file.readTable("timeseries/processing")
        #expect(series.columns == ["time"] + ProcessingSpec.channels)
        #expect(series.rowCount == 1440 / 2)
        let inPlant = try #require(series.column("batches_in_plant"))
        #expect(inPlant.allSatisfy { $0 >= 0 } && inPlant.max()! > 6)
        _ = try file.readTable("labels/trimmer_breakdowns")
    }

    static func kpis(_ name: String) throws -> [String: Double] {
        let scenario = try ScenarioLoader.load(path: repository.appendingPathComponent("scenarios/\(name).yaml").path)
        return Dictionary(uniqueKeysWithValues: try RunPipeline.simulate(scenario).kpis.map { ($0.name, $0.value) })
    }

    @Test("drift: drying-room RH creeping up makes the predictor's rolling 30-day accuracy fall by more than 10 %")
    func drift() throws {
        let normal = try Self.kpis("processing-plant"), drifting = try Self.kpis("processing-drift")
        #expect(drifting["predictor_accuracy_drop"]! > 0.10)
        #expect(drifting["predictor_retrain_day"]! > 90)
        #expect(normal["predictor_accuracy_drop"]! < 0.10)
        #expect(normal["predictor_retrain_day"] == -1)
        #expect(drifting["mould_rate"]! > 2 * normal["mould_rate"]!)
        #expect(drifting["predictor_accuracy_initial"] == normal["predictor_accuracy_initial"])
    }
}
