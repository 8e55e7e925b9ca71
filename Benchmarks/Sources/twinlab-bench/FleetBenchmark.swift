import Foundation
import Lab
import Scenario

/// 1,000 machine twins sampled every 2 s for a simulated month (issue: machine twins), in
/// memory: samples per second, where one sample is one machine advanced one physics step
/// (thermal state, wear, failure hazard, maintenance triggers) with its alert rules evaluated.
enum FleetBenchmark {
    static func run(_ args: Arguments) throws -> JSONValue {
        let path = args.scenario ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scenarios/fleet-1000-2s.yaml").standardizedFileURL.path
        let scenario = try ScenarioLoader.load(path: path)
        guard case .fleet(let fleet) = scenario.model else { throw UsageError("\(path) is not a fleet scenario") }
        var walls: [Double] = []
        var cpus: [Double] = []
        var last: RunPipeline.SimulationResult?
        for _ in 0..<args.runs {
            let cpu0 = processCPUSeconds()
            let start = ContinuousClock.now
            last = try RunPipeline.simulate(scenario, seed: args.seed)
            let elapsed = ContinuousClock.now - start
            cpus.append(processCPUSeconds() - cpu0)
            walls.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        let wall = walls.sorted()[walls.count / 2]
        let cpu = cpus.sorted()[cpus.count / 2]
        let machines = fleet.machines.reduce(0) { $0 + $1.count }
        let stepSeconds = fleet.sampleIntervalMinutes * 60
        let steps = (scenario.horizonHours * 3600 / stepSeconds).rounded()
        let samples = Double(machines) * steps
        return .object([
            ("benchmark", .string("fleet")),
            ("scenario", .string(scenario.id)),
            ("machines", .uint(UInt64(machines))),
            ("sample_interval_s", .number(stepSeconds)),
            ("simulated_days", .number(scenario.horizonHours / 24)),
            ("samples", .number(samples)),
            ("wall_seconds_median", .number(wall)),
            ("wall_seconds_all", .array(walls.map { .number($0) })),
            ("cpu_seconds_median", .number(cpu)),
            ("samples_per_second", .number(samples / wall)),
            ("samples_per_cpu_second", .number(samples / cpu)),
            ("ns_per_sample", .number(wall / samples * 1e9)),
            ("events", .number(Double(last?.events ?? 0))),
            ("fingerprint", .string(last?.fingerprint ?? "")),
            ("loadavg_1min", .number(LoadAverage.oneMinute)),
        ])
    }
}
