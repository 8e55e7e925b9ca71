import Foundation
import Testing
import TestSupport
import TwinLabCLI
import Lab
import Recording

/// `twinlab run --set PATH=VALUE` through the real executable: the edit changes the run, the run
/// file stores the edited text and the overrides (read back by h5py), and every bad `--set`
/// is refused naming itself and the field.
extension CommandLineTests {
    @Test("--set changes the run; the file stores the overrides and the edited text, and rebuilds the same run")
    func setOverridesARun() throws {
        let dir = try workspace()
        let scenario = try project(dir, scenario: "machine-shop.yaml")
        let plain = try twinlab(["run", scenario, "--until", "300", "--json"], in: dir)
        let edited = try twinlab(["run", scenario, "--until", "300", "--json", "--set", "machine_shop.technicians=1",
                                  "--set", "machine_shop.repair_time_hours={kind: exponential, mean: 9}"], in: dir)
        #expect(plain.status == 0 && edited.status == 0, "\(plain.err)\(edited.err)")
        func kpi(_ run: Result, _ name: String) throws -> Double {
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
            let kpis = try #require(summary["kpis"] as? [[String: Any]])
            return try #require(kpis.first { $0["name"] as? String == name }?["value"] as? Double)
        }
        // One technician for fifty machines, with longer repairs: far less available, far busier.
        #expect(try kpi(edited, "availability") < kpi(plain, "availability") - 0.2)
        #expect(try kpi(edited, "technician_utilisation") > kpi(plain, "technician_utilisation"))
        let plainPath = try outputPath(plain, in: dir), editedPath = try outputPath(edited, in: dir)
        #expect(plainPath != editedPath, "the edited text has its own hash, so its own file name")
        #expect((editedPath as NSString).lastPathComponent.hasPrefix("machine-shop-seed42-300h-"))

        let python = try PythonInterpreter.script("""
            import sys, json, hashlib, h5py
            with h5py.File(sys.argv[1], "r") as f:
                text = f.attrs["scenario_text"]
                text = text.decode() if isinstance(text, bytes) else text
                overrides = [o.decode() if isinstance(o, bytes) else o for o in f.attrs["overrides"]]
                print(json.dumps({"overrides": overrides, "text": text,
                                  "hash_ok": hashlib.sha256(text.encode()).hexdigest() == f.attrs["scenario_hash"],
                                  "plain_has_none": "overrides" not in h5py.File(sys.argv[2], "r").attrs}))
            """, [editedPath, plainPath])
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [String: Any],
                                  "\(python.stderr)")
        #expect(stored["overrides"] as? [String] == ["machine_shop.technicians=1",
                                                     "machine_shop.repair_time_hours={kind: exponential, mean: 9}"])
        let text = try #require(stored["text"] as? String)
        #expect(text.contains("technicians: 1") && text.contains("kind: exponential"), "\(text)")
        #expect(stored["hash_ok"] as? Bool == true && stored["plain_has_none"] as? Bool == true)

        // The stored text is the scenario that ran: rebuilt and run again, it gives the same run.
        let rebuilt = try StoredScenario.rebuild(from: try RunFileReader(path: editedPath))
        #expect(rebuilt.overrides.map(\.description) == stored["overrides"] as? [String])
        let again = try RunPipeline.execute(RunRequest(scenario: rebuilt, untilHours: 300,
                                                       outputDirectory: dir.appendingPathComponent("rebuilt").path,
                                                       catalogPath: nil))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(edited.out.utf8)) as? [String: Any])
        #expect(again.fingerprint == summary["fingerprint"] as? String)
        #expect((again.outputPath as NSString).lastPathComponent == (editedPath as NSString).lastPathComponent)
    }

    @Test("--set on a list item by id changes a facility run")
    func setSelectsListItemsByID() throws {
        let dir = try workspace()
        let scenario = try project(dir, scenario: "flower-room.yaml")
        let led = try twinlab(["run", scenario, "--until", "24", "--json"], in: dir)
        let hps = try twinlab(["run", scenario, "--until", "24", "--json",
                               "--set", "facility.rooms[flower-1].lighting.fixture=hps-de-1.7"], in: dir)
        #expect(led.status == 0 && hps.status == 0, "\(led.err)\(hps.err)")
        func lighting(_ run: Result) throws -> Double {
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
            let kpis = try #require(summary["kpis"] as? [[String: Any]])
            return try #require(kpis.first { $0["name"] as? String == "energy_lighting" }?["value"] as? Double)
        }
        // Same PPFD at 1.7 instead of 2.8 µmol/J: 2.8 / 1.7 ≈ 1.65 × the lamp energy.
        let ratio = try lighting(hps) / lighting(led)
        #expect(abs(ratio - 2.8 / 1.7) < 0.01, "ratio \(ratio)")
    }

    @Test("an unknown --set path is refused naming the --set, the field and the closest key; nothing is written")
    func setRefusesUnknownPaths() throws {
        let dir = try workspace()
        let scenario = try project(dir, scenario: "machine-shop.yaml")
        let typo = try twinlab(["run", scenario, "--until", "10", "--set", "machine_shop.technicans=2"], in: dir)
        #expect(typo.status == ExitStatus.invalidScenario.rawValue)
        #expect(typo.err.contains("--set 'machine_shop.technicans=2'") && typo.err.contains("machine_shop.technicans")
                    && typo.err.contains("did you mean 'technicians'?"), "\(typo.err)")
        // A path into another model's section would add a second model: refused, naming the --set.
        let other = try twinlab(["run", scenario, "--until", "10", "--set", "fleet.technicians.count=3"], in: dir)
        #expect(other.status == ExitStatus.invalidScenario.rawValue)
        #expect(other.err.contains("--set 'fleet.technicians.count=3'") && other.err.contains("adds 'fleet'"), "\(other.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("results").path))
    }

    @Test("a --set value the scenario rejects is refused naming the --set and the field's range")
    func setRefusesRejectedValues() throws {
        let dir = try workspace()
        let scenario = try project(dir, scenario: "machine-shop.yaml")
        let negative = try twinlab(["run", scenario, "--until", "10", "--set", "machine_shop.technicians=-2"], in: dir)
        #expect(negative.status == ExitStatus.invalidScenario.rawValue)
        #expect(negative.err.contains("--set 'machine_shop.technicians=-2': machine_shop.technicians: found '-2'; "
                                          + "expected a whole number from 1 to 10000"), "\(negative.err)")
    }

    @Test("a --set without '=' is a usage error naming it")
    func setRefusesMalformedOverrides() throws {
        let dir = try workspace()
        let scenario = try project(dir, scenario: "machine-shop.yaml")
        let malformed = try twinlab(["run", scenario, "--set", "machine_shop.technicians"], in: dir)
        #expect(malformed.status == ExitStatus.usage.rawValue)
        #expect(malformed.err.contains("--set 'machine_shop.technicians'") && malformed.err.contains("PATH=VALUE"),
                "\(malformed.err)")
    }
}
