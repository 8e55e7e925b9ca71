import Scenario

/// What `twinlab validate` does: check scenario files without running them.
public struct ValidateAction: Sendable {
    public var paths: [String]

    public init(paths: [String]) { self.paths = paths }

    /// Reports every problem in every file; `.invalidScenario` if any file has one.
    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        var status = ExitStatus.success
        for path in paths {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                out("\(path): ok (\(scenario.id), seed \(scenario.seed), \(scenario.horizonHours) h)")
            } catch {
                err("\(error)")
                status = .invalidScenario
            }
        }
        return status
    }
}
