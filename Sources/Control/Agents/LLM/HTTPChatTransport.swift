import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `ChatTransport` over HTTP or HTTPS with URLSession, made synchronous for the
/// synchronous `DecisionAgent` protocol.
///
/// Each request waits on a semaphore for at most the timeout (plus a quarter second for URLSession
/// to report its own timeout first); a request still running then is cancelled and reported
/// as a timeout. Works against any OpenAI-compatible `/v1/chat/completions` endpoint:
/// llama.cpp's `llama-server`, Ollama, vLLM, hosted APIs.
public final class HTTPChatTransport: ChatTransport, @unchecked Sendable {
    public let endpoint: URL
    private let apiKey: String?
    private let session: URLSession

    /// - Parameters:
    ///   - endpoint: e.g. `http://127.0.0.1:8080/v1/chat/completions`.
    ///   - apiKey: sent as `Authorization: Bearer <key>` when present.
    public init(endpoint: URL, apiKey: String? = nil) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ body: [UInt8], timeoutSeconds: Double) throws(ChatTransportError) -> [UInt8] {
        var request = URLRequest(url: endpoint, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeoutSeconds)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }

        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.set(Self.result(data: data, response: response, error: error))
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeoutSeconds + 0.25) == .timedOut {
            task.cancel()
            throw ChatTransportError(.timeout, "no answer from \(endpoint.absoluteString) within \(timeoutSeconds) s")
        }
        switch box.get() {
        case .success(let bytes): return bytes
        case .failure(let error): throw error
        case nil: throw ChatTransportError(.other, "the request finished without a result")
        }
    }

    private static func result(data: Data?, response: URLResponse?, error: (any Error)?) -> Result<[UInt8], ChatTransportError> {
        if let error {
            let code = (error as NSError).code
            if code == NSURLErrorTimedOut { return .failure(ChatTransportError(.timeout, error.localizedDescription)) }
            let connection = [NSURLErrorCannotConnectToHost, NSURLErrorNetworkConnectionLost, NSURLErrorCannotFindHost,
                              NSURLErrorNotConnectedToInternet, NSURLErrorSecureConnectionFailed, NSURLErrorDNSLookupFailed]
            return .failure(ChatTransportError(connection.contains(code) ? .connection : .other,
                                               "\(error.localizedDescription) (URL error \(code))"))
        }
        let bytes = data.map { [UInt8]($0) } ?? []
        guard let http = response as? HTTPURLResponse else {
            return .failure(ChatTransportError(.other, "not an HTTP response"))
        }
        guard (200..<300).contains(http.statusCode) else {
            let text = String(decoding: bytes.prefix(300), as: UTF8.self)
            return .failure(ChatTransportError(.status, status: http.statusCode, text))
        }
        return .success(bytes)
    }

    /// The completion handler's result, handed from URLSession's queue to the waiting caller.
    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<[UInt8], ChatTransportError>?
        func set(_ result: Result<[UInt8], ChatTransportError>) { lock.withLock { value = result } }
        func get() -> Result<[UInt8], ChatTransportError>? { lock.withLock { value } }
    }
}
