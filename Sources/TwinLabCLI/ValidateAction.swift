import Foundation
import Scenario
import Experiments
import Reports

/// What `twinlab validate` does: check scenario and experiment files without running them.
///
/// A file whose root says `schema: twinlab/experiment@1` is an experiment: it is loaded and
/// planned (every variant's overrides applied to its scenario and validated, every response
/// checked against the scenario's KPIs) and its size is printed.
public struct ValidateAction: Sendable {
    public var paths: [String]

    public init(paths: [String]) { self.paths = paths }

    /// Reports every problem in every file; `.invalidScenario` if any file has one.
    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        var status = ExitStatus.success
        for path in paths {
            do {
                if let text = try? String(contentsOfFile: path, encoding: .utf8), ExperimentLoader.isExperiment(text) {
                    let plan = try ExperimentPlan.make(try ExperimentLoader.parse(text, file: path))
                    out("\(path): ok (experiment \(plan.spec.id): \(Self.size(of: plan)))")
                } else {
                    let scenario = try ScenarioLoader.load(path: path)
                    out("\(path): ok (\(scenario.id), seed \(scenario.seed), \(scenario.horizonHours) h)")
                }
            } catch {
                err("\(error)")
                status = .invalidScenario
            }
        }
        return status
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
