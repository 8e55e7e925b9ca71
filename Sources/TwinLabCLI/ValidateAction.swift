import Foundation
import Scenario
import Experiments
import Lab
import Reports

/// What `twinlab validate` does: check scenario and experiment files without running them.
///
/// A file whose root says `schema: twinlab/experiment@1` is an experiment: it is loaded and
/// planned (every variant's overrides applied to its scenario and validated, every response
/// checked against the scenario's KPIs) and its size is printed.
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
                if let text = try? BoundedYAML.readFile(path), ExperimentLoader.isExperiment(text) {
                    let plan = try ExperimentPlan.make(try ExperimentLoader.parse(text, file: path))
                    let files = try Self.runFiles(of: plan, limitBytes: maximumOutputBytes)
                    out("\(path): ok (experiment \(plan.spec.id): \(Self.size(of: plan)); run files \(files))")
                } else {
                    let scenario = try ScenarioLoader.load(path: path)
                    let estimate = RunOutputEstimate(scenario: scenario)
                    try estimate.check(limitBytes: maximumOutputBytes)
                    out("\(path): ok (\(scenario.id), seed \(scenario.seed), \(scenario.horizonHours) h; "
                        + "run file \(estimate))")
                }
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

    /// The estimated size of all the experiment's run files and of the largest; every run file
    /// must be within `limitBytes`.
    /// - Throws: ``RunOutputTooLarge`` for the first variant or point whose run file is past it.
    static func runFiles(of plan: ExperimentPlan, limitBytes: Double) throws -> String {
        var total = 0.0
        var largest: RunOutputEstimate?
        // Cells of one variant share its scenario: one estimate per variant, times its seeds.
        for first in stride(from: 0, to: plan.cells.count, by: plan.spec.seeds.count) {
            let estimate = RunOutputEstimate(scenario: plan.cells[first].scenario, horizonHours: plan.spec.untilHours)
            try estimate.check(limitBytes: limitBytes)
            total += estimate.bytes * Double(plan.spec.seeds.count)
            if estimate.bytes > largest?.bytes ?? -1 { largest = estimate }
        }
        return "about \(RunOutputEstimate.format(total)) in all, the largest "
            + (largest.map { RunOutputEstimate.format($0.bytes) } ?? "0 B")
    }

    /// `4 variants × 10 seeds = 40 cells`, or for a design its kind and size.
    static func size(of plan: ExperimentPlan) -> String {
        let spec = plan.spec
        let seeds = spec.seeds.count == 1 ? "1 seed" : "\(spec.seeds.count) seeds"
        let rows: String
        switch spec.design {
        case .variants(let variants):
            rows = variants.count == 1 ? "1 variant" : "\(variants.count) variants"
        case .sobol(let factors, let base):
            rows = "sobol design, \(factors.count) factors × \(base) base samples: \(plan.points.count) points"
        default:
            let factors = spec.design.factors.isEmpty ? "" : ", \(spec.design.factors.count) factors"
            rows = "\(spec.design.kind) design\(factors): \(plan.points.count) points"
        }
        let until = spec.untilHours.map { ", until \(KPIReport.format($0)) h" } ?? ""
        return "\(rows) × \(seeds) = \(plan.cells.count) cells\(until)"
    }
}
