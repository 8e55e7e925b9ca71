import Foundation
import Testing
import Scenario
import Lab

/// Every scenario in scenarios/ still produces the fingerprint recorded in
/// scenarios/fingerprints.tsv, so a change that moves results is noticed and explained.
///
/// After an intended change, regenerate the table with
/// `TWINLAB_UPDATE_FINGERPRINTS=1 scripts/test.sh --filter ScenarioFingerprint`
/// and say in the commit message why the results moved.
@Suite("Scenario fingerprints", .serialized)
struct ScenarioFingerprintTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")
    static let table = scenarios.appendingPathComponent("fingerprints.tsv")

    @Test func everyScenarioMatchesItsRecordedFingerprint() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenarios.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var current: [(file: String, seed: UInt64, fingerprint: String)] = []
        for file in files {
            let scenario = try ScenarioLoader.load(path: Self.scenarios.appendingPathComponent(file).path)
            let output = NSTemporaryDirectory() + "twinlab-fingerprint-\(UUID().uuidString)"
            let summary = try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: output, catalogPath: nil))
            current.append((file, summary.seed, summary.fingerprint))
        }
        let rendered = "scenario\tseed\tfingerprint\n" + current.map { "\($0.file)\t\($0.seed)\t\($0.fingerprint)" }
            .joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["TWINLAB_UPDATE_FINGERPRINTS"] == "1" {
            try rendered.write(to: Self.table, atomically: true, encoding: .utf8)
        }
        let recorded = (try? String(contentsOf: Self.table, encoding: .utf8)) ?? "(missing)"
        #expect(recorded == rendered, """
            scenario fingerprints moved. Recorded:
            \(recorded)
            Now:
            \(rendered)
            If the change is intended, run TWINLAB_UPDATE_FINGERPRINTS=1 scripts/test.sh --filter ScenarioFingerprint \
            and explain the change in the commit.
            """)
    }
}
