/// Why an LLM reply (or the exchange that should have produced it) gave no valid decision.
///
/// The agent falls back to the expert policy on every one of these and writes
/// `code: message` to the audit log's `notes`.
public struct LLMReplyError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The request could not be completed: connection refused, timeout, HTTP status ≥ 400.
        case transport
        /// The body is not a chat-completions response with `choices[0].message.content` text.
        case badEnvelope = "bad-envelope"
        /// The message content is not one JSON document.
        case malformedJSON = "malformed-json"
        /// The content is JSON but not an object.
        case notAnObject = "not-an-object"
        /// A required decision field is absent.
        case missingField = "missing-field"
        /// A key outside the contract.
        case unexpectedField = "unexpected-field"
        /// A field of the wrong JSON type.
        case wrongType = "wrong-type"
        /// An enum value outside the contract, a negative or oversized value.
        case invalidValue = "invalid-value"
        /// Replay mode and the cassette holds no answer for this request.
        case cassetteMiss = "cassette-miss"
    }

    public var code: Code
    /// The decision field concerned, when there is one.
    public var field: String?
    public var message: String

    public init(_ code: Code, field: String? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
