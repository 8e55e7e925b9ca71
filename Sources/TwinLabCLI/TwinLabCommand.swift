import ArgumentParser

/// `twinlab`: run cultivation-facility and machine scenarios and inspect their results.
public struct TwinLabCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "twinlab",
        abstract: "Simulate a facility scenario, record it to HDF5 and keep a catalog of runs.",
        discussion: ExitStatus.helpText,
        version: "0.1.0",
        subcommands: [Run.self, Validate.self, Verify.self, Diff.self, Export.self, CatalogCommand.self, Schema.self,
                      Optimize.self, ExperimentCommand.self])

    public init() {}
}
