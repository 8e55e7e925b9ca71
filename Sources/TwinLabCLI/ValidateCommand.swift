import ArgumentParser

extension TwinLabCommand {
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
}
