import ArgumentParser
import Catalog

extension TwinLabCommand {
    struct CatalogCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog", abstract: "List and inspect recorded runs.", subcommands: [List.self, Show.self])

        struct Options: ParsableArguments {
            @Option(help: "Run catalog (SQLite).")
            var catalog = "results/catalog.sqlite"
            @Flag(help: "Print JSON.")
            var json = false

            var action: CatalogAction {
                var action = CatalogAction(catalogPath: catalog)
                action.json = json
                return action
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List the newest runs in the catalog with their horizon, scenario hash and headline KPIs.",
                discussion: """
                    KPIs per run kind: facility — total energy (kWh), total cost, harvested yield (g), kWh per g; \
                    fleet — availability, failures, downtime (machine-hours); processing — throughput (kg/day), \
                    grade A share, mean lead time (h); machine shop — availability, failures.
                    """)
            @OptionGroup var options: Options
            @Option(help: "How many runs to show.")
            var limit = 20
            @Option(help: "Only runs of this scenario id.")
            var scenario: String?
            @Option(help: "Only runs in this status: running, complete, failed or incomplete.")
            var status: String?
            @Option(help: "Only runs started at or after this ISO 8601 date or date-time (UTC unless it has a zone), e.g. 2026-03-01 or 2026-03-01T14:30+01:00.")
            var since: String?

            func validate() throws {
                guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
                if let status, RunStatus(rawValue: status) == nil {
                    throw ValidationError("--status must be one of \(RunStatus.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(status)')")
                }
                if let since, CatalogTime.parse(since) == nil {
                    throw ValidationError("--since must be an ISO 8601 date or date-time such as 2026-03-01 or 2026-03-01T14:30:00Z (got '\(since)')")
                }
            }

            func run() throws {
                let filter = CatalogAction.Filter(scenario: scenario, status: status.flatMap(RunStatus.init(rawValue:)),
                                                  since: since.flatMap(CatalogTime.parse))
                let status = options.action.list(limit: limit, filter: filter, out: { print($0) }, err: { Terminal.error($0) })
                if status != .success { throw status.exitCode }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show one run: scenario, seed, version, fingerprint, status, timings, KPIs, output.")
            @OptionGroup var options: Options
            @Argument(help: "The run id, or enough of its beginning to be unique.")
            var runID: String

            func run() throws {
                let status = options.action.show(run: runID, out: { print($0) }, err: { Terminal.error($0) })
                if status != .success { throw status.exitCode }
            }
        }
    }
}
