import Foundation
import Scenario

/// A found policy written as a scenario: the source scenario with the policy's settings in
/// every room, the episode's seed and horizon, and its file paths re-anchored to where the new
/// file lives, so that `twinlab run` of it reproduces the optimizer's KPIs exactly.
///
/// The policy maps onto scenario keys one to one: the lights-on hour onto
/// `lighting.lights_on_hour`, the temperature offsets onto `setpoints.day_temperature_offset_c`
/// and `night_temperature_offset_c` (added to any offset the room already has), the CO₂ target
/// onto `setpoints.co2_ppm`.
public enum PolicyScenario {
    /// The scenario text for `policy` applied to every room of `scenario`.
    ///
    /// - Parameters:
    ///   - scenario: the scenario the policy was found on (its `sourceText` is edited).
    ///   - sourcePath: where that scenario was read from (its relative paths are relative to it).
    ///   - destinationPath: where the text will be written.
    ///   - header: comment lines put on top (without `#`).
    /// - Throws: ``ScenarioError`` when an edit does not fit the scenario (an offset summed past
    ///   its range) or the result does not load.
    public static func text(for policy: RoomPolicy, scenario: Scenario, sourcePath: String, destinationPath: String,
                            seed: UInt64, horizonHours: Double, header: [String]) throws -> String {
        guard case .facility(let spec) = scenario.model else {
            throw RunError(code: .simulation, message: "'\(scenario.id)' has no facility section; policies apply to rooms")
        }
        var editor = try ScenarioEditor(text: scenario.sourceText, file: sourcePath)
        var edits: [ScenarioEditor.Edit] = [
            .init(path: "id", value: scenario.id + "-optimized"),
            .init(path: "seed", value: String(seed)),
            .init(path: "horizon_hours", number: horizonHours),
        ]
        for room in spec.rooms {
            let prefix = "facility.rooms[\(room.id)]"
            if let hour = policy.lightsOnHour { edits.append(.init(path: "\(prefix).lighting.lights_on_hour", number: hour)) }
            if policy.temperatureOffset != 0 {
                edits.append(.init(path: "\(prefix).setpoints.day_temperature_offset_c",
                                   number: room.setpoints.dayTemperatureOffset + policy.temperatureOffset))
            }
            if policy.nightTemperatureOffset != 0 {
                edits.append(.init(path: "\(prefix).setpoints.night_temperature_offset_c",
                                   number: room.setpoints.nightTemperatureOffset + policy.nightTemperatureOffset))
            }
            if let co2 = policy.co2Target { edits.append(.init(path: "\(prefix).setpoints.co2_ppm", number: co2)) }
        }
        try editor.apply(edits)
        try reanchorPaths(in: &editor, from: sourcePath, to: destinationPath)
        let text = header.map { "# \($0)" }.joined(separator: "\n") + "\n" + (try editor.text())
        _ = try ScenarioLoader.parse(text, file: destinationPath)
        return text
    }

    /// Rewrites the relative paths a scenario holds (the calibration folder, weather and price
    /// files) so they point at the same files from the destination's folder.
    static func reanchorPaths(in editor: inout ScenarioEditor, from source: String, to destination: String) throws {
        let sourceFolder = absolute((source as NSString).deletingLastPathComponent)
        let destinationFolder = absolute((destination as NSString).deletingLastPathComponent)
        guard sourceFolder != destinationFolder else { return }
        var edits: [ScenarioEditor.Edit] = []
        for path in ["facility.weather.file", "facility.tariff.prices_file"] {
            if let value = try editor.value(at: path)?.string, !value.hasPrefix("/") {
                let target = (sourceFolder as NSString).appendingPathComponent(value)
                edits.append(.init(path: path, value: relative(absolute(target), from: destinationFolder)))
            }
        }
        // The calibration folder defaults to ../calibration beside the scenario's folder.
        let given = try editor.value(at: "calibration_dir")?.string ?? ""
        if !given.hasPrefix("/") {
            let folder = given.isEmpty
                ? CalibrationFolder.default(forScenarioAt: absolute(source))
                : (sourceFolder as NSString).appendingPathComponent(given)
            edits.append(.init(path: "calibration_dir", value: relative(absolute(folder), from: destinationFolder)))
        }
        try editor.apply(edits)
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path.isEmpty ? "." : path)
        return (full as NSString).standardizingPath
    }

    /// `target` as a path relative to the folder `base` (both absolute and standardized).
    static func relative(_ target: String, from base: String) -> String {
        let t = target.split(separator: "/"), b = base.split(separator: "/")
        var common = 0
        while common < min(t.count, b.count), t[common] == b[common] { common += 1 }
        let parts = Array(repeating: "..", count: b.count - common) + t[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
