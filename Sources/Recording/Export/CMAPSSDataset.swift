import Foundation

/// Run-to-failure data in the text form of NASA's C-MAPSS turbofan set (Saxena et al., PHM'08),
/// so RUL models written for `train_FD001.txt` read it unchanged.
///
/// Files, space-separated, no header, one row per cycle: `train_<name>.txt` (units that ran
/// to failure), `test_<name>.txt` (units cut off while still running), `RUL_<name>.txt` (one
/// integer per test unit, its true remaining cycles after its last row) and
/// `columns_<name>.txt` (every column with its unit, then where each unit came from).
/// Columns: unit (from ``firstUnit``), cycle (from 1), the operating settings, the sensors.
/// Numbers are written in shortest round-trip form, so the same data gives the same bytes.
/// Sets written with consecutive ``firstUnit``s (each from the previous set's
/// ``nextFirstUnit``) can be concatenated file by file without two units sharing a number.
public struct CMAPSSDataset: Sendable {
    /// A column's name, unit and meaning, for `columns_<name>.txt`.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var unit: String
        public var meaning: String
        public init(_ name: String, _ unit: String, _ meaning: String) {
            self.name = name
            self.unit = unit
            self.meaning = meaning
        }
    }

    /// One unit: its rows (settings then sensors per cycle) and, for a test unit, its true RUL.
    public struct Unit: Sendable, Equatable {
        /// One array per cycle: `settings.count + sensors.count` values.
        public var cycles: [[Double]]
        /// Remaining cycles after the last row; nil for a unit that ran to failure (train).
        public var remainingCycles: Int?
        /// Where the unit came from, e.g. `pump-3 life 2: 0–1234 h, failed (bearing)`.
        public var origin: String
        public init(cycles: [[Double]], remainingCycles: Int?, origin: String) {
            self.cycles = cycles
            self.remainingCycles = remainingCycles
            self.origin = origin
        }
    }

    /// The subset name in file names (`FD-twinlab` → `train_FD-twinlab.txt`).
    public var name: String
    public var settings: [Column]
    public var sensors: [Column]
    /// What a cycle is (e.g. "one recording interval of 1 h").
    public var cycleMeaning: String
    /// Units in file order; train and test units are numbered separately from ``firstUnit``.
    public var units: [Unit]
    /// The number of the first train unit and of the first test unit (≥ 1).
    public var firstUnit: Int

    public init(name: String, settings: [Column], sensors: [Column], cycleMeaning: String, units: [Unit],
                firstUnit: Int = 1) {
        self.name = name
        self.settings = settings
        self.sensors = sensors
        self.cycleMeaning = cycleMeaning
        self.units = units
        self.firstUnit = firstUnit
    }

    public var trainUnits: [Unit] { units.filter { $0.remainingCycles == nil } }
    public var testUnits: [Unit] { units.filter { $0.remainingCycles != nil } }

    /// The first unit number no unit of this set uses, in train or test: the ``firstUnit`` of
    /// the next set, so that the files of both can be concatenated.
    public var nextFirstUnit: Int { firstUnit + max(trainUnits.count, testUnits.count) }

    /// The four file names, in the order they are written.
    public var fileNames: [String] { ["train", "test", "RUL", "columns"].map { "\($0)_\(name).txt" } }

    /// Writes the four files into `directory` (created if needed); returns their paths.
    ///
    /// - Throws: ``DatasetExportError`` `.outputExists` when one of the files exists and `force`
    ///   is false, `.outputNotWritable`, `.invalidName` for a name that is not a plain file stem
    ///   or a ``firstUnit`` below 1.
    @discardableResult
    public func write(directory: String, force: Bool = false) throws -> [String] {
        guard name.range(of: #"^[A-Za-z0-9][-_.A-Za-z0-9]*$"#, options: .regularExpression) != nil else {
            throw DatasetExportError(.invalidName, "C-MAPSS name '\(name)' must be letters, digits, '-', '_' or '.', e.g. FD-twinlab")
        }
        guard firstUnit >= 1 else {
            throw DatasetExportError(.invalidName, "the first C-MAPSS unit number must be at least 1, not \(firstUnit)")
        }
        let paths = fileNames.map { (directory as NSString).appendingPathComponent($0) }
        if !force, let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw DatasetExportError(.outputExists, "'\(existing)' already exists; pass --force to replace it")
        }
        let texts = [rows(trainUnits), rows(testUnits),
                     testUnits.map { "\($0.remainingCycles ?? 0)\n" }.joined(), columnsText()]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (path, text) in zip(paths, texts) { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        } catch {
            throw DatasetExportError(.outputNotWritable, "cannot write the C-MAPSS files into '\(directory)': \(error.localizedDescription)")
        }
        return paths
    }

    private func rows(_ units: [Unit]) -> String {
        var text = ""
        for (index, unit) in units.enumerated() {
            for (cycle, values) in unit.cycles.enumerated() {
                text += "\(firstUnit + index) \(cycle + 1) " + values.map(Self.number).joined(separator: " ") + "\n"
            }
        }
        return text
    }

    private func columnsText() -> String {
        let all = [Column("unit", "count", "unit number, from \(firstUnit), separately in train and test"),
                   Column("cycle", "count", "cycle number from 1; \(cycleMeaning)")] + settings + sensors
        var text = "# columns of train_\(name).txt and test_\(name).txt (space-separated, no header)\n"
        for (index, column) in all.enumerated() {
            text += "\(index + 1) \(column.name) [\(column.unit)] \(column.meaning)\n"
        }
        text += "# RUL_\(name).txt: one integer per test unit, the cycles it still had after its last row\n"
        text += "# train units\n"
        for (index, unit) in trainUnits.enumerated() { text += "train \(firstUnit + index): \(unit.origin)\n" }
        text += "# test units\n"
        for (index, unit) in testUnits.enumerated() { text += "test \(firstUnit + index): \(unit.origin)\n" }
        return text
    }

    /// Integers without a fraction, everything else in shortest round-trip form.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
