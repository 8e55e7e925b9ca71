import ArgumentParser

/// `twinlab`: run cultivation-facility and machine scenarios and inspect their results.
public struct TwinLabCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "twinlab",
        abstract: "Simulate a facility scenario, record it to HDF5 and keep a catalog of runs.",
        discussion: """
        Exit codes: 0 success, 1 the simulation failed, 3 a scenario file is invalid, \
        4 output or catalog files could not be written or read, 5 diff found differences, \
        64 the command line was wrong.
        """,
        version: "0.1.0",
        subcommands: [Run.self, Validate.self, Diff.self, Export.self, CatalogCommand.self, Schema.self, Optimize.self])

    public init() {}
}
