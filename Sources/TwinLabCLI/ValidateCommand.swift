import ArgumentParser

extension TwinLabCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario and experiment files and list every problem with file, line and column.",
            discussion: """
                An experiment file (schema: twinlab/experiment@1) is planned as well: every variant's \
                overrides are applied to its scenario and validated, every response is checked against the \
                scenario's KPIs, and the plan's size is printed (variants × seeds = cells).
                """)

        @Argument(help: "One or more scenario or experiment files.")
        var scenarios: [String]

        func run() throws {
            let status = ValidateAction(paths: scenarios).execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }
}
