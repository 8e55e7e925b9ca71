/// Why a dataset export (`twinlab export minari`, `twinlab export cmapss`) refused or failed.
///
/// `message` names the run file, the object or channel, and what to do about it.
public struct DatasetExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; stable for scripts and tests.
    public enum Code: String, Sendable, Equatable {
        /// The input is missing, not HDF5, or not a TwinLab run file (`schema` is not `twinlab/run@1`).
        case notARunFile
        /// The run never finished (`status` is not `complete`, or the file still ends in `.partial`).
        case incompleteRun
        /// The run file failed its integrity check: a dataset's Fletcher-32 checksum or the
        /// output digest says it changed after the run wrote it.
        case integrityFailed
        /// The run's model has no export in this format (e.g. a processing run to C-MAPSS).
        case wrongModel
        /// `recording.channels` left out channels the format needs.
        case missingChannels
        /// The run file is inconsistent with its own layout (row counts, indices).
        case malformedRun
        /// No machine failed in the run, so a run-to-failure set would have no training unit
        /// (C-MAPSS without `allowEmpty`).
        case noFailedUnits
        /// The dataset id or name is not valid for the format.
        case invalidName
        /// The output already exists and `force` was not given.
        case outputExists
        /// The output directory or a file in it cannot be created or written.
        case outputNotWritable
    }

    public let code: Code
    /// A sentence for the person exporting: what, where, and how to fix it.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
