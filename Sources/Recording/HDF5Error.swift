/// A failed HDF5 operation: what was attempted, on which file and object, and HDF5's own explanation.
///
/// `message` is written for the person running TwinLab: it names the file path, the object inside
/// the file and the operation. `cause` carries the HDF5 error stack (the API call first, then
/// each deeper reason after `<-`), which is what an HDF5 expert needs; it is empty when the failure was detected by
/// TwinLab before calling HDF5 (a wrong row length, a closed handle, a type mismatch).
public struct HDF5Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of operation that failed; stable for scripts and tests.
    public enum Code: String, Sendable, Equatable {
        case fileNotFound
        case fileCreate
        case fileOpen
        case fileClose
        case flush
        case groupCreate
        case groupOpen
        case datasetCreate
        case datasetOpen
        case datasetWrite
        case datasetRead
        case attributeWrite
        case attributeRead
        case notFound
        case typeMismatch
        case invalidArgument
        case closed
        case listing
    }

    /// The kind of operation that failed.
    public let code: Code
    /// A human-readable sentence naming the file path, the object and the operation.
    public let message: String
    /// The HDF5 file the operation was about.
    public let path: String
    /// The HDF5 error stack text, or an empty string when HDF5 itself reported nothing.
    public let cause: String

    /// Creates an error; `cause` defaults to empty for failures TwinLab detects itself.
    public init(code: Code, message: String, path: String, cause: String = "") {
        self.code = code
        self.message = message
        self.path = path
        self.cause = cause
    }

    public var description: String {
        cause.isEmpty ? message : "\(message) [HDF5: \(cause)]"
    }
}
