/// A cassette file that cannot be read or written, or a replay that asked for requests the
/// cassette does not hold.
public struct LLMCassetteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
