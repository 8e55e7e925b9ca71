import Experiments
import Foundation

/// What `twinlab experiment summary` does: print an experiment folder's summary.
public struct ExperimentSummaryAction: Sendable {
    public enum Format: Sendable {
        /// Tables for a person.
        case text
        /// `summary.json`, byte for byte.
        case json
        /// `summary.csv`, byte for byte.
        case csv
    }

    public var folder: String
    public var format: Format = .text

    public init(folder: String) { self.folder = folder }

    /// Exit 0, or 4 when the folder has no readable summary (with how to make one).
    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        let files = ExperimentFolder(path: folder)
        let path = format == .csv ? files.summaryCSV : files.summaryJSON
        guard let data = FileManager.default.contents(atPath: path) else {
            let hint = FileManager.default.fileExists(atPath: files.manifest)
                ? "its runs are not collected yet: `twinlab experiment collect \(folder)` writes it"
                : "it is not an experiment folder (no manifest.json); `twinlab experiment run FILE --output \(folder)` makes one"
            err("error: '\(folder)' has no \((path as NSString).lastPathComponent): \(hint)")
            return .ioError
        }
        switch format {
        case .json, .csv:
            out(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
        case .text:
            // The manifest says what each design point sets; without it the points go by name alone.
            let settings = ExperimentManifest.Point.labels((try? ExperimentManifest.read(from: files))?.points ?? [])
            do {
                out(try ExperimentSummary.decode(json: data).text(settings: settings).trimmingCharacters(in: .newlines))
            } catch {
                err("error: '\(path)' is not an experiment summary: \(error)")
                return .ioError
            }
            if let missing = try? String(contentsOfFile: files.missingTable, encoding: .utf8) {
                let rows = missing.split(separator: "\n").dropFirst()
                out("\n" + (rows.count == 1 ? "1 run has" : "\(rows.count) runs have")
                        + " no finished result and \(rows.count == 1 ? "is" : "are") left out (\(files.missingTable)):")
                for row in rows.prefix(10) { out("  " + row) }
                if rows.count > 10 { out("  …") }
            }
        }
        return .success
    }
}
