import Foundation
import Testing

/// `twinlab run --llm-mode` through the real executable, offline: a server that refuses
/// connections still gives a recordable run (its failures are recorded and replayed).
@Suite("twinlab run --llm-mode", .serialized)
struct LLMCommandLineTests {
    let cli = CommandLineTests()

    static let scenario = """
        # Which alerts would an LLM agent act on? (test: the endpoint refuses, the expert steps in)
        schema: twinlab/scenario@1
        id: llm-cli
        seed: 2
        horizon_hours: 72
        fleet:
          machines: [{id_prefix: pump, kind: pump, count: 2, preset: overheated, load: 1.1}]
          technicians: {count: 1}
          agent: llm
          llm:
            endpoint: http://127.0.0.1:1/v1/chat/completions
            model: offline
            retries: 0
            timeout_s: 2
            mode: replay
            cassette: llm-cli.cassette.json
        """

    func fingerprint(_ json: String) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["fingerprint"] as? String
    }

    @Test("replay without a cassette fails with a hint; record then replay agree; a bad mode is a usage error")
    func recordReplay() throws {
        let dir = try cli.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.scenario.write(to: dir.appendingPathComponent("llm-cli.yaml"), atomically: true, encoding: .utf8)

        let missing = try cli.twinlab(["run", "llm-cli.yaml", "--quiet"], in: dir)
        #expect(missing.status == 4)
        #expect(missing.err.contains("record it first"), "\(missing.err)")

        let bad = try cli.twinlab(["run", "llm-cli.yaml", "--llm-mode", "playback"], in: dir)
        #expect(bad.status == 64)
        #expect(bad.err.contains("--llm-mode must be live, record or replay"))

        let recorded = try cli.twinlab(["run", "llm-cli.yaml", "--llm-mode", "record", "--json", "--output", "a"], in: dir)
        #expect(recorded.status == 0, "\(recorded.err)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("llm-cli.cassette.json").path))
        let replayed = try cli.twinlab(["run", "llm-cli.yaml", "--json", "--output", "b"], in: dir)
        #expect(replayed.status == 0, "\(replayed.err)")
        #expect(fingerprint(recorded.out) != nil && fingerprint(recorded.out) == fingerprint(replayed.out))
        let a = FileManager.default.contents(atPath: dir.appendingPathComponent(try cli.runFile("llm-cli-seed2-", in: dir, folder: "a")).path)
        let b = FileManager.default.contents(atPath: dir.appendingPathComponent(try cli.runFile("llm-cli-seed2-", in: dir, folder: "b")).path)
        #expect(a != nil && a == b)
    }
}
