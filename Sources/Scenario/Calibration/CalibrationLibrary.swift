import Foundation
import Yams

/// The parameter sets of a `calibration/` folder that scenarios refer to by name.
///
/// Files are read on first use and once per load, so a scenario that names no fixture or
/// cultivar never touches the folder. Each entry carries provenance (source, method, date) in
/// the file; the loader keeps only the numbers a model needs. Every file read is kept whole in
/// ``used`` so a run file can store it and be read back without the folder.
final class CalibrationLibrary {
    /// Where the sets come from.
    enum Source {
        /// A calibration folder on disk.
        case folder(String)
        /// The sets a run file stored, by file name (`cultivars.yaml`): reading a run back
        /// uses exactly what the run used, whatever the folder holds today.
        case stored([String: CalibrationSet])
    }

    let source: Source
    /// The sets read so far, in the order they were first needed.
    private(set) var used: [CalibrationSet] = []
    private var fixtureSet: Result<[String: FixtureCalibration], CalibrationProblem>?
    private var cultivarSet: Result<[String: CultivarCalibration], CalibrationProblem>?

    init(folder: String) {
        source = .folder(folder)
    }

    init(stored sets: [CalibrationSet]) {
        source = .stored(Dictionary(sets.map { ($0.file, $0) }) { first, _ in first })
    }

    /// The folder next to the scenario's own: `<scenario dir>/../calibration`, or `calibration`
    /// in the working directory for a scenario without a path.
    static func defaultFolder(forScenarioAt file: String) -> String {
        let directory = (file as NSString).deletingLastPathComponent
        if directory.isEmpty { return "calibration" }
        return ((directory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("calibration")
    }

    func fixtures() -> Result<[String: FixtureCalibration], CalibrationProblem> {
        if let fixtureSet { return fixtureSet }
        let loaded = load("fixtures.yaml", section: "fixtures") { name, entry -> FixtureCalibration? in
            guard let lamp = entry["lamp"]?.string, ["led", "hps"].contains(lamp),
                  let efficacy = entry["efficacy_umol_per_j"]?.float, (0.5...4.5).contains(efficacy) else { return nil }
            return FixtureCalibration(name: name, lamp: lamp, efficacy: efficacy)
        }
        fixtureSet = loaded
        return loaded
    }

    func cultivars() -> Result<[String: CultivarCalibration], CalibrationProblem> {
        if let cultivarSet { return cultivarSet }
        let loaded = load("cultivars.yaml", section: "cultivars") { name, entry -> CultivarCalibration? in
            guard let pce = entry["pce_g_per_mol"]?.float, (0.05...1).contains(pce),
                  let flowering = entry["flowering_days"]?.float, (1...365).contains(flowering),
                  let vegetative = entry["vegetative_days"]?.float, (1...365).contains(vegetative),
                  let optimum = entry["optimum_temperature_c"]?.float,
                  let maximum = entry["maximum_temperature_c"]?.float, optimum < maximum else { return nil }
            return CultivarCalibration(name: name, photonConversionEfficiency: pce, floweringDays: flowering,
                                       vegetativeDays: vegetative, optimumTemperature: optimum,
                                       maximumTemperature: maximum)
        }
        cultivarSet = loaded
        return loaded
    }

    private func load<Entry>(_ fileName: String, section: String, entry parse: (String, Node) -> Entry?)
        -> Result<[String: Entry], CalibrationProblem> {
        let path: String
        let text: String
        switch source {
        case .folder(let folder):
            path = (folder as NSString).appendingPathComponent(fileName)
            do {
                text = try BoundedYAML.readFile(path)
            } catch let error as YAMLLimitError {
                return .failure(CalibrationProblem(message: "\(error)"))
            } catch {
                return .failure(CalibrationProblem(message: "calibration set '\(path)' not found; set calibration_dir"))
            }
            used.append(CalibrationSet(file: fileName, sourcePath: Self.absolute(path), text: text))
        case .stored(let sets):
            guard let set = sets[fileName] else {
                return .failure(CalibrationProblem(
                    message: "the run file stores no calibration set '\(fileName)' (stored: "
                        + "\(sets.keys.sorted().joined(separator: ", ")))"))
            }
            path = "\(set.sourcePath) (as stored in the run file)"
            text = set.text
            used.append(set)
        }
        let root: Node?
        do {
            root = try BoundedYAML.compose(text, file: path)
        } catch let error as YAMLLimitError {
            return .failure(CalibrationProblem(message: "\(error)"))
        } catch {
            root = nil
        }
        guard let entries = root?.mapping?[Node(section)]?.mapping else {
            return .failure(CalibrationProblem(message: "'\(path)' is not a calibration set (no '\(section)' mapping)"))
        }
        var result: [String: Entry] = [:]
        for (key, value) in entries {
            guard let name = key.string, let parsed = parse(name, value) else {
                return .failure(CalibrationProblem(
                    message: "'\(path)' line \((key.mark?.line).map(String.init) ?? "?"): entry '\(key.string ?? "?")' "
                        + "has missing or impossible values"))
            }
            result[name] = parsed
        }
        return .success(result)
    }

    /// `path` made absolute against the working directory, for provenance.
    private static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (full as NSString).standardizingPath
    }
}

/// Why a calibration set could not be used.
struct CalibrationProblem: Error {
    let message: String
}

/// A lighting fixture type from `fixtures.yaml`.
struct FixtureCalibration {
    let name: String
    let lamp: String
    let efficacy: Double
}

/// A cannabis cultivar from `cultivars.yaml`.
struct CultivarCalibration {
    let name: String
    let photonConversionEfficiency: Double
    let floweringDays: Double
    let vegetativeDays: Double
    let optimumTemperature: Double
    let maximumTemperature: Double
}
