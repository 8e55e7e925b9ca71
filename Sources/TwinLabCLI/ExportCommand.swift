import ArgumentParser

extension TwinLabCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a run for other tools.", subcommands: [CSV.self])

        struct CSV: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "csv", abstract: "Write each time series of a run as a CSV file for spreadsheets.")
            @Argument(help: "The run file (.h5).")
            var runFile: String
            @Option(help: "Folder for the CSV files.")
            var output = "results/csv"

            func run() throws {
                let status = ExportCSVAction(runPath: runFile, directory: output)
                    .execute(out: { print($0) }, err: { Terminal.error($0) })
                if status != .success { throw status.exitCode }
            }
        }
    }
}
