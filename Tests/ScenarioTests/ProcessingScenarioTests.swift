import Foundation
import Testing
import Scenario

/// The `processing` section: shipped scenarios load, defaults fill what is left out, and
/// mistakes are reported with their field and line.
@Suite("Processing scenarios")
struct ProcessingScenarioTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("every shipped processing scenario loads", arguments: ["processing-plant", "processing-drift"])
    func shippedScenariosLoad(_ name: String) throws {
        let scenario = try ScenarioLoader.load(path: Self.repository.appendingPathComponent("scenarios/\(name).yaml").path)
        guard case .processing(let plant) = scenario.model else { Issue.record("not a processing plant"); return }
        #expect(plant.arrivals.cultivars.count == 3)
        #expect(plant.shifts.days == [0, 1, 2, 3, 4])
        #expect(scenario.sourceText.hasPrefix("# What question does this answer?"))
        #expect(scenario.model.channels == ProcessingSpec.channels)
    }

    @Test("an empty processing section takes every default")
    func defaults() throws {
        let scenario = try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: plant
            horizon_hours: 240
            processing: {}
            """, file: "plant.yaml")
        guard case .processing(let plant) = scenario.model else { Issue.record("not a processing plant"); return }
        #expect(plant.arrivals.intervalHours == 12 && plant.arrivals.timesHours == nil)
        #expect(plant.arrivals.cultivars.map(\.name) == ["house"])
        #expect(plant.drying.rooms == 4 && plant.drying.temperature == 15.6 && plant.drying.relativeHumidity == 60)
        #expect(plant.drying.drift == .none)
        #expect(plant.trimming.timeToFailure == .exponential(mean: 60))
        #expect(plant.shifts.startHour == 6 && plant.shifts.endHour == 22 && plant.shifts.days == [0, 1, 2, 3, 4])
        #expect(plant.prediction.trainingDays == 60 && plant.prediction.windowDays == 30)
    }

    @Test("arrival lists, drift and shifts are read")
    func explicitValues() throws {
        let scenario = try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: plant
            horizon_hours: 240
            recording: {channels: [drying, rolling_accuracy]}
            processing:
              arrivals: {times_hours: [0, 5, 30], cultivars: [{name: a, share: 2}, {name: b}]}
              drying: {drift: {start_day: 3, relative_humidity_pct_per_day: 0.5}}
              shifts: {start_hour: 7, end_hour: 15, days: [sat, sun], start_weekday: wed}
            """, file: "plant.yaml")
        guard case .processing(let plant) = scenario.model else { Issue.record("not a processing plant"); return }
        #expect(plant.arrivals.timesHours == [0, 5, 30])
        #expect(plant.arrivals.cultivars.map(\.share) == [2, 1])
        #expect(plant.drying.drift.startDay == 3 && plant.drying.drift.humidityPerDay == 0.5)
        #expect(plant.shifts.days == [5, 6] && plant.shifts.startWeekday == 2)
        #expect(scenario.recordedChannels == ["drying", "rolling_accuracy"])
    }

    @Test("mistakes are reported together with field and line")
    func mistakes() throws {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse("""
                schema: twinlab/scenario@1
                id: plant
                horizon_hours: 240
                processing:
                  arrivals: {times_hours: [10, 5], cultivars: [{name: a}, {name: a}]}
                  drying: {min_days: 9, max_days: 8, rooms: 0}
                  trimming: {machine: 2}
                  shifts: {start_hour: 22, end_hour: 6, days: [tues]}
                """, file: "plant.yaml")
        }
        let issues = error?.issues ?? []
        func issue(_ field: String) -> ScenarioIssue? { issues.first { $0.field == field } }
        #expect(issue("processing.arrivals.times_hours")?.expected.contains("ascending") == true)
        #expect(issue("processing.arrivals.cultivars[1].name") != nil)
        #expect(issue("processing.drying.max_days")?.line == 6)
        #expect(issue("processing.drying.rooms") != nil)
        #expect(issue("processing.trimming.machine")?.expected.contains("did you mean 'machines'") == true)
        #expect(issue("processing.shifts.end_hour") != nil)
        #expect(issue("processing.shifts.days")?.expected.contains("did you mean 'tue'") == true)
    }

    @Test("a processing section next to another model section is refused")
    func oneModel() throws {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse("""
                schema: twinlab/scenario@1
                id: both
                horizon_hours: 24
                machine_shop: {machines: 2, technicians: 1}
                processing: {}
                """, file: "both.yaml")
        }
        #expect(error?.issues.contains { $0.expected.contains("one model section") } == true)
    }

    @Test("the JSON Schema describes the processing section")
    func schema() {
        let schema = ScenarioLoader.jsonSchema()
        #expect(schema.contains("\"processing\""))
        #expect(schema.contains("relative_humidity_pct_per_day"))
        #expect(schema.contains("throughput_kg_per_hour"))
    }
}
