import Foundation

/// Writes a run's time series as CSV files a spreadsheet opens directly.
///
/// One file per table, `<run file stem>-<table>.csv`, with a header `column [unit]` and
/// numbers in shortest round-trip form (Swift's `description` of a `Double`), so a
/// re-import gives back the exact values.
public enum CSVExporter {
    /// Exports every time series of the run at `runPath` into `directory`; returns the files written.
    ///
    /// The file is verified first (``RunFileVerifier``; a killed run's partial file is
    /// accepted, its datasets checksum-checked), so nothing is written from a file that is
    /// not a TwinLab run or not intact.
    /// - Throws: ``RunFileIntegrityError``, or an error writing the CSV files.
    public static func export(runPath: String, to directory: String) throws -> [String] {
        let run = try RunFileReader(verifying: runPath, allowIncomplete: true)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stem = ((runPath as NSString).lastPathComponent as NSString).deletingPathExtension
        var written: [String] = []
        for tablePath in try run.tablePaths() {
            let name = RunFileReader.displayName(of: tablePath)
            let table = try run.table(tablePath)
            var text = zip(table.columns, table.units).map { "\($0) [\($1)]" }.joined(separator: ",") + "\n"
            text.reserveCapacity(table.rowCount * table.columns.count * 8)
            for row in 0..<table.rowCount {
                text += table.row(row).map { $0.description }.joined(separator: ",")
                text += "\n"
            }
            let path = (directory as NSString).appendingPathComponent("\(stem)-\(name).csv")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            written.append(path)
        }
        return written
    }
}
