import Scenario
import Lab

/// What `twinlab validate` does: check scenario files without running them.
public struct ValidateAction: Sendable {
    public var paths: [String]
    /// Refuse a scenario whose run file is estimated larger (`RunOutputEstimate`), bytes.
    public var maximumOutputBytes = RunOutputEstimate.defaultLimitBytes

    public init(paths: [String]) { self.paths = paths }

    /// Reports every problem in every file and each run file's estimated size;
    /// `.invalidScenario` if any file has a problem or a run file would pass the size limit.
    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        var status = ExitStatus.success
        for path in paths {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                let estimate = RunOutputEstimate(scenario: scenario)
                try estimate.check(limitBytes: maximumOutputBytes)
                out("\(path): ok (\(scenario.id), seed \(scenario.seed), \(scenario.horizonHours) h; "
                    + "run file \(estimate))")
            } catch let error as RunOutputTooLarge {
                err("\(path): \(error)")
                status = .invalidScenario
            } catch {
                err("\(error)")
                status = .invalidScenario
            }
        }
        return status
    }
}
