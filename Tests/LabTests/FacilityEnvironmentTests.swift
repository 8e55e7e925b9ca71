import Foundation
import Testing
import Scenario
@testable import Lab

/// The Gymnasium-style environment over the twin.
@Suite("Facility environment", .serialized)
struct FacilityEnvironmentTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    static func touScenario() throws -> Scenario {
        try ScenarioLoader.load(path: scenarios.appendingPathComponent("flower-room-tou.yaml").path)
    }

    @Test("reset/step: observations named, rewards finite, truncated at the episode end, deterministic")
    func stepping() throws {
        let environment = try FacilityEnvironment(scenario: try Self.touScenario(), decisionHours: 6, episodeHours: 48)
        let first = try environment.reset(seed: 3)
        #expect(first.count == environment.observationNames.count)
        var steps = 0
        var last: FacilityEnvironment.Step?
        repeat {
            last = try environment.step([RoomPolicy()])
            steps += 1
            #expect(last!.reward.isFinite)
        } while !(last!.truncated)
        #expect(steps == 8 && last!.info["hours"] == 48)
        let actions = (0..<8).map { k in [RoomPolicy(temperatureOffset: Double(k % 3) - 1)] }
        #expect(try environment.checkDeterminism(actions: actions, seed: 3))
        #expect(throws: RunError.self) { try FacilityEnvironment(scenario: try Self.touScenario(), decisionHours: 0.3) }
    }
}

extension FacilityEnvironmentTests {
    @Test("peak shifting is worth money under time-of-use prices and nothing under a flat price")
    func peakShiftingOpportunity() throws {
        let tou = try RunPipeline.simulate(try Self.touScenario(), horizonHours: 72)
        let saving = try #require(tou.kpis.first { $0.name == "opportunity_peak_shifting" }).value
        #expect(saving > 1000)   // lights 06–18 straddle the 14–18 on-peak window every weekday
        let flatText = try String(contentsOf: Self.scenarios.appendingPathComponent("flower-room.yaml"), encoding: .utf8)
        let flat = try RunPipeline.simulate(try ScenarioLoader.parse(flatText, file: Self.scenarios
            .appendingPathComponent("flower-room.yaml").path), horizonHours: 72)
        #expect(try #require(flat.kpis.first { $0.name == "opportunity_peak_shifting" }).value == 0)
    }
}
