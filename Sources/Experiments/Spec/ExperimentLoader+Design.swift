import Foundation
import Yams
import Scenario

/// Reading of what an experiment varies: `variants`, or `design` with `factors` or `points`.
extension ExperimentLoader {
    /// The design kinds `design.kind` accepts.
    static let designKinds = ["full_factorial", "latin_hypercube", "sobol", "list"]

    static func readDesign(_ top: ExperimentMapping) throws -> ExperimentDesign {
        let variantsNode = top.value("variants"), designNode = top.value("design")
        let factorsNode = top.value("factors"), pointsNode = top.value("points")
        if let variantsNode {
            for (key, node) in [("design", designNode), ("factors", factorsNode), ("points", pointsNode)] where node != nil {
                throw top.error(at: node, "\(key): an experiment has either variants or a design, not both")
            }
            return .variants(try readVariants(variantsNode, in: top))
        }
        guard let designNode else {
            throw top.error(at: top.node, "variants or design: missing; expected named variants "
                                + "({baseline-name: {set: {path: value}}, …}) or a design with factors (docs/experiments.md)")
        }
        let design: ExperimentMapping
        if designNode.scalar != nil {
            design = try ExperimentMapping(Node([(Node("kind"), designNode)]), path: "design", file: top.file)
        } else {
            design = try ExperimentMapping(designNode, path: "design", file: top.file)
        }
        let kindNode = try design.required("kind", "one of \(designKinds.joined(separator: ", "))")
        let kind = kindNode.scalar?.string ?? ""
        guard designKinds.contains(kind) else {
            let hint = Suggestion.closest(to: kind, among: designKinds).map { "; did you mean '\($0)'?" } ?? ""
            throw design.error(at: kindNode, "design.kind: found \(ExperimentMapping.render(kindNode)); expected one of "
                                   + "\(designKinds.joined(separator: ", "))\(hint)")
        }
        let samples = kind == "latin_hypercube" ? design.value("samples") : nil
        let seedNode = kind == "latin_hypercube" ? design.value("design_seed") : nil
        let base = kind == "sobol" ? design.value("base_samples") : nil
        try design.finish()
        if kind == "list" {
            if let factorsNode { throw top.error(at: factorsNode, "factors: a list design names its values in its points") }
            guard let pointsNode else {
                throw top.error(at: top.node, "points: missing; a list design needs points such as "
                                    + "[{set: {\"fleet.technicians.count\": 2}}, …]")
            }
            return .list(try readPoints(pointsNode, in: top))
        }
        if let pointsNode { throw top.error(at: pointsNode, "points: only a list design has points; this is \(kind)") }
        guard let factorsNode else {
            throw top.error(at: top.node, "factors: missing; a \(kind) design needs factors such as "
                                + "[{path: \"facility.rooms[flower-1].setpoints.co2_ppm\", "
                                + (kind == "full_factorial" ? "levels: [800, 1200]}]" : "low: 800, high: 1400}]"))
        }
        let factors = try readFactors(factorsNode, levels: kind == "full_factorial", in: top)
        switch kind {
        case "full_factorial":
            return .fullFactorial(factors)
        case "latin_hypercube":
            guard let samples else {
                throw design.error(at: designNode, "design.samples: missing; expected the number of points, e.g. 50")
            }
            let count = try design.number(samples, field: "design.samples", in: 1...Double(maximumCells),
                                          "a whole number of points from 1 to \(maximumCells)")
            guard count == count.rounded() else {
                throw design.error(at: samples, "design.samples: found '\(samples.string ?? "")'; expected a whole number")
            }
            let seed = try seedNode.map { try design.seed($0, field: "design.design_seed") } ?? 1
            return .latinHypercube(factors, samples: Int(count), designSeed: seed)
        default:
            guard let base else {
                throw design.error(at: designNode, "design.base_samples: missing; expected N, the design then has "
                                       + "N × (factors + 2) points; a power of two such as 64 keeps the Sobol sequence balanced")
            }
            let count = try design.number(base, field: "design.base_samples", in: 1...100_000,
                                          "a whole number from 1 to 100000, e.g. 64")
            guard count == count.rounded() else {
                throw design.error(at: base, "design.base_samples: found '\(base.string ?? "")'; expected a whole number")
            }
            guard factors.count <= SaltelliDesign.maximumFactors else {
                throw top.error(at: factorsNode, "factors: a sobol design takes at most \(SaltelliDesign.maximumFactors) "
                                    + "factors (GSL's Sobol sequence has \(SobolSequence.maximumDimensions) dimensions, "
                                    + "the design needs two per factor); found \(factors.count)")
            }
            return .sobol(factors, baseSamples: Int(count))
        }
    }

    /// `variants: {name: {scenario: file, set: {path: value, …}}, …}` in file order.
    private static func readVariants(_ node: Node, in top: ExperimentMapping) throws -> [ExperimentVariant] {
        guard let mapping = node.mapping, !mapping.isEmpty else {
            throw top.error(at: node, "variants: found \(ExperimentMapping.render(node)); expected named variants such "
                                + "as {hps: {set: {\"facility.rooms[flower-1].lighting.fixture\": hps-de-1.7}}, …}")
        }
        var variants: [ExperimentVariant] = []
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            try checkName(name, field: "variants", at: key, in: top)
            var variant = try readSettings(value, field: "variants.\(name)", line: key.mark?.line ?? 0, in: top)
            variant.name = name
            if variant.overrides.isEmpty && variant.scenarioPath == nil {
                throw top.error(.emptyVariant, at: key, "variants.\(name): sets nothing; give it the overrides that make it, "
                                    + "e.g. \(name): {set: {\"fleet.technicians.count\": 3}} (or scenario: other.yaml)")
            }
            variants.append(variant)
        }
        return variants
    }

    /// `points: [{scenario: file, set: {path: value, …}}, …]`, named p0, p1, …
    private static func readPoints(_ node: Node, in top: ExperimentMapping) throws -> [ExperimentVariant] {
        guard let items = node.sequence, !items.isEmpty else {
            throw top.error(at: node, "points: found \(ExperimentMapping.render(node)); expected a list of points such as "
                                + "[{set: {\"fleet.technicians.count\": 2}}, …]")
        }
        var points: [ExperimentVariant] = []
        for (index, item) in items.enumerated() {
            var point = try readSettings(item, field: "points[\(index)]", line: item.mark?.line ?? 0, in: top)
            point.name = "p\(index)"
            if point.overrides.isEmpty && point.scenarioPath == nil {
                throw top.error(.emptyVariant, at: item, "points[\(index)]: sets nothing; give it `set: {path: value}` "
                                    + "(or scenario: other.yaml)")
            }
            if let same = points.firstIndex(where: { $0.overrides.map(\.edit) == point.overrides.map(\.edit)
                && $0.scenarioPath == point.scenarioPath }) {
                throw top.error(at: item, "points[\(index)]: the same point as points[\(same)]; list each point once")
            }
            points.append(point)
        }
        return points
    }

    /// One variant's or point's `{scenario: file, set: {path: value}}`; the name is the caller's.
    private static func readSettings(_ node: Node, field: String, line: Int, in top: ExperimentMapping) throws
        -> ExperimentVariant {
        let reader = try ExperimentMapping(node, path: field, file: top.file)
        let scenario = try reader.value("scenario").map { try scenarioFile($0, field: "\(field).scenario", in: reader) }
        let overrides = try readSet(reader.value("set"), field: "\(field).set", line: line, in: reader)
        try reader.finish()
        return ExperimentVariant(name: "", line: line, scenarioPath: scenario, overrides: overrides)
    }

    /// A `set` mapping, `{path: value, …}`, as overrides at the lines of their paths.
    static func readSet(_ node: Node?, field: String, line: Int, in reader: ExperimentMapping) throws
        -> [ExperimentOverride] {
        guard let node else { return [] }
        guard let entries = node.mapping else {
            throw reader.error(at: node, "\(field): found \(ExperimentMapping.render(node)); expected overrides "
                                   + "such as {\"facility.rooms[flower-1].setpoints.co2_ppm\": 1200}")
        }
        return try entries.map { key, value in
            guard let path = key.scalar?.string, !path.isEmpty else {
                throw reader.error(at: key, "\(field): found \(ExperimentMapping.render(key)); expected a dotted "
                                       + "scenario path")
            }
            return ExperimentOverride(.init(path: path, value: try ExperimentMapping.yaml(value)), line: key.mark?.line ?? line)
        }
    }

    /// `factors: [{path, levels: […]}]` (full factorial) or `[{path, low, high, integer}]`.
    private static func readFactors(_ node: Node, levels: Bool, in top: ExperimentMapping) throws -> [ExperimentFactor] {
        guard let items = node.sequence, !items.isEmpty else {
            throw top.error(at: node, "factors: found \(ExperimentMapping.render(node)); expected a list of factors")
        }
        var factors: [ExperimentFactor] = []
        for (index, item) in items.enumerated() {
            let field = "factors[\(index)]"
            let reader = try ExperimentMapping(item, path: field, file: top.file)
            guard let path = try reader.string("path", "a dotted scenario path, or 'scenario'") else {
                throw reader.error(at: item, "\(field).path: missing; expected a dotted scenario path such as "
                                       + "facility.rooms[flower-1].setpoints.co2_ppm")
            }
            if factors.contains(where: { $0.path == path }) {
                throw reader.error(at: item, "\(field).path: '\(path)' is already a factor; each path once")
            }
            let line = item.mark?.line ?? 0
            let values: ExperimentFactor.Values
            if levels {
                values = .levels(try readLevels(reader, field: field, scenario: path == ExperimentFactor.scenarioPath))
            } else {
                if path == ExperimentFactor.scenarioPath {
                    throw reader.error(at: item, "\(field).path: scenario files are no range; vary them in a "
                                           + "full_factorial design or with variants")
                }
                values = try readRange(reader, field: field)
            }
            try reader.finish()
            factors.append(ExperimentFactor(path: path, line: line, values: values))
        }
        return factors
    }

    private static func readLevels(_ reader: ExperimentMapping, field: String, scenario: Bool) throws -> [ExperimentLevel] {
        let expected = scenario ? "a list of scenario files such as [../fleet-normal.yaml, ../fleet-heavy-load.yaml]"
            : "a list of values such as [800, 1000, 1200] or [led-2.8, hps-de-1.7]"
        guard let items = try reader.list("levels", expected, code: .badRange) else {
            throw reader.error(at: reader.node, "\(field).levels: missing; expected \(expected)")
        }
        var levels: [ExperimentLevel] = []
        for item in items {
            let line = item.mark?.line ?? 0
            let level: ExperimentLevel
            if scenario {
                level = ExperimentLevel(value: try scenarioFile(item, field: "\(field).levels", in: reader), number: nil,
                                        line: line)
            } else {
                var number: Double?
                if case .scalar(let scalar) = item, scalar.style == .plain, let value = item.float, value.isFinite {
                    number = value
                }
                level = ExperimentLevel(value: try ExperimentMapping.yaml(item), number: number, line: line)
            }
            if levels.contains(where: { $0.value == level.value }) {
                throw reader.error(.badRange, at: item, "\(field).levels: \(ExperimentMapping.render(item)) is listed twice; "
                                       + "each level once")
            }
            levels.append(level)
        }
        return levels
    }

    private static func readRange(_ reader: ExperimentMapping, field: String) throws -> ExperimentFactor.Values {
        let lowNode = reader.value("low"), highNode = reader.value("high")
        guard let lowNode, let highNode else {
            throw reader.error(at: reader.node, "\(field): expected a range {low: …, high: …} (numbers, in the field's unit)")
        }
        let low = try reader.number(lowNode, field: "\(field).low", in: -1e300...1e300, "a number")
        let high = try reader.number(highNode, field: "\(field).high", in: -1e300...1e300, "a number")
        guard low < high else {
            throw reader.error(.badRange, at: lowNode, "\(field): low \(lowNode.string ?? "") is not below high "
                                   + "\(highNode.string ?? ""); expected low < high")
        }
        var integer = false
        if let node = reader.value("integer") {
            guard case .scalar(let scalar) = node, scalar.style == .plain, let flag = node.bool else {
                throw reader.error(at: node, "\(field).integer: found \(ExperimentMapping.render(node)); expected true or false")
            }
            integer = flag
            if integer && low.rounded(.up) > high.rounded(.down) {
                throw reader.error(.badRange, at: lowNode, "\(field): no whole number lies from \(low) to \(high)")
            }
        }
        return .range(low: low, high: high, integer: integer)
    }
}
