import Foundation
import Testing
import Scenario
import Lab

/// The KPI names known before a run match what runs report, for every shipped scenario.
@Suite("Run KPI names")
struct RunKPINamesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var shipped: [String] {
        let folder = repository.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// The names a real run of `scenario` reports over `hours`, `time_ratio` included.
    static func reported(by scenario: Scenario, hours: Double) throws -> [String] {
        if case .machineShop = scenario.model {
            let folder = NSTemporaryDirectory() + "twinlab-kpi-names-\(UUID().uuidString)"
            let summary = try RunPipeline.execute(RunRequest(scenario: scenario, untilHours: hours, outputDirectory: folder,
                                                             catalogPath: nil))
            return summary.kpis.map(\.name)
        }
        // In memory: the same KPIs as a recorded run, without the wall-clock one.
        return try RunPipeline.simulate(scenario, horizonHours: hours).kpis.map(\.name) + [RunKPINames.wallClock]
    }

    @Test("every shipped scenario's run reports every 'always' name in order and nothing outside the table",
          arguments: shipped)
    func matchesRuns(path: String) throws {
        let scenario = try ScenarioLoader.load(path: path)
        let names = RunKPINames(for: scenario)
        let reported = try Self.reported(by: scenario, hours: 24)
        #expect(reported.filter { names.always.contains($0) } == names.always,
                "missing or out of order: \(names.always.filter { !reported.contains($0) })")
        #expect(reported.allSatisfy(names.all.contains), "not in the table: \(reported.filter { !names.all.contains($0) })")
        #expect(Set(names.all).count == names.all.count, "a name is listed twice")
    }

    @Test("the per-harvest ratios appear once a crop is harvested, and are in the table")
    func harvestRatios() throws {
        let lettuce = try ScenarioLoader.load(path: Self.repository.appendingPathComponent("scenarios/lettuce-vertical-farm.yaml").path)
        let reported = try Self.reported(by: lettuce, hours: 37 * 24)
        let names = RunKPINames(for: lettuce)
        for ratio in ["energy_per_gram_lettuce", "cost_per_gram_lettuce", "grams_per_kwh_lettuce"] {
            #expect(reported.contains(ratio) && names.sometimes.contains(ratio), "\(ratio)")
        }
        #expect(reported.allSatisfy(names.all.contains))
    }
}
