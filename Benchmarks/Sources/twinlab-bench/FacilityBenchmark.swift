import Foundation
import Lab
import Scenario

/// One simulated year of the 8-room whole-facility scenario at a 1-minute physics and
/// control step, without recording: wall time, events/s, simulated days per second, and the
/// ratio to GreenLight v2.0.5's 18.6 s per simulated day on this machine class
/// (Katzin et al. 2020; docs/model-reference.md §GreenLight energy and run time).
enum FacilityBenchmark {
    static let greenLightSecondsPerDay = 18.6

    static func run(_ args: Arguments) throws -> JSONValue {
        let path = args.scenario ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../scenarios/whole-facility.yaml").standardizedFileURL.path
        let scenario = try ScenarioLoader.load(path: path)
        var walls: [Double] = []
        var last: RunPipeline.SimulationResult?
        for _ in 0..<args.runs {
            let start = ContinuousClock.now
            last = try RunPipeline.simulate(scenario, seed: args.seed)
            let elapsed = ContinuousClock.now - start
            walls.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        let wall = walls.sorted()[walls.count / 2]
        let days = scenario.horizonHours / 24
        let events = Double(last?.events ?? 0)
        guard case .facility(let facility) = scenario.model else { throw UsageError("\(path) is not a facility scenario") }
        return .object([
            ("benchmark", .string("facility")),
            ("scenario", .string(scenario.id)),
            ("rooms", .uint(UInt64(facility.rooms.count))),
            ("physics_step_s", .number(facility.physicsStepSeconds)),
            ("simulated_days", .number(days)),
            ("wall_seconds_median", .number(wall)),
            ("wall_seconds_all", .array(walls.map { .number($0) })),
            ("events", .number(events)),
            ("events_per_second", .number(events / wall)),
            ("simulated_days_per_second", .number(days / wall)),
            ("room_days_per_second", .number(days * Double(facility.rooms.count) / wall)),
            ("greenlight_seconds_per_day", .number(greenLightSecondsPerDay)),
            ("speedup_vs_greenlight", .number(greenLightSecondsPerDay * days / wall)),
            ("fingerprint", .string(last?.fingerprint ?? "")),
        ])
    }
}
