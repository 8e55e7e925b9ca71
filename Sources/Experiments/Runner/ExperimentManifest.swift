import Foundation
import Lab
import Scenario

/// What an experiment asked for, written to `manifest.json` before the first run.
///
/// It names the experiment file (with its SHA-256, so `collect` notices an edit between the
/// shards and the merge), the scenario, TwinLab's version, and every cell with its seed,
/// overrides and run file. It holds no times and no host names: the same experiment gives
/// the same manifest bytes.
public struct ExperimentManifest: Codable, Sendable, Equatable {
    public struct Cell: Codable, Sendable, Equatable {
        public var index: Int
        public var variant: String
        public var point: Int?
        public var seed: UInt64
        /// `path=value`, as `--set` takes them.
        public var overrides: [String]
        /// Relative to the experiment folder.
        public var runFile: String

        enum CodingKeys: String, CodingKey {
            case index, variant, point, seed, overrides
            case runFile = "run_file"
        }
    }

    /// A design point and the factor values that make it.
    public struct Point: Codable, Sendable, Equatable {
        /// `p<k>`.
        public var name: String
        /// Every factor's value as written, by path (scenario files as given in the experiment file).
        public var settings: [String: String]

        public init(_ point: ExperimentPoint) {
            name = point.name
            settings = point.settings
        }

        /// Each point's ``label`` by its name, for the summary tables.
        public static func labels(_ points: [Point]) -> [String: String] {
            Dictionary(points.map { ($0.name, $0.label) }, uniquingKeysWith: { first, _ in first })
        }

        /// `count=2, scenario=fleet-heavy-load.yaml`: the settings by path, each path by its last
        /// component unless two share it, numbers to four digits, a scenario file by its name.
        public var label: String {
            let paths = Array(settings.keys)
            return settings.sorted { $0.key < $1.key }.map { path, value in
                FactorLabel.short(path, among: paths) + "=" + FactorLabel.value(value, path: path)
            }.joined(separator: ", ")
        }
    }

    public var schema = "twinlab/experiment-manifest@1"
    public var experimentID: String
    public var experimentFile: String
    public var experimentSHA256: String
    public var scenarioFile: String
    public var twinlabVersion: String
    public var untilHours: Double?
    public var seeds: [UInt64]
    public var baseline: String?
    public var responses: [String]
    public var variants: [String]
    /// The design points with their factor values (empty for named variants).
    public var points: [Point]
    public var cells: [Cell]

    enum CodingKeys: String, CodingKey {
        case schema, seeds, baseline, responses, variants, points, cells
        case experimentID = "experiment_id", experimentFile = "experiment_file"
        case experimentSHA256 = "experiment_sha256", scenarioFile = "scenario_file"
        case twinlabVersion = "twinlab_version", untilHours = "until_hours"
    }

    /// The manifest of a plan run by `runner`.
    public init(plan: ExperimentPlan, runner: ExperimentRunner) throws {
        let spec = plan.spec
        experimentID = spec.id
        experimentFile = URL(fileURLWithPath: spec.sourcePath).standardizedFileURL.path
        experimentSHA256 = try Self.sha256(ofFile: spec.sourcePath)
        scenarioFile = spec.scenarioPath
        twinlabVersion = TwinLabVersion.current
        untilHours = spec.untilHours
        seeds = spec.seeds
        baseline = spec.baseline
        responses = spec.responses
        variants = plan.variants
        points = plan.points.filter { $0.index != nil }.map(Point.init)
        cells = plan.cells.map { cell in
            Cell(index: cell.index, variant: cell.variant, point: cell.point, seed: cell.seed,
                 overrides: cell.overrides.map { "\($0.path)=\($0.value)" },
                 runFile: runner.folder.relative(runner.runFile(of: cell)))
        }
    }

    /// The SHA-256 of a file's bytes, hex.
    public static func sha256(ofFile path: String) throws -> String {
        do {
            return SHA256Hash.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        } catch {
            throw ExperimentRunError(.unreadable, "cannot read '\(path)'", underlying: error)
        }
    }

    /// Pretty, key-sorted JSON: stable bytes for equal manifests.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Reads `manifest.json` from an experiment folder.
    public static func read(from folder: ExperimentFolder) throws -> ExperimentManifest {
        guard FileManager.default.fileExists(atPath: folder.manifest) else {
            throw ExperimentRunError(
                .unreadable, "'\(folder.path)' is not an experiment folder: it has no manifest.json "
                    + "(`twinlab experiment run` writes it)")
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder.manifest))
            return try JSONDecoder().decode(ExperimentManifest.self, from: data)
        } catch {
            throw ExperimentRunError(
                .unreadable, "'\(folder.manifest)' cannot be read: damaged, or written by another TwinLab version; "
                    + "rerun `twinlab experiment run` on the experiment file into this folder to rewrite it "
                    + "(finished runs are reused)",
                underlying: error)
        }
    }
}
