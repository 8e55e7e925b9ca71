import Foundation
import Testing
import TwinLabCLI

/// The `twinlab` executable through real subprocesses.
@Suite("twinlab command line", .serialized)
struct CommandLineTests {
    struct Result { var status: Int32; var out: String; var err: String }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built `twinlab` next to the test bundle (swift build builds every product).
    static func binary() throws -> URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("twinlab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        for config in ["release", "debug"] {
            let candidate = repository.appendingPathComponent(".build/\(config)/twinlab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    func twinlab(_ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }

    func workspace() throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func runPrintsKPIsWritesResultsAndCatalogs() throws {
        let dir = try workspace()
        let scenario = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        let run = try twinlab(["run", scenario, "--until", "500"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("availability"))
        #expect(run.out.contains("fingerprint"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("results/machine-shop-seed42.h5").path))
        let json = try twinlab(["run", scenario, "--until", "500", "--json", "--seed", "3"], in: dir)
        #expect(json.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(decoded?["seed"] as? Int == 3)
        let list = try twinlab(["catalog", "list"], in: dir)
        #expect(list.status == 0)
        #expect(list.out.components(separatedBy: "complete").count == 3)
    }

    @Test func invalidScenarioExitsWithThreeAndSaysWhere() throws {
        let dir = try workspace()
        let bad = dir.appendingPathComponent("bad.yaml")
        try "schema: twinlab/scenario@1\nid: x\nhorizon_hours: 10\nmachine_shop:\n  machines: 3\n  tecnicians: 1\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let result = try twinlab(["validate", bad.path], in: dir)
        #expect(result.status == ExitStatus.invalidScenario.rawValue)
        #expect(result.err.contains("bad.yaml:6:3"))
        #expect(result.err.contains("did you mean 'technicians'?"))
        let run = try twinlab(["run", bad.path], in: dir)
        #expect(run.status == 3)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("results").path))
    }

    @Test func usageErrorsAndHelp() throws {
        let dir = try workspace()
        #expect(try twinlab(["run"], in: dir).status == ExitStatus.usage.rawValue)
        #expect(try twinlab(["run", "x.yaml", "--until", "-1"], in: dir).status == ExitStatus.usage.rawValue)
        let help = try twinlab(["--help"], in: dir)
        #expect(help.status == 0)
        #expect(help.out.contains("Exit codes"))
    }
}
