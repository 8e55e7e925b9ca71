import ArgumentParser

extension TwinLabCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two run files signal by signal; exit 5 when they differ.")

        @Argument(help: "The first run file (.h5).")
        var first: String
        @Argument(help: "The second run file (.h5).")
        var second: String
        @Option(name: .customLong("abs"), help: "Absolute tolerance per value.")
        var absolute = 0.0
        @Option(name: .customLong("rel"), help: "Relative tolerance per value (fraction of the larger magnitude).")
        var relative = 0.0

        func validate() throws {
            guard absolute >= 0, relative >= 0 else { throw ValidationError("tolerances must not be negative") }
        }

        func run() throws {
            let status = DiffAction(first: first, second: second, absolute: absolute, relative: relative)
                .execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }
}
