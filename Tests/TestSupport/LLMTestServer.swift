import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The stand-in chat-completions server (Tests/Fixtures/llm_test_server.py) as a subprocess
/// on a free port, for as long as this value lives. Shared by ControlTests and LabTests.
public final class LLMTestServer {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/llm_test_server.py").path
    public let process = Process()
    /// Held open for the server's life: the server exits when it closes.
    private let input = Pipe()
    public let port: Int

    public init() throws {
        let output = Pipe()
        // The server uses the standard library only, but runs on the checks' interpreter so
        // that no test depends on a `python3` on PATH.
        process.executableURL = URL(fileURLWithPath: PythonInterpreter.path)
        process.arguments = [Self.script]
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        // The script prints "PORT <n>" once it listens.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "test server said '\(text)'"])
        }
        self.port = port
    }

    public var endpoint: URL { URL(string: "http://127.0.0.1:\(port)/v1/chat/completions")! }

    /// POSTs the server has answered so far.
    public func requestCount() throws -> Int {
        let data = try Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/stats")!)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["requests"] as? Int ?? -1
    }

    public func stop() {
        guard process.isRunning else { return }
        // SIGKILL: the runner's threads may block SIGTERM, and the child inherits that mask.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}
