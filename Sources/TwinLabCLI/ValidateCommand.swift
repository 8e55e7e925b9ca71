import ArgumentParser

extension TwinLabCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files and list every problem with file, line and column.")

        @Argument(help: "One or more scenario files.")
        var scenarios: [String]
        @Option(name: .customLong("max-output-size"), help: OutputSizeLimit.help)
        var maximumOutputSize = OutputSizeLimit.standard

        func run() throws {
            var action = ValidateAction(paths: scenarios)
            action.maximumOutputBytes = maximumOutputSize.bytes
            let status = action.execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }
}
