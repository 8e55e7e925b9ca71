import Foundation
import Yams

/// Reads and validates scenario files, reporting every problem with file, line and column.
public enum ScenarioLoader {
    /// Loads the scenario at `path`.
    /// - Throws: `ScenarioError` (file not found, malformed YAML, or every validation issue at once).
    public static func load(path: String) throws -> Scenario {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw ScenarioError(code: .fileNotFound, file: path, issues: [], underlying: nil)
        }
        return try parse(readText(path), file: path)
    }

    /// The text of a YAML file TwinLab reads, refused past `YAMLBudget.standard.maximumBytes`.
    ///
    /// - Throws: ``ScenarioError``: `input-too-large` over the limit, `file-not-found` when the
    ///   file cannot be read as UTF-8 text.
    static func readText(_ path: String) throws -> String {
        do {
            return try BoundedYAML.readFile(path)
        } catch let error as YAMLLimitError {
            throw ScenarioError(code: .tooLarge, file: path, issues: [], underlying: error)
        } catch {
            throw ScenarioError(code: .fileNotFound, file: path, issues: [], underlying: error)
        }
    }

    /// Parses scenario text; `file` names it in messages and anchors relative paths
    /// (`calibration_dir`, weather and price files).
    public static func parse(_ text: String, file: String) throws -> Scenario {
        try parse(text, file: file, calibration: nil)
    }

    /// Parses scenario text stored in a run file with the calibration sets stored beside it:
    /// names resolve against `calibration` only, never against a folder on disk, so the
    /// scenario means what it meant when it ran, from any directory. Weather and price files it
    /// names need not exist any more (their paths are kept as written, resolved against `file`).
    public static func parse(_ text: String, file: String, storedCalibration calibration: [CalibrationSet]) throws -> Scenario {
        try parse(text, file: file, calibration: calibration)
    }

    /// The YAML document of a scenario text, read within `YAMLBudget.standard`.
    ///
    /// - Throws: ``ScenarioError``: `input-too-large` past the budget, `malformed-yaml` when the
    ///   text is not YAML, `invalid-scenario` when it holds no document (reported at `field`,
    ///   `expected` says what the document should hold).
    static func compose(_ text: String, file: String, field: String = "(document)",
                        expected: String = "a scenario starting with 'schema: \(Scenario.schema)'") throws -> Node {
        do {
            guard let node = try BoundedYAML.compose(text, file: file) else {
                throw ScenarioError(code: .invalid, file: file, issues: [
                    ScenarioIssue(file: file, line: 1, column: 1, field: field, value: nil, expected: expected)])
            }
            return node
        } catch let error as ScenarioError {
            throw error
        } catch let error as YAMLLimitError {
            throw ScenarioError(code: .tooLarge, file: file, issues: [], underlying: error)
        } catch {
            throw ScenarioError(code: .malformed, file: file, issues: [], underlying: error)
        }
    }

    private static func parse(_ text: String, file: String, calibration: [CalibrationSet]?) throws -> Scenario {
        let root = try compose(text, file: file)
        let sink = IssueSink()
        sink.readsBackARun = calibration != nil
        let top = FieldReader(file: file, path: "", node: root, sink: sink)
        guard root.mapping != nil else { throw ScenarioError(sink, file: file) }
        let library = calibration.map(CalibrationLibrary.init(stored:))
        let fields = read(top, calibration: library)
        guard sink.issues.isEmpty, let model = fields.model else {
            throw ScenarioError(sink, file: file)
        }
        return Scenario(id: fields.id, title: fields.title, seed: fields.seed, horizonHours: fields.horizon,
                        recordingIntervalMinutes: fields.interval, compressionLevel: fields.compression,
                        recordedChannels: fields.channels,
                        model: model, sourceText: text, calibration: fields.calibration.used,
                        detection: fields.detection)
    }

    /// The JSON Schema of the scenario format, for editors that validate and complete YAML.
    ///
    /// Produced by running `read` in describe mode, so it lists exactly the fields, types,
    /// ranges and defaults the loader enforces.
    public static func jsonSchema() -> String {
        let root = SchemaObject()
        _ = read(FieldReader(file: "(schema)", path: "", node: .mapping(.init([])), sink: IssueSink(), schema: root))
        var json = root.json()
        json["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        json["$id"] = "https://twinlab.dev/schemas/scenario-1.json"
        json["title"] = "TwinLab scenario (\(Scenario.schema))"
        let data = (try? JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads every field of a scenario document; issues go to the reader's sink. Calibration
    /// names resolve in `calibration` when given, else in the scenario's calibration folder.
    static func read(_ top: FieldReader, calibration given: CalibrationLibrary? = nil)
        -> (id: String, title: String, seed: UInt64, horizon: Double, interval: Double, compression: Int,
            channels: [String]?, model: Scenario.Model?, detection: DetectionSpec, calibration: CalibrationLibrary) {
        _ = top.string("schema", allowed: [Scenario.schema])
        let id = top.string("id")
        top.checkID("id", id, names: "the run files")
        let title = top.string("title", default: id)
        let seed = top.seed("seed", default: 1_234_567)
        let horizon = top.double("horizon_hours", in: 1e-6...1e7, unit: "hours")
        var interval = 60.0
        var compression = 0
        var channels: [String]?
        // The model decides which channels exist; in describe mode every model's are allowed.
        let hasFacility = top.peek("facility") != nil
        let hasProcessing = top.peek("processing") != nil
        let hasFleet = top.peek("fleet") != nil
        let allowedChannels = top.schema != nil
            ? MachineShopSpec.channels + FacilitySpec.roomChannels + ProcessingSpec.channels + FleetSpec.machineChannels
            : hasFacility ? FacilitySpec.roomChannels : hasProcessing ? ProcessingSpec.channels
            : hasFleet ? FleetSpec.machineChannels : MachineShopSpec.channels
        if let recording = top.section("recording", required: false) {
            interval = recording.double("interval_minutes", default: 60, in: 1.0 / 60...1e6, unit: "minutes")
            compression = recording.int("compression_level", default: 0, in: 0...9)
            channels = recording.names("channels", allowed: allowedChannels)
            recording.finish()
        }
        let detection = readDetection(top.section("detection", required: false))
        var model: Scenario.Model?
        let hasShop = top.peek("machine_shop") != nil
        // A processing section beside a facility section is the plant its harvests feed.
        let fedPlant = hasFacility && hasProcessing
        let sections = [hasShop, hasFacility, hasProcessing && !fedPlant, hasFleet].filter { $0 }.count
        if top.schema == nil, sections != 1 {
            top.sink.add(top.missing(sections > 1 ? "machine_shop / facility / processing / fleet" : "facility",
                                     expected: sections > 1
                                         ? "one model section, not several of machine_shop, facility, processing and fleet "
                                             + "(only facility + processing go together: the harvests feed the plant)"
                                         : "a model section: facility (grow rooms), processing (post-harvest plant), "
                                             + "fleet (machine twins) or machine_shop"))
        }
        if top.schema != nil || hasShop, let shop = top.section("machine_shop", required: false) {
            let spec = MachineShopSpec(
                machines: shop.int("machines", in: 1...100_000),
                technicians: shop.int("technicians", in: 1...10_000),
                timeToFailure: shop.distribution("time_to_failure_hours", unit: "hours",
                                                 default: .weibull(shape: 2, scale: 100)),
                repairTime: shop.distribution("repair_time_hours", unit: "hours",
                                              default: .lognormal(mean: 4, sd: 2)))
            shop.finish()
            model = .machineShop(spec)
        }
        // Read even when stored sets are given: it marks calibration_dir as a known key.
        let folder = readCalibrationFolder(top)
        let calibration = given ?? folder
        if top.schema != nil || hasFacility, let facility = top.section("facility", required: false) {
            model = .facility(readFacility(facility, calibration: calibration))
        }
        if top.schema != nil || hasProcessing, let processing = top.section("processing", required: false) {
            let plant = readProcessing(processing, fedByFacility: fedPlant)
            if fedPlant, case .facility(var facility)? = model {
                facility.processing = plant
                model = .facility(facility)
            } else if !fedPlant {
                model = .processing(plant)
            }
        }
        if top.schema != nil || hasFleet, let fleet = top.section("fleet", required: false) {
            model = .fleet(readFleet(fleet))
        }
        top.finish()
        return (id, title, seed, horizon, interval, compression, channels, model, detection, calibration)
    }
}
