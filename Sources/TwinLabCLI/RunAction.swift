import Foundation
import Lab
import Scenario
import Control
import Reports

/// What `twinlab run` does, separate from argument parsing so tests call it directly.
public struct RunAction: Sendable {
    public var scenarioPath: String
    public var seed: UInt64?
    public var untilHours: Double?
    public var outputDirectory = "results"
    public var catalogPath: String? = "results/catalog.sqlite"
    public var json = false
    public var quiet = false
    /// Replaces the scenario's `fleet.llm.mode` (e.g. record a cassette for a file that says replay).
    public var llmMode: LLMAgentConfiguration.Mode?
    /// Replace a file at the output name even when it holds a different run.
    public var overwrite = false
    /// `--set PATH=VALUE` edits, applied in order to the scenario's text before it is validated;
    /// the run file stores the edited text and the overrides.
    public var overrides: [ScenarioEditor.Edit] = []

    public init(scenarioPath: String) { self.scenarioPath = scenarioPath }

    /// Runs the scenario; returns the exit status and writes human or JSON output.
    public func execute(out: (String) -> Void, err: (String) -> Void,
                        progress: ((Double) -> Void)? = nil) -> ExitStatus {
        var scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: scenarioPath)
            scenario = try ScenarioOverride.apply(overrides, to: scenario.sourceText, file: scenarioPath)
        } catch {
            err("error: \(error)")
            return .invalidScenario
        }
        if let untilHours, untilHours > scenario.horizonHours {
            err("warning: --until \(KPIReport.format(untilHours)) h is past the scenario's horizon; "
                + "the run stops at \(KPIReport.format(scenario.horizonHours)) h")
        }
        var request = RunRequest(scenario: scenario, seed: seed, untilHours: untilHours,
                                 outputDirectory: outputDirectory, catalogPath: catalogPath)
        request.llmMode = llmMode
        request.overwrite = overwrite
        do {
            let summary = try RunPipeline.execute(request, progress: quiet || json ? nil : progress)
            if json {
                out(JSONOutput.encode(summary))
            } else if !quiet {
                out("""
                \(scenario.title) — seed \(summary.seed), \(KPIReport.format(summary.horizonHours)) h simulated \
                in \(String(format: "%.2f", summary.wallSeconds)) s (\(summary.events) events)

                \(KPIReport.table(summary.kpis.map { ($0.name, $0.value, $0.unit) }))
                \(overrides.map { "\noverride    \($0)" }.joined())
                fingerprint \(summary.fingerprint)
                output      \(summary.outputPath)
                run id      \(summary.runID)
                """)
            }
            return .success
        } catch let error as RunError {
            err("error: \(error)")
            switch error.code {
            case .simulation: return .runFailed
            case .outputExists: return .outputExists
            case .outputBusy: return .outputBusy
            default: return .ioError
            }
        } catch {
            err("error: \(error)")
            return .ioError
        }
    }
}

/// Stable, sorted JSON for scripts.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
