import Foundation
import Lab
import Reports
import Scenario

/// What `twinlab optimize` does: search a lighting/setpoint policy against the baseline on
/// training seeds, confirm it on held-out seeds, print both KPI sets side by side and, when
/// asked, write the policy as a scenario.
public struct OptimizeAction: Sendable {
    public var scenarioPath: String
    public var days: Double
    public var iterations: Int
    public var population: Int
    /// First training seed (default: the scenario's); held-out seeds follow the training seeds.
    public var seed: UInt64?
    public var trainingSeeds: Int
    public var holdoutSeeds: Int
    /// Where to write the found policy as a scenario; nil writes nothing.
    public var writeScenario: String?
    public var showProgress: Bool

    public init(scenarioPath: String, days: Double, iterations: Int = 8, population: Int = 16, seed: UInt64? = nil,
                trainingSeeds: Int = 3, holdoutSeeds: Int = 5, writeScenario: String? = nil, showProgress: Bool = false) {
        self.scenarioPath = scenarioPath
        self.days = days
        self.iterations = iterations
        self.population = population
        self.seed = seed
        self.trainingSeeds = trainingSeeds
        self.holdoutSeeds = holdoutSeeds
        self.writeScenario = writeScenario
        self.showProgress = showProgress
    }

    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: scenarioPath)
        } catch {
            err("\(error)")
            return .invalidScenario
        }
        let settings = ScheduleOptimization.Settings(
            days: min(days, scenario.horizonHours / 24), iterations: iterations, population: population,
            firstSeed: seed ?? scenario.seed, trainingSeeds: trainingSeeds, holdoutSeeds: holdoutSeeds)
        if days * 24 > scenario.horizonHours {
            err("warning: --days \(days) is past the scenario's horizon; episodes run its \(scenario.horizonHours) h")
        }
        let outcome: ScheduleOptimization.Outcome
        let bar = ProgressBar(enabled: showProgress)
        do {
            outcome = try ScheduleOptimization.run(scenario, settings: settings) { bar.update($0) }
            bar.finish()
        } catch {
            bar.finish()
            err("error: \(error)")
            return .runFailed
        }
        report(outcome, settings: settings, out: out)
        guard let destination = writeScenario else { return .success }
        guard outcome.improved else {
            err("nothing written to \(destination): no improvement was found")
            return .success
        }
        do {
            let text = try PolicyScenario.text(
                for: outcome.candidate, scenario: scenario, sourcePath: scenarioPath, destinationPath: destination,
                seed: outcome.reportSeed, horizonHours: settings.days * 24,
                header: ["Written by `twinlab optimize \(scenarioPath)`: the found policy in every room, on the",
                         "first held-out seed and the episode's horizon, so `twinlab run` of this file gives the",
                         "'optimized' KPI column it printed. \(outcome.verdict)."])
            try text.write(toFile: destination, atomically: true, encoding: .utf8)
            out("\nwrote \(destination): `twinlab run \(destination)` reproduces the optimized column")
            return .success
        } catch let error as ScenarioError {
            err("cannot write the policy as a scenario: \(error)")
            return .invalidScenario
        } catch {
            err("cannot write \(destination): \(error)")
            return .ioError
        }
    }

    private func report(_ outcome: ScheduleOptimization.Outcome, settings: ScheduleOptimization.Settings,
                        out: (String) -> Void) {
        let p = outcome.candidate
        let seeds = { (s: [UInt64]) in s.map(String.init).joined(separator: ", ") }
        out("searched \(outcome.evaluations) candidates × \(settings.trainingSeeds.count) training seeds "
            + "(\(seeds(settings.trainingSeeds))) of \(String(format: "%g", settings.days)) days each")
        if outcome.infeasibleCandidates > 0 {
            out("\(outcome.infeasibleCandidates) candidates were infeasible (they drove a model out of its valid range) "
                + "and were discarded; the first: \(outcome.infeasible.first?.reason ?? "")")
        }
        out("best candidate: lights on at \(String(format: "%05.2f", p.lightsOnHour ?? 0)) h, day "
            + "\(String(format: "%+.1f", p.temperatureOffset)) °C, night \(String(format: "%+.1f", p.nightTemperatureOffset)) °C, "
            + "CO₂ \(p.co2Target.map { String(format: "%.0f ppm", $0) } ?? "as the stage") while lit")
        var seedsTable = TextTable(headers: ["held-out seed", "baseline cost", "optimized cost", "saving %",
                                             "return gain", "Δ discomfort K·h"],
                                   alignments: [.right, .right, .right, .right, .right, .right])
        for (b, c) in zip(outcome.baselineEpisodes, outcome.candidateEpisodes) {
            seedsTable.add([String(b.seed), String(format: "%.2f", b.cost), String(format: "%.2f", c.cost),
                            String(format: "%.1f", 100 * (b.cost - c.cost) / b.cost),
                            String(format: "%.2f", c.return - b.return), String(format: "%+.3f", c.discomfort - b.discomfort)])
        }
        out("\n" + seedsTable.render())
        out(outcome.improved ? "result: \(outcome.verdict)" : "result: \(outcome.verdict); keep the baseline")
        out("\nKPIs on held-out seed \(outcome.reportSeed):")
        var table = TextTable(headers: ["KPI", "baseline", "optimized", "unit"], alignments: [.left, .right, .right, .left])
        let optimized = Dictionary(outcome.candidateKPIs.map { ($0.name, $0.value) }) { first, _ in first }
        for base in outcome.baselineKPIs {
            table.add([base.name, KPIReport.format(base.value), optimized[base.name].map(KPIReport.format) ?? "—", base.unit])
        }
        out(table.render())
    }
}
