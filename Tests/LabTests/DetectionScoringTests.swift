import Foundation
import Testing
import Scenario
import Recording
@testable import Lab

/// The streaming detectors scored against the twin's own faults (`detection/scores`).
@Suite("Detector scoring in runs", .serialized)
struct DetectionScoringTests {
    /// Two rooms for three days with ideal sensors (no sensor faults); `faults` is appended.
    static func text(faults: String) -> String {
        """
        schema: twinlab/scenario@1
        id: detect
        seed: 11
        horizon_hours: 72
        recording: {interval_minutes: 60}
        detection: {sample_minutes: 5, warm_up_samples: 96}
        facility:
          start_day_of_year: 180
          weather: {latitude_deg: 35, annual_mean_temperature_c: 18, seasonal_amplitude_c: 10, daily_amplitude_c: 7}
          rooms:
            - {id: a, floor_area_m2: 60, canopy_area_m2: 50, sensors: ideal, crop: {kind: cannabis, start_stage: flowering, start_day: 20}}
            - {id: b, floor_area_m2: 60, canopy_area_m2: 50, sensors: ideal, crop: {kind: cannabis, start_stage: flowering, start_day: 20}}
        \(faults)
        """
    }

    static func scores(_ text: String) throws -> (rows: [[String: Double]], types: [String], detectors: [String],
                                                  kpis: [String: Double]) {
        let dir = NSTemporaryDirectory() + "twinlab-detect-\(UUID().uuidString)"
        let summary = try RunPipeline.execute(RunRequest(scenario: try ScenarioLoader.parse(text, file: "detect.yaml"),
                                                         outputDirectory: dir))
        let file = try HDF5File.open(at: summary.outputPath)
        let table = try file.readTable("detection/scores")
        let dataset = try file.openDataset("detection/scores")
        let rows = (0..<table.rowCount).map { r in
            Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($1, table[r, $0]) })
        }
        return (rows, try dataset.stringArrayAttribute("fault_types"), try dataset.stringArrayAttribute("detectors"),
                Dictionary(uniqueKeysWithValues: summary.kpis.map { ($0.name, $0.value) }))
    }

    @Test("a cooling failure of known onset is caught: recall > 0 and a measured delay")
    func faultIsDetected() throws {
        let result = try Self.scores(Self.text(faults: """
              faults:
                - {room: a, device: cooling, start_hours: 30, duration_hours: 12}
            """))
        #expect(result.types == ["device_cooling", "all"])
        #expect(result.detectors == DetectionSpec.detectorNames)
        let cooling = result.rows.filter { result.types[Int($0["fault_type"]!)] == "device_cooling" }
        #expect(cooling.count == 4)
        // 12 h at 5 min, both ends included, less at most 2 h of settling after each of at most
        // two light switches.
        #expect(cooling.allSatisfy { $0["episodes"] == 1 && $0["anomalous"]! <= 12 * 12 + 1
            && $0["anomalous"]! >= 12 * 12 + 1 - 2 * 24 })
        let caught = cooling.filter { $0["recall"]! > 0 }
        #expect(!caught.isEmpty)
        for row in caught where row["detected"] == 1 {
            #expect(row["mean_delay"]! >= 0 && row["mean_delay"]! <= 12)
        }
        #expect(caught.contains { $0["detected"] == 1 && $0["mean_delay"]!.isFinite })
    }

    @Test("without faults there are no true positives, and the false-alarm rate is reported")
    func noFaultNoTruePositive() throws {
        let result = try Self.scores(Self.text(faults: ""))
        #expect(result.types == ["all"])
        #expect(result.rows.count == 4)
        for row in result.rows {
            #expect(row["true_positives"] == 0 && row["anomalous"] == 0)
            #expect(row["roc_auc"]!.isNaN)
            #expect(row["false_alarms_per_day"]!.isFinite && row["false_alarms_per_day"]! >= 0)
        }
        for name in DetectionSpec.detectorNames {
            #expect(result.kpis["false_alarms_per_day_\(name)"] != nil)
            #expect(result.kpis["detection_delay_\(name)"] == nil)
        }
    }
}
