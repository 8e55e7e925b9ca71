import Foundation
import Testing
import TestSupport
import Control
import Scenario
import Recording
@testable import Lab

/// The LLM agent inside a fleet run, against the stand-in server: record, then replay with the
/// server gone, and fallbacks visible in the audit log.
@Suite("Fleet LLM agent", .serialized)
struct FleetLLMAgentTests {
    /// Three overheated, heavily loaded pumps for five days: a few dozen alerts.
    static func text(endpoint: String, model: String = "valid", mode: String = "replay", extra: String = "") -> String {
        """
        schema: twinlab/scenario@1
        id: llm-fleet
        seed: 4
        horizon_hours: 120
        recording: {interval_minutes: 60}
        fleet:
          sample_interval_minutes: 1
          machines:
            - {id_prefix: pump, kind: pump, count: 3, preset: overheated, load: 1.1}
          technicians: {count: 1}
          repair_time_hours: {kind: exponential, mean: 5}
          agent: llm
          llm:
            endpoint: \(endpoint)
            model: \(model)
            timeout_s: 30
            retries: 2
            backoff_s: 0.05
            mode: \(mode)
            cassette: llm-fleet.cassette.json\(extra)
        """
    }

    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "twinlab-fleet-llm-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func run(_ text: String, in dir: String, output: String, mode: LLMAgentConfiguration.Mode? = nil) throws -> RunSummary {
        let scenario = try ScenarioLoader.parse(text, file: dir + "/llm-fleet.yaml")
        var request = RunRequest(scenario: scenario, outputDirectory: dir + "/" + output, catalogPath: nil)
        request.llmMode = mode
        return try RunPipeline.execute(request)
    }

    @Test("record against the server, replay without it: same bytes, same fingerprint, the LLM's decisions audited")
    func recordThenReplay() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try LLMTestServer()
        let text = Self.text(endpoint: server.endpoint.absoluteString)
        let recorded = try Self.run(text, in: dir, output: "record", mode: .record)
        let served = try server.requestCount()
        server.stop()
        let replayed = try Self.run(text, in: dir, output: "replay")

        #expect(recorded.fingerprint == replayed.fingerprint)
        let a = FileManager.default.contents(atPath: recorded.outputPath)
        #expect(a != nil && a == FileManager.default.contents(atPath: replayed.outputPath))

        let file = try HDF5File.open(at: replayed.outputPath)
        let audit = try file.readTable("decisions/audit")
        let dataset = try file.openDataset("decisions/audit")
        #expect(audit.rowCount > 0)
        // A transient connection error under a loaded CI machine is retried, so the server may
        // see a request twice; the cassette still holds one outcome per decision.
        #expect(served >= audit.rowCount)
        #expect(try dataset.stringArrayAttribute("agent") == ["llm:valid"])
        #expect(try dataset.stringArrayAttribute("decided_by") == Array(repeating: "llm:valid", count: audit.rowCount))
        #expect(try dataset.stringArrayAttribute("notes").allSatisfy(\.isEmpty))
        #expect(try dataset.stringArrayAttribute("root_causes").allSatisfy { $0.hasPrefix("llm-test:") })
        let cassette = try LLMCassette.load(from: dir + "/llm-fleet.cassette.json")
        #expect(cassette.entries.count == audit.rowCount)
    }

    @Test("invalid replies fall back to the expert: the audit says so and the actions equal the expert run's")
    func fallbackMatchesExpert() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try LLMTestServer()
        let llm = try Self.run(Self.text(endpoint: server.endpoint.absoluteString, model: "partial", mode: "live"),
                               in: dir, output: "llm")
        var expertText = Self.text(endpoint: "http://unused")
        expertText = String(expertText[..<expertText.range(of: "  agent: llm")!.lowerBound])
        let expert = try Self.run(expertText, in: dir, output: "expert")
        // The fingerprint covers the decision events (their action codes), not the audit's texts.
        #expect(llm.fingerprint == expert.fingerprint)
        let dataset = try HDF5File.open(at: llm.outputPath).openDataset("decisions/audit")
        let deciders = try dataset.stringArrayAttribute("decided_by")
        #expect(!deciders.isEmpty && deciders.allSatisfy { $0 == "llm-fallback:expert-policy" })
        let notes = try dataset.stringArrayAttribute("notes")
        #expect(notes.first?.hasPrefix("missing-field:") == true)
        #expect(notes.contains { $0.hasPrefix("circuit-open") }, "three failures open the breaker (default)")
        #expect(try server.requestCount() < deciders.count, "the open breaker spared the server")
    }

    @Test("replay without a cassette fails before the run; a cassette of another scenario fails at the end")
    func replayErrors() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect {
            try Self.run(Self.text(endpoint: "http://127.0.0.1:9/v1/chat/completions"), in: dir, output: "none")
        } throws: { error in
            "\(error)".contains("record it first") && "\(error)".contains("llm-fleet.cassette.json")
        }
        let server = try LLMTestServer()
        let text = Self.text(endpoint: server.endpoint.absoluteString)
        _ = try Self.run(text, in: dir, output: "record", mode: .record)
        server.stop()
        let changed = text + "\n  downtime_cost_per_hour: 250"
        #expect {
            try Self.run(changed, in: dir, output: "replay")
        } throws: { error in
            "\(error)".contains("not in the cassette") && "\(error)".contains("mode: record")
        }
    }
}
