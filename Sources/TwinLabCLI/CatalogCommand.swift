import ArgumentParser
import Foundation
import Catalog
import Reports

extension TwinLabCommand {
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
