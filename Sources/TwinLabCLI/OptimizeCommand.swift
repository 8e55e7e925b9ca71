import ArgumentParser

extension TwinLabCommand {
    struct Optimize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search a lighting schedule and setpoints that beat the baseline controller on the scenario's tariff.",
            discussion: """
            Scores candidates (the lights-on hour, day and night temperature offsets and the CO₂ \
            target, shared by all rooms) on episodes of DAYS days over several training seeds with \
            common random numbers: a scan of the lights-on hour, then cross-entropy search. A \
            candidate that drives a model out of its valid range is reported as infeasible and \
            skipped. The best is confirmed against the baseline on held-out seeds (paired 95 % \
            confidence intervals of the saving); only a significant gain at no worse comfort \
            counts. Comfort is scored against each crop stage's fixed reference band \
            (docs/scenario-format.md). --write-scenario writes the policy as a scenario that \
            `twinlab run` reproduces.
            """)

        @Argument(help: "A facility scenario (YAML).")
        var scenario: String
        @Option(help: "Days per evaluation episode (at most the scenario's horizon).")
        var days = 14.0
        @Option(help: "Cross-entropy iterations after the lights-on-hour scan.")
        var iterations = 8
        @Option(help: "Candidates per iteration.")
        var population = 16
        @Option(parsing: .unconditional,
                help: "First training seed (default: the scenario's); held-out seeds follow the training seeds.")
        var seed: UInt64?
        @Option(help: "Seeds every candidate is scored on.")
        var trainingSeeds = 3
        @Option(help: "Seeds the winner is confirmed on (at least 2 for a confidence interval).")
        var holdoutSeeds = 5
        @Option(help: "Write the found policy as a scenario to this file.")
        var writeScenario: String?
        @Flag(help: "No progress bar.")
        var quiet = false

        func validate() throws {
            guard days > 0, iterations > 0, population >= 2 else {
                throw ValidationError("--days and --iterations must be positive and --population at least 2")
            }
            guard trainingSeeds >= 1, holdoutSeeds >= 2 else {
                throw ValidationError("--training-seeds must be at least 1 and --holdout-seeds at least 2")
            }
        }

        func run() throws {
            let status = OptimizeAction(scenarioPath: scenario, days: days, iterations: iterations,
                                        population: population, seed: seed, trainingSeeds: trainingSeeds,
                                        holdoutSeeds: holdoutSeeds, writeScenario: writeScenario,
                                        showProgress: !quiet && Terminal.standardErrorIsTerminal)
                .execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }
}
