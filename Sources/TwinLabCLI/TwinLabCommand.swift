import ArgumentParser
import Foundation
import Catalog
import Reports

/// `twinlab`: run cultivation-facility and machine scenarios and inspect their results.
public struct TwinLabCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "twinlab",
        abstract: "Simulate a facility scenario, record it to HDF5 and keep a catalog of runs.",
        discussion: """
        Exit codes: 0 success, 1 the simulation failed, 3 a scenario file is invalid, \
        4 output or catalog files could not be written, 64 the command line was wrong.
        """,
        version: "0.1.0",
        subcommands: [Run.self, Validate.self, CatalogCommand.self])

    public init() {}

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario: writes results/<id>-seed<seed>.h5, records the run, prints its KPIs.")

        @Argument(help: "The scenario file (YAML), e.g. scenarios/machine-shop.yaml.")
        var scenario: String
        @Option(help: "Use this seed instead of the scenario's (same seed = same results).")
        var seed: UInt64?
        @Option(name: .customLong("until"), help: "Stop after this many simulated hours.")
        var untilHours: Double?
        @Option(help: "Folder for the result file.")
        var output = "results"
        @Option(help: "Run catalog (SQLite) to record the run in.")
        var catalog = "results/catalog.sqlite"
        @Flag(help: "Print the run summary as JSON (for scripts).")
        var json = false
        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if let untilHours, !(untilHours > 0) { throw ValidationError("--until must be a positive number of hours") }
        }

        func run() throws {
            var action = RunAction(scenarioPath: scenario)
            action.seed = seed
            action.untilHours = untilHours
            action.outputDirectory = output
            action.catalogPath = catalog
            action.json = json
            action.quiet = quiet
            let bar = ProgressBar(enabled: !quiet && !json && isatty(STDERR_FILENO) != 0)
            let status = action.execute(out: { print($0) }, err: { Terminal.error($0) }, progress: bar.update)
            bar.finish()
            if status != .success { throw status.exitCode }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files and list every problem with file, line and column.")

        @Argument(help: "One or more scenario files.")
        var scenarios: [String]

        func run() throws {
            let status = ValidateAction(paths: scenarios).execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }

    struct CatalogCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog", abstract: "List recorded runs.", subcommands: [List.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the newest runs in the catalog.")
            @Option(help: "Run catalog (SQLite).")
            var catalog = "results/catalog.sqlite"
            @Option(help: "How many runs to show.")
            var limit = 20
            @Flag(help: "Print JSON.")
            var json = false

            func run() throws {
                guard FileManager.default.fileExists(atPath: catalog) else {
                    Terminal.error("error: no catalog at '\(catalog)' (run a scenario first)")
                    throw ExitStatus.ioError.exitCode
                }
                do {
                    let runs = try RunCatalog(path: catalog)
                    _ = try runs.reconcile()
                    let records = try runs.list(limit: limit)
                    print(json ? JSONOutput.encode(records) : KPIReport.runList(records))
                } catch {
                    Terminal.error("error: \(error)")
                    throw ExitStatus.ioError.exitCode
                }
            }
        }
    }
}

/// Standard-error output.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A one-line progress bar on standard error, redrawn at most every whole percent.
final class ProgressBar: @unchecked Sendable {
    let enabled: Bool
    var shown = -1

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ fraction: Double) {
        guard enabled else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        Terminal.errorInline("\r[" + String(repeating: "#", count: filled)
            + String(repeating: ".", count: 30 - filled) + "] \(percent)%")
    }

    func finish() {
        if enabled && shown >= 0 { Terminal.errorInline("\r" + String(repeating: " ", count: 40) + "\r") }
    }
}

extension Terminal {
    static func errorInline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
