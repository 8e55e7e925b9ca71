import Foundation
import Testing
import Control

/// The cassette file: canonical text, a faithful round trip, and loud errors for damaged files.
@Suite("LLM cassette")
struct LLMCassetteTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("llm-cassette-\(UUID().uuidString)-\(name)").path
    }

    @Test("write then load gives the same entries; insertion order does not change the text")
    func roundTrip() throws {
        var a = LLMCassette()
        a.insert(.init(request: #"{"q":1}"#, outcome: .response(#"{"choices":[]}"#)))
        a.insert(.init(request: #"{"q":2}"#, outcome: .failure("timeout: no answer\nat all")))
        var b = LLMCassette()
        b.insert(a.entry(for: #"{"q":2}"#)!)
        b.insert(a.entry(for: #"{"q":1}"#)!)
        #expect(a.text == b.text)
        let path = Self.temporaryPath("a.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try a.write(to: path)
        let loaded = try LLMCassette.load(from: path)
        #expect(loaded == a)
        #expect(loaded.entry(for: #"{"q":2}"#)?.outcome == .failure("timeout: no answer\nat all"))
        #expect(loaded.entry(for: #"{"q":3}"#) == nil)
    }

    @Test("damaged cassettes fail with the path and the reason", arguments: [
        ("not json", "invalid JSON"),
        (#"{"entries": []}"#, "format"),
        (#"{"format": "twinlab/llm-cassette@1", "entries": {}}"#, "'entries' must be a list"),
        (#"{"format": "twinlab/llm-cassette@1", "entries": [{"request": "x"}]}"#, "exactly one of"),
        (#"{"format": "twinlab/llm-cassette@1", "entries": [{"key": "0000000000000000", "request": "x", "response": "y"}]}"#,
         "does not match"),
    ])
    func damaged(text: String, reason: String) throws {
        let path = Self.temporaryPath("bad.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try LLMCassette.load(from: path)
            Issue.record("loaded")
        } catch {
            #expect(error.path == path)
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }

    @Test("a missing file is an error naming it")
    func missing() {
        #expect(throws: LLMCassetteError.self) { try LLMCassette.load(from: "/nonexistent/cassette.json") }
    }
}
