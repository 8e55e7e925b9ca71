import Foundation
import Lab
import Recording

/// What `twinlab export minari` and `twinlab export cmapss` do.
public struct ExportDatasetAction: Sendable {
    /// The dataset format.
    public enum Format: Sendable, Equatable {
        /// A Minari dataset under `output`; nil id: `twinlab/<scenario id>/<machine-lives|rooms>-v0`.
        case minari(datasetID: String?)
        /// C-MAPSS text files in `output`, named after the subset.
        case cmapss(name: String)
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
                out("load it: MINARI_DATASETS_PATH=\(output) python3 -c \"import minari; "
                    + "print(minari.load_dataset('\(summary.name)').total_steps)\"")
            case .cmapss(let name):
                summary = try DatasetExport.cmapss(runPath: runPath, directory: output, name: name, options: options)
                out("wrote C-MAPSS set \(summary.name): \(summary.failures) train units (run to failure), "
                    + "\(summary.episodes - summary.failures) test units, \(summary.steps) rows")
                for file in summary.files { out("  \(file)") }
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

    /// The exit status for each kind of export failure.
    static func status(of code: DatasetExportError.Code) -> ExitStatus {
        switch code {
        case .notARunFile, .incompleteRun, .wrongModel, .missingChannels, .malformedRun: .unusableRun
        case .invalidName: .usage
        case .outputExists: .outputExists
        case .outputNotWritable: .ioError
        }
    }
}
