import Foundation
import Yams
import Scenario
import Lab

/// Reads and validates experiment files (`schema: twinlab/experiment@1`), stopping at the first
/// problem with its file and line.
///
/// The loader checks the file on its own and that the scenario files it names exist and load;
/// whether every override fits the scenario and every response is one of its KPIs is checked by
/// ``ExperimentPlan/make(_:)``, which loads each variant's scenario.
public enum ExperimentLoader {
    /// The most cells (points × seeds) one experiment may have.
    public static let maximumCells = 1_000_000

    /// Loads the experiment at `path`.
    /// - Throws: ``ExperimentError``.
    public static func load(path: String) throws -> ExperimentSpec {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw ExperimentError(.fileNotFound, "no such experiment file", file: path, line: nil)
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ExperimentError(.fileNotFound, "cannot read the experiment file", file: path, line: nil, underlying: error)
        }
        return try parse(text, file: path)
    }

    /// Whether `text` declares itself an experiment (`schema: twinlab/experiment@1` at its root),
    /// for commands that take scenario and experiment files alike.
    public static func isExperiment(_ text: String) -> Bool {
        guard let root = try? Yams.compose(yaml: text) else { return false }
        return root.mapping?[Node("schema")]?.string == ExperimentSpec.schema
    }

    /// Parses experiment text; `file` names it in messages and anchors relative scenario paths.
    /// - Throws: ``ExperimentError``.
    public static func parse(_ text: String, file: String) throws -> ExperimentSpec {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ExperimentError(.invalid, "the file is empty; expected an experiment starting with "
                                        + "'schema: \(ExperimentSpec.schema)'", file: file, line: 1)
            }
            root = node
        } catch let error as ExperimentError {
            throw error
        } catch {
            throw ExperimentError(.malformed, "not valid YAML", file: file, line: mark(of: error)?.line,
                                  column: mark(of: error)?.column, underlying: error)
        }
        let top = try ExperimentMapping(root, path: "", file: file)
        // Every key is asked for before any is checked, so a misspelt key is reported as such
        // rather than as the key it should have been missing.
        let keys = ["schema", "id", "title", "scenario", "until_hours", "replications", "sequential", "responses",
                    "baseline", "set", "variants", "design", "factors", "points"]
        var nodes: [String: Node] = [:]
        for key in keys { nodes[key] = top.value(key) }
        let schemaNode = try top.required("schema", "'\(ExperimentSpec.schema)'")
        guard schemaNode.string == ExperimentSpec.schema else {
            let hint = schemaNode.string == Scenario.schema
                ? " (this is a scenario file: run it with `twinlab run`)" : ""
            throw top.error(at: schemaNode, "schema: found \(ExperimentMapping.render(schemaNode)); expected "
                                + "'\(ExperimentSpec.schema)'\(hint)")
        }
        try top.finish()

        guard let id = try top.string("id", "a name of letters, digits, '.', '_' or '-' (it names output folders)") else {
            throw top.error(at: root, "id: missing; expected a name such as led-retrofit")
        }
        try checkName(id, field: "id", at: nodes["id"], in: top)
        let title = try top.string("title", "a text") ?? id
        let (scenarioPath, scenarioLine) = try readScenario(top)
        let until = try top.double("until_hours", in: Double.leastNonzeroMagnitude...1e7,
                                   "a positive number of hours (at most the scenario's horizon_hours)")
        let seeds = try readSeeds(top)
        let sequential = try readSequential(top, seeds: seeds.count)
        let (responses, responseLines) = try readResponses(top)
        let overrides = try readSet(nodes["set"], field: "set", line: 0, in: top)
        let design = try readDesign(top)
        let baseline = try readBaseline(top, design: design)
        let cells = design.pointCount.multipliedReportingOverflow(by: seeds.count)
        if cells.overflow || cells.partialValue > maximumCells {
            let at = nodes["variants"] ?? nodes["design"]
            throw top.error(at: at, "the experiment has \(design.pointCount) \(design.kind == "variants" ? "variants" : "design points") "
                                + "× \(seeds.count) seeds, more than \(maximumCells) cells; split it into several experiments")
        }
        let lines = ExperimentSpec.Lines(scenario: scenarioLine, untilHours: nodes["until_hours"]?.mark?.line,
                                         responses: responseLines, baseline: nodes["baseline"]?.mark?.line)
        return ExperimentSpec(id: id, title: title, sourcePath: file, scenarioPath: scenarioPath, untilHours: until,
                              seeds: seeds, baseline: baseline, responses: responses, overrides: overrides, design: design,
                              sequential: sequential, lines: lines)
    }

    /// Refuses a name that cannot name a file or folder.
    static func checkName(_ name: String, field: String, at node: Node?, in reader: ExperimentMapping) throws {
        guard name.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil else {
            throw reader.error(at: node, "\(field): found '\(name)'; expected letters, digits, '.', '_' or '-', starting "
                                + "with a letter or digit (it names files and summary rows)")
        }
    }

    /// The experiment's scenario: a path relative to the experiment file, which must exist and load.
    private static func readScenario(_ top: ExperimentMapping) throws -> (path: String, line: Int) {
        let node = try top.required("scenario", "the scenario file, relative to this file (e.g. ../flower-room.yaml)")
        let path = try scenarioFile(node, field: "scenario", in: top)
        return (path, node.mark?.line ?? 0)
    }

    /// A scenario file named in the experiment: resolved against the experiment's folder, made
    /// absolute, and loaded once to check it is a valid scenario.
    static func scenarioFile(_ node: Node, field: String, in reader: ExperimentMapping) throws -> String {
        guard let text = node.scalar?.string, !text.isEmpty else {
            throw reader.error(at: node, "\(field): found \(ExperimentMapping.render(node)); expected a scenario file path")
        }
        let folder = (reader.file as NSString).deletingLastPathComponent
        var path = text.hasPrefix("/") ? text : ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(text)
        if !path.hasPrefix("/") {
            path = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        }
        path = (path as NSString).standardizingPath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw reader.error(.scenarioNotFound, at: node, "\(field): no scenario file '\(text)' (looked for '\(path)'; "
                                + "paths are relative to the experiment file)")
        }
        do {
            _ = try ScenarioLoader.load(path: path)
        } catch {
            throw reader.error(.invalidScenario, at: node, "\(field): the scenario '\(text)' does not load", underlying: error)
        }
        return path
    }

    /// `replications`: `{seeds: [...]}` or `{count: N, first_seed: S}` (S, S + 1, …; S defaults to 1).
    private static func readSeeds(_ top: ExperimentMapping) throws -> [UInt64] {
        let expected = "{seeds: [1, 2, 3]} or {count: 10, first_seed: 1}"
        guard let section = try top.mapping("replications") else {
            throw top.error(at: top.node, "replications: missing; expected \(expected)")
        }
        let listed = section.value("seeds"), countNode = section.value("count"), firstNode = section.value("first_seed")
        try section.finish()
        switch (listed, countNode) {
        case (let listed?, nil):
            if firstNode != nil { throw section.error(at: firstNode, "replications.first_seed: goes with count, not seeds") }
            guard let items = listed.sequence else {
                throw section.error(at: listed, "replications.seeds: found \(ExperimentMapping.render(listed)); expected a "
                                        + "list of seeds such as [1, 2, 3]")
            }
            guard !items.isEmpty else {
                throw section.error(.emptySeeds, at: listed, "replications.seeds: the list is empty; every variant needs at "
                                        + "least one seed, e.g. [1, 2, 3]")
            }
            var seeds: [UInt64] = []
            for item in items {
                let seed = try section.seed(item, field: "replications.seeds")
                if seeds.contains(seed) {
                    throw section.error(at: item, "replications.seeds: seed \(seed) is listed twice; each seed once")
                }
                seeds.append(seed)
            }
            return seeds
        case (nil, let countNode?):
            guard case .scalar(let scalar) = countNode, scalar.style == .plain, let count = countNode.int else {
                throw section.error(at: countNode, "replications.count: found \(ExperimentMapping.render(countNode)); "
                                        + "expected a whole number of replications from 1 to \(maximumCells)")
            }
            guard count >= 1 else {
                throw section.error(.emptySeeds, at: countNode, "replications.count: found \(count); expected at least 1 "
                                        + "replication (every variant needs a seed)")
            }
            guard count <= maximumCells else {
                throw section.error(at: countNode, "replications.count: found \(count); expected at most \(maximumCells)")
            }
            let first = try firstNode.map { try section.seed($0, field: "replications.first_seed") } ?? 1
            guard first <= UInt64.max - UInt64(count - 1) else {
                throw section.error(at: firstNode, "replications.first_seed: \(first) + \(count - 1) passes the largest "
                                        + "seed 18446744073709551615; choose a smaller first seed")
            }
            return (0..<UInt64(count)).map { first + $0 }
        case (nil, nil):
            throw section.error(.emptySeeds, at: section.node, "replications: no seeds; expected \(expected)")
        case (_?, _?):
            throw section.error(at: countNode, "replications: give either seeds or count, not both")
        }
    }

    /// `sequential`: `{relative_half_width: 0.05, max_replications: 50}`.
    private static func readSequential(_ top: ExperimentMapping, seeds: Int) throws -> SequentialRule? {
        guard let section = try top.mapping("sequential") else { return nil }
        let width = try section.double("relative_half_width", in: 1e-9...1,
                                       "a fraction of the mean above 0 and at most 1, e.g. 0.05")
        let maximum = try section.int("max_replications", in: min(seeds, maximumCells)...maximumCells,
                                      "a whole number of seeds from the \(seeds) listed up to \(maximumCells)")
        try section.finish()
        guard let width, let maximum else {
            throw section.error(at: section.node, "sequential: expected both relative_half_width and max_replications, "
                                    + "e.g. {relative_half_width: 0.05, max_replications: 50}")
        }
        return SequentialRule(relativeHalfWidth: width, maxReplications: maximum)
    }

    /// `responses`: KPI names, each once (checked against the scenario's KPIs by the plan).
    private static func readResponses(_ top: ExperimentMapping) throws -> ([String], [Int]) {
        let expected = "a list of KPI names such as [yield_cannabis, energy_cost] (docs/run-file-format.md lists them)"
        guard let items = try top.list("responses", expected) else {
            throw top.error(at: top.node, "responses: missing; expected \(expected)")
        }
        var names: [String] = [], lines: [Int] = []
        for item in items {
            guard let name = item.scalar?.string, !name.isEmpty else {
                throw top.error(at: item, "responses: found \(ExperimentMapping.render(item)); expected a KPI name")
            }
            if names.contains(name) { throw top.error(at: item, "responses: '\(name)' is listed twice; each response once") }
            if name == RunKPINames.wallClock {
                throw top.error(.unknownResponse, at: item, "responses: '\(name)' is wall-clock time, different on every "
                                    + "run and machine; it cannot be a response")
            }
            names.append(name)
            lines.append(item.mark?.line ?? 0)
        }
        return (names, lines)
    }

    /// `baseline`: required with variants (one of them), refused with a design.
    private static func readBaseline(_ top: ExperimentMapping, design: ExperimentDesign) throws -> String? {
        let node = top.value("baseline")
        guard case .variants(let variants) = design else {
            if let node {
                throw top.error(at: node, "baseline: a \(design.kind) design has design points p0, p1, … and no "
                                    + "baseline; remove it, or use variants")
            }
            return nil
        }
        let names = variants.map(\.name)
        guard let node else {
            throw top.error(.unknownBaseline, at: top.node, "baseline: missing; expected the variant the others are "
                                + "compared with, one of \(names.joined(separator: ", "))")
        }
        guard let name = node.scalar?.string, names.contains(name) else {
            let text = node.scalar?.string ?? ""
            let hint = Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw top.error(.unknownBaseline, at: node, "baseline: no variant '\(text)'\(hint) (variants: "
                                + "\(names.joined(separator: ", ")))")
        }
        return name
    }

    /// The position of a YAML syntax error.
    private static func mark(of error: any Error) -> Mark? {
        switch error as? YamlError {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        case .duplicatedKeysInMapping(_, let context): context.mark
        default: nil
        }
    }
}
