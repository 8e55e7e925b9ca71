import Foundation

/// Short names and values of factors for the summary tables, so a row fits a terminal.
///
/// `facility.rooms[flower-1].setpoints.co2_ppm` reads as `co2_ppm` when no other factor of the
/// experiment ends the same way; a value like `1.0125000000000002` as `1.013`. The files keep
/// the full paths and values; this is only how the tables show them.
enum FactorLabel {
    /// The last dotted component of `path`, or the whole path when another of `paths` shares it.
    static func short(_ path: String, among paths: [String]) -> String {
        let last = lastComponent(path)
        return paths.filter { lastComponent($0) == last }.count > 1 ? path : last
    }

    /// A number with four significant digits (whole numbers as they are), other text unchanged;
    /// a scenario file by its name.
    static func value(_ text: String, path: String) -> String {
        if path == "scenario" { return (text as NSString).lastPathComponent }
        guard let number = Double(text), number.isFinite, number != number.rounded() else { return text }
        return String(format: "%.4g", number)
    }

    private static func lastComponent(_ path: String) -> String {
        path.split(separator: ".").last.map(String.init) ?? path
    }
}
