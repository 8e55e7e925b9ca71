import ArgumentParser

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
            static let configuration = CommandConfiguration(abstract: "List the newest runs in the catalog.")
            @OptionGroup var options: Options
            @Option(help: "How many runs to show.")
            var limit = 20

            func validate() throws {
                guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
            }

            func run() throws {
                let status = options.action.list(limit: limit, out: { print($0) }, err: { Terminal.error($0) })
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
