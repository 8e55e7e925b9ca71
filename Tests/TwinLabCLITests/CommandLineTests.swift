import Foundation
import Testing
import TestSupport
import TwinLabCLI

/// The `twinlab` executable through real subprocesses.
@Suite("twinlab command line", .serialized)
struct CommandLineTests {
    struct Result { var status: Int32; var out: String; var err: String }

    static let repository = TwinLabProcess.repository

    /// The built `twinlab` executable.
    static func binary() throws -> URL { try TwinLabProcess.binary() }

    func twinlab(_ arguments: [String], in directory: URL) throws -> Result {
        let result = try TwinLabProcess.run(arguments, in: directory)
        return Result(status: result.status, out: result.out, err: result.err)
    }

    /// The one run file in `folder` under `dir` whose name starts with `prefix` (e.g.
    /// `machine-shop-seed42-500h-`: the scenario hash follows), as a path relative to `dir`.
    func runFile(_ prefix: String, in dir: URL, folder: String = "results") throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(folder).path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".h5") }
        try #require(names.count == 1, "expected one \(prefix)*.h5 in \(folder), found \(names)")
        return "\(folder)/\(names[0])"
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
        _ = try runFile("machine-shop-seed42-500h-", in: dir)
        let json = try twinlab(["run", scenario, "--until", "500", "--json", "--seed", "3"], in: dir)
        #expect(json.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(decoded?["seed"] as? Int == 3)
        let list = try twinlab(["catalog", "list"], in: dir)
        #expect(list.status == 0)
        #expect(list.out.components(separatedBy: "complete").count == 3)
        let runID = try #require(decoded?["runID"] as? String)
        let show = try twinlab(["catalog", "show", String(runID.prefix(8))], in: dir)
        #expect(show.status == 0)
        #expect(show.out.contains("seed                          3"))
        #expect(show.out.contains("kpi availability"))
        let unknown = try twinlab(["catalog", "show", "no-such-run"], in: dir)
        #expect(unknown.status == ExitStatus.ioError.rawValue)
        #expect(unknown.err.contains("no run 'no-such-run'"))
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

    @Test func diffAndExportThroughTheCommandLine() throws {
        let dir = try workspace()
        let scenario = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        for seed in ["1", "2"] {
            #expect(try twinlab(["run", scenario, "--until", "300", "--seed", seed, "--quiet"], in: dir).status == 0)
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("again"), withIntermediateDirectories: true)
        #expect(try twinlab(["run", scenario, "--until", "300", "--seed", "1", "--quiet", "--output", "again"],
                            in: dir).status == 0)
        let seed1 = try runFile("machine-shop-seed1-300h-", in: dir), seed2 = try runFile("machine-shop-seed2-300h-", in: dir)
        let same = try twinlab(["diff", seed1, try runFile("machine-shop-seed1-300h-", in: dir, folder: "again")], in: dir)
        #expect(same.status == 0)
        #expect(same.out.hasPrefix("runs agree"))
        let differ = try twinlab(["diff", seed1, seed2], in: dir)
        #expect(differ.status == ExitStatus.differences.rawValue)
        #expect(differ.out.contains("machine_shop.machines_down"))
        #expect(differ.out.contains("provenance: seed 1 vs 2"))
        let missing = try twinlab(["diff", "results/nope.h5", seed2], in: dir)
        #expect(missing.status == ExitStatus.ioError.rawValue)
        #expect(missing.err.contains("nope.h5"))
        let export = try twinlab(["export", "csv", seed1, "--output", "csv"], in: dir)
        #expect(export.status == 0)
        let stem = ((seed1 as NSString).lastPathComponent as NSString).deletingPathExtension
        let csv = try String(contentsOf: dir.appendingPathComponent("csv/\(stem)-machine_shop.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("time [h],machines_down [count],technicians_busy [count],waiting_for_technician [count]\n0.0,"))
        #expect(csv.split(separator: "\n").count == 301)
    }

    @Test func concurrentRunsShareOneCatalog() throws {
        let dir = try workspace()
        let scenario = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        let runs = (1...4).map { seed -> Process in
            let process = Process()
            process.executableURL = try? Self.binary()
            process.arguments = ["run", scenario, "--seed", "\(seed)", "--quiet"]
            process.currentDirectoryURL = dir
            return process
        }
        for process in runs { try process.run() }
        for process in runs { process.waitUntilExit() }
        #expect(runs.allSatisfy { $0.terminationStatus == 0 })
        let list = try twinlab(["catalog", "list", "--json"], in: dir)
        let rows = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 4)
        #expect(Set(rows.compactMap { $0["status"] as? String }) == ["complete"])
        #expect(Set(rows.compactMap { $0["seed"] as? String ?? ($0["seed"] as? Int).map(String.init) }) == ["1", "2", "3", "4"])
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

/// The JSON Schema that `twinlab schema` prints accepts the shipped scenarios and rejects typos,
/// checked by an independent validator (Python's jsonschema).
@Suite("Scenario JSON Schema", .serialized)
struct ScenarioSchemaTests {
    @Test func independentValidatorAgreesWithTheLoader() throws {
        let tests = CommandLineTests()
        let dir = try tests.workspace()
        let schema = try tests.twinlab(["schema"], in: dir)
        #expect(schema.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(schema.out.utf8)) as? [String: Any]
        #expect((json?["required"] as? [String])?.contains("horizon_hours") == true)
        try schema.out.write(to: dir.appendingPathComponent("schema.json"), atomically: true, encoding: .utf8)

        let check = """
        import json, sys, yaml, jsonschema
        schema = json.load(open("schema.json"))
        ok = []
        for path in sys.argv[1:]:
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(open(path))))
            ok.append("valid" if not errors else "invalid")
        print(" ".join(ok))
        """
        try check.write(to: dir.appendingPathComponent("check.py"), atomically: true, encoding: .utf8)
        let fixtures = CommandLineTests.repository.appendingPathComponent("Tests/ScenarioTests/Fixtures")
        // The room-machine scenario: optional keys (overrides, machine_technicians) must not be
        // listed as required.
        let files = [CommandLineTests.repository.appendingPathComponent("scenarios/machine-shop.yaml"),
                     CommandLineTests.repository.appendingPathComponent("scenarios/flower-room-aging-hvac.yaml"),
                     fixtures.appendingPathComponent("valid.yaml"),
                     fixtures.appendingPathComponent("unknown-key.yaml"),
                     fixtures.appendingPathComponent("impossible-values.yaml"),
                     fixtures.appendingPathComponent("wrong-schema.yaml")]
        let result = try PythonInterpreter.run(["check.py"] + files.map(\.path), in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let output = result.stdout
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "valid valid valid invalid invalid invalid")
    }
}
