/// Why a request got no usable answer.
public struct ChatTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The server could not be reached (refused, DNS, TLS).
        case connection
        /// No answer within the timeout.
        case timeout
        /// The server answered with a status ≥ 400.
        case status
        /// Anything else (a malformed URL, a cancelled task).
        case other
    }

    public var kind: Kind
    /// The HTTP status for `.status`, else nil.
    public var status: Int?
    public var message: String

    public init(_ kind: Kind, status: Int? = nil, _ message: String) {
        self.kind = kind
        self.status = status
        self.message = message
    }

    /// Whether trying again may help: connection problems, timeouts, 429 and 5xx do; other
    /// 4xx answers (bad request, unauthorised, unknown model) will not change.
    public var isRetryable: Bool {
        switch kind {
        case .connection, .timeout: true
        case .status: status.map { $0 == 429 || $0 >= 500 } ?? false
        case .other: false
        }
    }

    public var description: String {
        kind == .status ? "HTTP \(status ?? 0): \(message)" : "\(kind.rawValue): \(message)"
    }
}
