import Foundation
import Testing
import TestSupport
import Catalog
import Recording

/// Two runs of the same scenario and seed into one folder never write one file: the second
/// is refused (exit 8) while the first holds the output, and nothing either leaves behind lies.
@Suite("Concurrent writers of one output", .serialized)
struct ConcurrentWriterTests {
    @Test("100 trials of two simultaneous runs: no corrupt file, no lying row")
    func twoWritersOneOutput() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-twins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = [
            "run", TwinLabProcess.repository.appendingPathComponent("scenarios/machine-shop.yaml").path,
            "--until", "3000", "--quiet",
        ]
        var outcomes: [String: Int] = [:]
        var finished = 0
        for trial in 0..<100 {
            let first = try TwinLabProcess(arguments, in: dir)
            let second = try TwinLabProcess(arguments, in: dir)
            let results = [first.wait(), second.wait()]
            for result in results {
                #expect(!result.signalled && [0, 8].contains(result.status), "trial \(trial): \(result.err)")
                if result.status == 8 { #expect(result.err.contains("another run is writing")) }
            }
            finished += results.filter { $0.status == 0 }.count
            outcomes[results.map { String($0.status) }.sorted().joined(separator: "+"), default: 0] += 1
            // Every trial ends with one whole, complete file at the run's name.
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("results").path)
            let runFiles = names.filter { $0.hasSuffix(".h5") }
            #expect(runFiles.count == 1 && !names.contains { $0.hasSuffix(".partial") || $0.hasSuffix(".lock") },
                    "trial \(trial) left \(names)")
            if let name = runFiles.first {
                let file = try HDF5File.open(at: dir.appendingPathComponent("results/\(name)").path)
                #expect(try file.stringAttribute("status") == "complete")
                #expect(try file.readTable("timeseries/machine_shop").rowCount == 3000)
            }
        }
        print("two writers, 100 trials: exit codes \(outcomes.sorted { $0.key < $1.key })")
        #expect(outcomes.keys.contains("0+8"), "the runs never overlapped, so the claim was never tested")
        let rows = try RunFileProbe.expectTruthfulRows(in: dir.appendingPathComponent("results/catalog.sqlite").path,
                                                       relativeTo: dir)
        // A refused run never starts a row; every run that said success has a complete row.
        #expect(rows.count == finished && rows.allSatisfy { $0.status == .complete })
    }
}
