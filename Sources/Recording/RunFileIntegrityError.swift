/// Why a file cannot be trusted as a TwinLab run: missing, foreign, unfinished, or changed
/// since it was written.
///
/// The description opens with what kind of refusal it is, so scripts and people see it first:
/// `integrity check failed:` (the file was a run and is not intact), `not a TwinLab run:`,
/// `incomplete run:`, or `cannot read` (the file is missing or not accessible).
public struct RunFileIntegrityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of refusal; stable for scripts and tests.
    public enum Code: String, Sendable, Equatable {
        /// Nothing at the path, a folder, no permission, or locked by a writer: an I/O problem.
        case unreadable
        /// The file is not HDF5 (no HDF5 signature), or empty.
        case notHDF5
        /// HDF5, but its root attribute `schema` is not a TwinLab run schema.
        case notARunFile
        /// A TwinLab run that never finished (`status` is `incomplete`).
        case incomplete
        /// HDF5 cannot open the file, an object or an attribute, or something in it has a type
        /// or value a run file never has (such as an unknown `status`).
        case damaged
        /// A dataset's chunk fails HDF5's Fletcher-32 checksum.
        case checksum
        /// A finished run without the `output_digest` attribute.
        case digestMissing
        /// The content's digest differs from the stored `output_digest`.
        case digestMismatch
    }

    public let code: Code
    /// What is wrong, naming the file and, where known, the object.
    public let message: String
    /// The file checked.
    public let path: String
    /// The group or dataset at fault (an absolute path inside the file), when one is known.
    public let object: String?
    /// The underlying HDF5 error stack or system error, or empty.
    public let cause: String

    public init(_ code: Code, _ message: String, path: String, object: String? = nil, cause: String = "") {
        self.code = code
        self.message = message
        self.path = path
        self.object = object
        self.cause = cause
    }

    /// Whether the file was judged a run that is no longer intact (as opposed to foreign,
    /// unfinished or unreadable).
    public var isIntegrityFailure: Bool {
        switch code {
        case .damaged, .checksum, .digestMissing, .digestMismatch: true
        case .unreadable, .notHDF5, .notARunFile, .incomplete: false
        }
    }

    /// The opening words of ``description``.
    public var verdict: String {
        switch code {
        case .damaged, .checksum, .digestMissing, .digestMismatch: "integrity check failed"
        case .notHDF5, .notARunFile: "not a TwinLab run"
        case .incomplete: "incomplete run"
        case .unreadable: "cannot read the run file"
        }
    }

    public var description: String {
        "\(verdict): \(message)" + (cause.isEmpty ? "" : " [\(cause)]")
    }
}
