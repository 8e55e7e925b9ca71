import Scenario

/// One override of an experiment (`path: value` under a variant's or point's `set`, or a
/// factor's value), with the line of the experiment file it comes from, so that a value the
/// scenario refuses is reported where it was written.
public struct ExperimentOverride: Sendable, Equatable {
    public var edit: ScenarioEditor.Edit
    /// 1-based line in the experiment file.
    public var line: Int

    public init(_ edit: ScenarioEditor.Edit, line: Int) {
        self.edit = edit
        self.line = line
    }
}
