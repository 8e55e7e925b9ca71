/// Something that carries one chat-completions request to a model server and brings back
/// the response body.
///
/// `HTTPChatTransport` is the real one; tests and offline tools can supply their own.
public protocol ChatTransport: Sendable {
    /// Sends `body` (a JSON request) and returns the response body of a 2xx answer; gives up
    /// after `timeoutSeconds` of wall time.
    func send(_ body: [UInt8], timeoutSeconds: Double) throws(ChatTransportError) -> [UInt8]
}
