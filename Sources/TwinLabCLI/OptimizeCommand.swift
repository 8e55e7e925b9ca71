import ArgumentParser

extension TwinLabCommand {
    struct Optimize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search a lighting schedule and setpoints that beat the baseline controller on the scenario's tariff.",
            discussion: """
            Runs the facility for DAYS days many times (cross-entropy search over the lights-on hour, \
            a temperature offset and the CO₂ target, shared by all rooms) and prints the baseline's and \
            the best policy's KPIs side by side. Nothing is written; run the scenario with the policy's \
            values to record it.
            """)

        @Argument(help: "A facility scenario (YAML).")
        var scenario: String
        @Option(help: "Days per evaluation episode.")
        var days = 14.0
        @Option(help: "Search iterations.")
        var iterations = 8
        @Option(help: "Candidates per iteration.")
        var population = 16
        @Option(help: "Seed (default: the scenario's).")
        var seed: UInt64?

        func validate() throws {
            guard days > 0, iterations > 0, population >= 2 else {
                throw ValidationError("--days and --iterations must be positive and --population at least 2")
            }
        }

        func run() throws {
            let status = OptimizeAction(scenarioPath: scenario, days: days, iterations: iterations,
                                        population: population, seed: seed)
                .execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }
}
