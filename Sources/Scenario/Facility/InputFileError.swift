/// A file a scenario names (weather, prices) that cannot be used as it is.
public struct InputFileError: Error, CustomStringConvertible {
    /// The file, as resolved against the scenario's folder.
    public var path: String
    /// What is wrong, with the line when one is to blame.
    public var message: String
    /// The file system's or parser's error, when there is one.
    public var underlying: (any Error)?

    public init(path: String, message: String, underlying: (any Error)? = nil) {
        self.path = path
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message + (underlying.map { ": \($0)" } ?? "") }
}
