import Foundation
import Testing
import Scenario
@testable import Lab

/// The schedule optimizer: multi-seed search, held-out confirmation, and the policy written back
/// as a scenario.
@Suite("Schedule optimization", .serialized)
struct ScheduleOptimizationTests {
    static func kpi(_ list: [RunKPI], _ name: String) -> Double { list.first { $0.name == name }?.value ?? .nan }

    @Test("a confirmed saving on held-out seeds, at no worse comfort and the same crop")
    func confirmedSaving() throws {
        let settings = ScheduleOptimization.Settings(days: 7, iterations: 3, population: 8, firstSeed: 7,
                                                     trainingSeeds: 2, holdoutSeeds: 3)
        let outcome = try ScheduleOptimization.run(try FacilityEnvironmentTests.touScenario(), settings: settings)
        #expect(outcome.improved, "\(outcome.verdict)")
        #expect(outcome.costSaving.lower > 0 && outcome.costSaving.count == 3)
        #expect(outcome.baselineEpisodes.map(\.seed) == [9, 10, 11], "held-out seeds follow the training seeds")
        #expect(Self.kpi(outcome.candidateKPIs, "total_cost") < Self.kpi(outcome.baselineKPIs, "total_cost"))
        #expect(Self.kpi(outcome.candidateKPIs, "temperature_discomfort")
                <= Self.kpi(outcome.baselineKPIs, "temperature_discomfort") + 1e-9)
        #expect(Self.kpi(outcome.candidateKPIs, "standing_crop") >= 0.99 * Self.kpi(outcome.baselineKPIs, "standing_crop"))
        #expect((24 + 3 * 8 + 23)...(24 + 3 * 8 + 24) ~= outcome.evaluations, "scan, search, rescan without the hours already scored")
        // The policy sits on the grid a grower writes down.
        let hour = try #require(outcome.candidate.lightsOnHour)
        #expect(hour * 4 == (hour * 4).rounded() && outcome.candidate.co2Target.map { $0.truncatingRemainder(dividingBy: 10) } == 0)
    }

    @Test("a policy written as a scenario runs to exactly the environment's KPIs, from another folder")
    func writtenScenarioReproduces() throws {
        let source = FacilityEnvironmentTests.scenarios.appendingPathComponent("flower-room-tou.yaml").path
        let scenario = try ScenarioLoader.load(path: source)
        let policy = RoomPolicy(lightsOnHour: 19.25, temperatureOffset: 0.7, nightTemperatureOffset: -1.2, co2Target: 900)
        let environment = try FacilityEnvironment(scenario: scenario, decisionHours: 24, episodeHours: 72)
        _ = try environment.reset(seed: 5)
        while try !environment.step([policy]).truncated {}
        let expected = try environment.kpis()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinlab-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("found.yaml").path
        let text = try PolicyScenario.text(for: policy, scenario: scenario, sourcePath: source, destinationPath: destination,
                                           seed: 5, horizonHours: 72, header: ["test"])
        try text.write(toFile: destination, atomically: true, encoding: .utf8)
        let written = try ScenarioLoader.load(path: destination)
        #expect(written.id == "flower-room-tou-optimized" && written.seed == 5 && written.horizonHours == 72)
        guard case .facility(let spec) = written.model else { Issue.record("not a facility"); return }
        #expect(spec.rooms[0].lighting.lightsOnHour == 19.25)
        #expect(spec.rooms[0].setpoints.dayTemperatureOffset == 0.7 && spec.rooms[0].setpoints.co2 == 900)
        let run = try RunPipeline.simulate(written)
        for kpi in expected {
            #expect(Self.kpi(run.kpis, kpi.name).bitPattern == kpi.value.bitPattern, "\(kpi.name)")
        }
    }

    @Test("the seeds are split into training and held-out seeds that do not overlap")
    func seedSplit() {
        let settings = ScheduleOptimization.Settings(days: 1, firstSeed: 1)
        #expect(settings.trainingSeeds == [1, 2, 3] && settings.holdoutSeeds == [4, 5, 6, 7, 8])
    }
}
