import Foundation
import Lab
import Reports
import Scenario

/// What `twinlab optimize` does: search a lighting/setpoint policy against the baseline and
/// print both KPI sets side by side.
public struct OptimizeAction: Sendable {
    public var scenarioPath: String
    public var days: Double
    public var iterations: Int
    public var population: Int
    public var seed: UInt64?

    public init(scenarioPath: String, days: Double, iterations: Int = 8, population: Int = 16, seed: UInt64? = nil) {
        self.scenarioPath = scenarioPath
        self.days = days
        self.iterations = iterations
        self.population = population
        self.seed = seed
    }

    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: scenarioPath)
        } catch {
            err("\(error)")
            return .invalidScenario
        }
        do {
            let outcome = try ScheduleOptimization.run(scenario, days: days, seed: seed ?? scenario.seed,
                                                       iterations: iterations, population: population)
            let p = outcome.policy
            out("policy: lights on at \(String(format: "%.2f", p.lightsOnHour ?? -1)) h, temperature offsets "
                + "\(String(format: "%+.2f", p.temperatureOffset)) °C day, \(String(format: "%+.2f", p.nightTemperatureOffset)) °C night, CO₂ target \(String(format: "%.0f", p.co2Target ?? 0)) ppm "
                + "(\(outcome.evaluations) episodes of \(days) days)")
            out("return: baseline \(String(format: "%.1f", outcome.baselineReturn)), optimized "
                + "\(String(format: "%.1f", outcome.optimizedReturn))\n")
            var table = TextTable(headers: ["KPI", "baseline", "optimized", "unit"], alignments: [.left, .right, .right, .left])
            let optimized = Dictionary(outcome.optimizedKPIs.map { ($0.name, $0.value) }) { first, _ in first }
            for base in outcome.baselineKPIs {
                table.add([base.name, KPIReport.format(base.value), optimized[base.name].map(KPIReport.format) ?? "—", base.unit])
            }
            out(table.render())
            return .success
        } catch {
            err("error: \(error)")
            return .runFailed
        }
    }
}
