import ArgumentParser
import Foundation
import Control
import Scenario

extension TwinLabCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario: writes results/<id>-seed<seed>-<horizon>h-<hash8>.h5, records the run, prints its KPIs.",
            discussion: """
                The file name holds the first 8 hex digits of the scenario's SHA-256 (text and calibration \
                sets), so an edited copy, a run with --set (the hash is the edited text's), another seed or an \
                --until run never replaces an earlier result. \
                Rerunning the same scenario, seed and horizon replaces its file with identical bytes; a file \
                at that name holding anything else (another TwinLab version, an unfinished or foreign file) \
                is refused with exit code 7 unless --overwrite is given.
                """)

        @Argument(help: "The scenario file (YAML), e.g. scenarios/machine-shop.yaml.")
        var scenario: String
        // Unconditional parsing: a negative number is a wrong value to name, not a missing one.
        @Option(parsing: .unconditional,
                help: "Use this seed instead of the scenario's (a whole number 0 … 2^64 − 1; same seed = same results).")
        var seed: UInt64?
        @Option(name: .customLong("until"), parsing: .unconditional,
                help: "Stop after this many simulated hours (at most the scenario's horizon).")
        var untilHours: Double?
        @Option(help: "Folder for the result file.")
        var output = "results"
        @Option(help: "Run catalog (SQLite) to record the run in.")
        var catalog = "results/catalog.sqlite"
        @Option(name: .customLong("llm-mode"),
                help: "Override fleet.llm.mode: live, record or replay (the scenario text stays as it is).")
        var llmMode: String?
        @Option(name: .customLong("set"), parsing: .unconditionalSingleValue,
                help: ArgumentHelp("Override a scenario value: a dotted path, list items by id, a YAML value "
                                   + "(repeatable), e.g. facility.rooms[flower-1].lighting.fixture=led-2.8. "
                                   + "Validated like the same edit in the file; the run file records it.",
                                   valueName: "path=value"))
        var overrides: [String] = []
        @Flag(help: "Print the run summary as JSON (for scripts).")
        var json = false
        @Flag(help: "Print nothing but errors.")
        var quiet = false
        @Flag(help: "Replace a file at the output name even if it holds a different run (it is replaced only once the new run is complete).")
        var overwrite = false

        func validate() throws {
            for text in overrides {
                do {
                    _ = try ScenarioOverride.parse(text)
                } catch {
                    throw ValidationError("\(error)")
                }
            }
            if let untilHours, !(untilHours > 0) { throw ValidationError("--until must be a positive number of hours") }
            if let llmMode, LLMAgentConfiguration.Mode(rawValue: llmMode) == nil {
                throw ValidationError("--llm-mode must be live, record or replay (got '\(llmMode)')")
            }
        }

        func run() throws {
            var action = RunAction(scenarioPath: scenario)
            action.seed = seed
            action.untilHours = untilHours
            action.outputDirectory = output
            action.catalogPath = catalog
            action.json = json
            action.quiet = quiet
            action.overwrite = overwrite
            action.overrides = try overrides.map(ScenarioOverride.parse)
            action.llmMode = llmMode.flatMap(LLMAgentConfiguration.Mode.init(rawValue:))
            let bar = ProgressBar(enabled: !quiet && !json && isatty(STDERR_FILENO) != 0)
            let status = action.execute(out: { print($0) }, err: { Terminal.error($0) }, progress: bar.update)
            bar.finish()
            if status != .success { throw status.exitCode }
        }
    }
}
