import Foundation
import Scenario
import Lab

/// An experiment expanded into cells: every variant or design point with every seed, each with
/// its effective scenario loaded and validated.
///
/// Cells are variant-major, then seed: cell `v × seeds + s` runs variant or point `v` with
/// seed `s`. Each distinct effective scenario (scenario file + overrides) is edited and
/// validated once, so cells that differ only by seed share it and a 1,000-cell plan costs one
/// load per variant.
public struct ExperimentPlan: Sendable {
    public var spec: ExperimentSpec
    /// Variant names (or `p<k>`) in file / design order.
    public var variants: [String]
    /// The variants or design points, expanded, in the same order.
    public var points: [ExperimentPoint]
    /// Variant-major, then seed; deterministic.
    public var cells: [ExperimentCell]

    /// Expands `spec` and checks every variant against its scenario.
    ///
    /// - Throws: ``ExperimentError`` at the experiment file's line: `unknown-override-path` (with
    ///   the closest known key), `rejected-override` (naming the scenario field and why),
    ///   `invalid-experiment` for an `until_hours` past a scenario's horizon, `unknown-response`
    ///   for a response the scenario's model does not report (with the closest KPI name).
    public static func make(_ spec: ExperimentSpec) throws -> ExperimentPlan {
        let points = spec.design.points()
        var bases: [String: Scenario] = [:]
        var effective: [String: Scenario] = [:]
        var scenarios: [Scenario] = []
        var cells: [ExperimentCell] = []
        cells.reserveCapacity(points.count * spec.seeds.count)
        for point in points {
            let path = point.scenarioPath ?? spec.scenarioPath
            let base = try bases[path] ?? load(path, for: point, spec: spec)
            bases[path] = base
            let overrides = spec.overrides + point.overrides
            let edits = overrides.map(\.edit)
            let key = ([path] + edits.map(\.description)).joined(separator: "\u{0}")
            let scenario: Scenario
            if let known = effective[key] {
                scenario = known
            } else {
                scenario = try apply(overrides, of: point, to: base, path: path, spec: spec)
                effective[key] = scenario
                scenarios.append(scenario)
                try checkHorizon(of: scenario, point: point, spec: spec)
            }
            for seed in spec.seeds {
                cells.append(ExperimentCell(
                    index: cells.count, variant: point.name, point: point.index, factors: point.factors,
                    settings: point.settings, seed: seed, overrides: edits, scenarioPath: path, scenario: scenario))
            }
        }
        try checkResponses(spec, against: scenarios)
        return ExperimentPlan(spec: spec, variants: points.map(\.name), points: points, cells: cells)
    }

    /// A scenario file a point starts from (the loader checked it; it may have changed since).
    private static func load(_ path: String, for point: ExperimentPoint, spec: ExperimentSpec) throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: path)
        } catch {
            let line = point.scenarioPath == nil ? spec.lines.scenario : point.line
            throw ExperimentError(.invalidScenario, "the scenario '\(path)' does not load", file: spec.sourcePath,
                                  line: line, underlying: error)
        }
    }

    /// The point's effective scenario (the experiment's own overrides, then the point's), or
    /// the error at the line of the override it is about.
    private static func apply(_ overrides: [ExperimentOverride], of point: ExperimentPoint, to base: Scenario,
                              path: String, spec: ExperimentSpec) throws -> Scenario {
        do {
            return try ScenarioOverride.apply(overrides.map(\.edit), to: base.sourceText, file: path)
        } catch let error as ScenarioOverrideError {
            let culprit = overrides.last { $0.edit.description == error.override }
            let code: ExperimentError.Code = switch error.code {
            case .rejected: .rejectedOverride
            case .unknownField, .notApplicable, .malformed: .unknownOverridePath
            }
            let which = point.index == nil ? "variant '\(point.name)'" : "design point \(point.name)"
            let scenario = (path as NSString).lastPathComponent
            let what: String
            if let culprit {
                what = (point.overrides.contains(culprit) ? "override '\(culprit.edit)' of \(which)"
                    : "override '\(culprit.edit)' of the experiment's set (for \(which))")
                    + (code == .rejectedOverride ? " is refused by" : " does not fit") + " the scenario \(scenario)"
            } else {
                what = "the overrides of \(which) (\(overrides.map { "'\($0.edit)'" }.joined(separator: ", "))) "
                    + (code == .rejectedOverride ? "are refused by" : "do not fit") + " the scenario \(scenario)"
            }
            throw ExperimentError(code, "\(what): \(error.message)", file: spec.sourcePath,
                                  line: culprit?.line ?? point.line, underlying: error)
        }
    }

    /// `until_hours` must not pass a scenario's horizon: the runs would stop at the horizon.
    private static func checkHorizon(of scenario: Scenario, point: ExperimentPoint, spec: ExperimentSpec) throws {
        guard let until = spec.untilHours, until > scenario.horizonHours else { return }
        throw ExperimentError(.invalid, "until_hours: \(until) h is past the horizon_hours \(scenario.horizonHours) of "
                                  + "'\(scenario.id)' (\(point.index == nil ? "variant" : "design point") \(point.name)); "
                                  + "expected at most \(scenario.horizonHours)", file: spec.sourcePath,
                              line: spec.lines.untilHours)
    }

    /// Every response must be a KPI that every effective scenario's runs report.
    private static func checkResponses(_ spec: ExperimentSpec, against scenarios: [Scenario]) throws {
        var checked = Set<[String]>()
        for scenario in scenarios {
            let names = RunKPINames(for: scenario).all.filter { $0 != RunKPINames.wallClock }
            guard checked.insert(names).inserted else { continue }
            for (response, line) in zip(spec.responses, spec.lines.responses) where !names.contains(response) {
                let hint = Suggestion.closest(to: response, among: names).map { "; did you mean '\($0)'?" } ?? ""
                throw ExperimentError(.unknownResponse, "responses: '\(response)' is not a KPI of '\(scenario.id)'\(hint) "
                                          + "(its KPIs: \(names.joined(separator: ", ")))", file: spec.sourcePath,
                                      line: line)
            }
        }
    }
}
