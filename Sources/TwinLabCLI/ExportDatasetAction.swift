import Foundation
import Lab
import Recording

/// What `twinlab export minari` and `twinlab export cmapss` do.
public struct ExportDatasetAction: Sendable {
    /// The dataset format.
    public enum Format: Sendable, Equatable {
        /// A Minari dataset under `output`; nil id: `DatasetExport.defaultDatasetID(runPath:)`.
        case minari(datasetID: String?)
        /// C-MAPSS text files in `output`, named after the subset, units numbered from `firstUnit`.
        case cmapss(name: String, firstUnit: Int = 1)
    }

    public var runPath: String
    public var output: String
    public var format: Format
    public var options: DatasetExportOptions

    public init(runPath: String, output: String, format: Format, options: DatasetExportOptions = DatasetExportOptions()) {
        self.runPath = runPath
        self.output = output
        self.format = format
        self.options = options
    }

    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        let started = Date()
        do {
            let summary: DatasetExportSummary
            switch format {
            case .minari(let id):
                summary = try DatasetExport.minari(runPath: runPath, root: output, datasetID: id, options: options)
                out("wrote Minari dataset \(summary.name): \(summary.episodes) episodes (\(summary.failures) ending in a failure), "
                    + "\(summary.steps) steps")
                out("  \(summary.location)")
                out("load it with a Python that has minari (e.g. the project's .venv/bin/python):")
                out("  " + Self.loadCommand(root: output, datasetID: summary.name))
            case .cmapss(let name, let firstUnit):
                summary = try DatasetExport.cmapss(runPath: runPath, directory: output, name: name, firstUnit: firstUnit,
                                                   options: options)
                if summary.failures == 0 {
                    err("warning: no machine failed in this run: train_\(name).txt is empty (written because of --allow-empty)")
                }
                out("wrote C-MAPSS set \(summary.name): \(summary.failures) train units (run to failure), "
                    + "\(summary.episodes - summary.failures) test units, \(summary.steps) rows")
                for file in summary.files { out("  \(file)") }
                if let next = summary.nextFirstUnit, summary.episodes > 0 {
                    out("units \(firstUnit)-\(next - 1); to add another run's units to these files without clashes, "
                        + "export it with --first-unit \(next)")
                }
            }
            out(String(format: "took %.2f s", Date().timeIntervalSince(started)))
            return .success
        } catch let error as DatasetExportError {
            err("error: \(error)")
            return Self.status(of: error.code)
        } catch {
            err("error: \(error)")
            return .ioError
        }
    }

    /// The shell command that loads dataset `datasetID` stored under `root` and prints its step
    /// count: `MINARI_DATASETS_PATH=<absolute root> python -c "…"`. Minari refuses a relative
    /// `MINARI_DATASETS_PATH`, so the root is made absolute against the working directory, and
    /// quoted for a POSIX shell when it holds anything but plain path characters.
    static func loadCommand(root: String, datasetID: String) -> String {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        return "MINARI_DATASETS_PATH=\(shellQuoted(absolute)) python -c \"import minari; "
            + "print(minari.load_dataset('\(datasetID)').total_steps)\""
    }

    /// `text` as one POSIX shell word: unchanged when it is only letters, digits and `/._-+,:@%`,
    /// else in single quotes (a quote inside written as `'\''`).
    static func shellQuoted(_ text: String) -> String {
        if !text.isEmpty, text.range(of: #"^[-A-Za-z0-9/._+,:@%]+$"#, options: .regularExpression) != nil { return text }
        return "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// The exit status for each kind of export failure.
    static func status(of code: DatasetExportError.Code) -> ExitStatus {
        switch code {
        case .notARunFile, .incompleteRun, .integrityFailed, .wrongModel, .missingChannels, .malformedRun, .noFailedUnits:
            .unusableRun
        case .invalidName: .usage
        case .outputExists: .outputExists
        case .outputNotWritable: .ioError
        }
    }
}
