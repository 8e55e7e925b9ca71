import Foundation
import Testing
import TestSupport
import TwinLabCLI

/// Run files that stand on their own and never overwrite one another, through the real
/// `twinlab` executable and real files (HDF5 read back by h5py, SQLite by Python's sqlite3).
extension CommandLineTests {
    /// A copy of `scenarios/<name>` and the repository's calibration folder in `folder`,
    /// laid out like the repository (`scenarios/`, `calibration/`).
    func project(_ folder: URL, scenario name: String) throws -> String {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("calibration"),
                                         to: folder.appendingPathComponent("calibration"))
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("scenarios/\(name)"),
                                         to: folder.appendingPathComponent("scenarios/\(name)"))
        return "scenarios/\(name)"
    }

    /// The `outputPath` of `twinlab run … --json`, made absolute against `dir`.
    func outputPath(_ run: Result, in dir: URL) throws -> String {
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let path = try #require(summary["outputPath"] as? String)
        return path.hasPrefix("/") ? path : dir.appendingPathComponent(path).path
    }

    @Test("a room-machines run exports to Minari and C-MAPSS from another directory after its calibration folder is gone")
    func roomMachineRunExportsFromAnotherDirectory() throws {
        let dir = try workspace()
        let maker = dir.appendingPathComponent("maker"), elsewhere = dir.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let scenario = try project(maker, scenario: "flower-room-aging-hvac.yaml")
        let first = try twinlab(["run", scenario, "--json"], in: maker)
        #expect(first.status == 0, "\(first.err)")
        let original = try outputPath(first, in: maker)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: original))

        // A later edit of the calibration set makes another run with another name; the stored
        // run keeps what it ran with.
        let cultivars = maker.appendingPathComponent("calibration/cultivars.yaml")
        let text = try String(contentsOf: cultivars, encoding: .utf8)
        try text.replacingOccurrences(of: "pce_g_per_mol: 0.25", with: "pce_g_per_mol: 0.30")
            .write(to: cultivars, atomically: true, encoding: .utf8)
        let edited = try twinlab(["run", scenario, "--json"], in: maker)
        #expect(edited.status == 0, "\(edited.err)")
        let editedPath = try outputPath(edited, in: maker)
        #expect(editedPath != original)
        #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == bytes)
        try FileManager.default.removeItem(at: maker.appendingPathComponent("calibration"))

        let minari = try twinlab(["export", "minari", original, "--output", "minari"], in: elsewhere)
        #expect(minari.status == 0, "\(minari.err)")
        // The default id names the seed and the run's fingerprint (docs/datasets.md).
        let datasetID = try #require(minari.out.firstMatch(of: /wrote Minari dataset (\S+):/).map { String($0.1) })
        #expect(datasetID.hasPrefix("twinlab/flower-room-aging-hvac/rooms-seed11-"), "\(datasetID)")
        let cmapss = try twinlab(["export", "cmapss", original, "--output", "cmapss", "--name", "FD-room"], in: elsewhere)
        #expect(cmapss.status == 0, "\(cmapss.err)")
        let trainUnits = cmapss.out.firstMatch(of: /(\d+) train units/).flatMap { Int($0.1) }
        #expect((trainUnits ?? 0) > 0, "the worn compressor and pump fail within the cycle: \(cmapss.out)")

        let diff = try twinlab(["diff", original, editedPath], in: elsewhere)
        #expect(diff.status == ExitStatus.differences.rawValue, "\(diff.err)")
        #expect(diff.out.contains("provenance: calibration set 'cultivars' sha256"))
        #expect(diff.out.contains("kpis.yield_cannabis"))

        // Independent checks: minari and pandas load the exports, h5py finds the stored sets and
        // the documented hash of scenario text + calibration.
        let check = """
            import hashlib, os, sys, h5py, minari, pandas as pd
            run, root, train, dataset = sys.argv[1:5]
            os.environ["MINARI_DATASETS_PATH"] = root
            d = minari.load_dataset(dataset)
            t = pd.read_csv(train, sep=r"\\s+", header=None)
            with h5py.File(run, "r") as f:
                assert f.attrs["run_kind"] == "facility", f.attrs["run_kind"]
                content = f.attrs["scenario_text"].encode()
                for name in sorted(f["scenario/calibration"]):
                    s = f["scenario/calibration/" + name].attrs
                    assert hashlib.sha256(s["text"].encode()).hexdigest() == s["sha256"], name
                    content += b"\\0calibration/" + s["file"].encode() + b"\\0" + s["sha256"].encode()
                assert hashlib.sha256(content).hexdigest() == f.attrs["scenario_hash"]
                cultivars = f["scenario/calibration/cultivars"].attrs["text"]
            assert "pce_g_per_mol: 0.25" in cultivars
            print(d.total_episodes, t[0].nunique(), sorted(set(t[4].round(3))))
            """
        try check.write(to: elsewhere.appendingPathComponent("check.py"), atomically: true, encoding: .utf8)
        let python = try PythonInterpreter.run(
            ["check.py", original, elsewhere.appendingPathComponent("minari").path, "cmapss/train_FD-room.txt", datasetID],
            in: elsewhere)
        #expect(python.status == 0, "\(python.stderr)")
        let fields = python.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 2)
        #expect(fields.first == "1")
        #expect(fields.count == 3 && Int(fields[1]) == trainUnits)
        // Setting 3 is each machine's cooling factor from the stored scenario: the clogged chiller's 0.15.
        #expect(fields.last?.contains("0.15") == true, "\(python.stdout)")
    }

    @Test("edited copies, seeds and --until runs get their own files; a different run at the name needs --overwrite")
    func runFileNamesNeverCollide() throws {
        let dir = try workspace()
        let shop = try String(contentsOf: Self.repository.appendingPathComponent("scenarios/machine-shop.yaml"), encoding: .utf8)
        try shop.write(to: dir.appendingPathComponent("shop.yaml"), atomically: true, encoding: .utf8)
        let editedText = shop.replacingOccurrences(of: "technicians: 3", with: "technicians: 4")
        #expect(editedText != shop)
        try editedText.write(to: dir.appendingPathComponent("shop-edited.yaml"), atomically: true, encoding: .utf8)

        let first = try outputPath(try twinlab(["run", "shop.yaml", "--until", "300", "--json"], in: dir), in: dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
        let again = try twinlab(["run", "shop.yaml", "--until", "300", "--json"], in: dir)
        #expect(again.status == 0, "the same run may replace its own file: \(again.err)")
        #expect(try outputPath(again, in: dir) == first)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == bytes)
        let copy = try outputPath(try twinlab(["run", "shop-edited.yaml", "--until", "300", "--json"], in: dir), in: dir)
        let shorter = try outputPath(try twinlab(["run", "shop.yaml", "--until", "200", "--json"], in: dir), in: dir)
        let otherSeed = try outputPath(try twinlab(["run", "shop.yaml", "--until", "300", "--seed", "5", "--json"], in: dir),
                                       in: dir)
        #expect(Set([first, copy, shorter, otherSeed]).count == 4)
        #expect(first.hasSuffix(".h5") && (first as NSString).lastPathComponent.hasPrefix("machine-shop-seed42-300h-"))
        #expect((shorter as NSString).lastPathComponent.hasPrefix("machine-shop-seed42-200h-"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == bytes)

        // Something else at a run's name is refused, left alone, and replaced only on request.
        try Data("an older analysis".utf8).write(to: URL(fileURLWithPath: otherSeed))
        let refused = try twinlab(["run", "shop.yaml", "--until", "300", "--seed", "5", "--quiet"], in: dir)
        #expect(refused.status == ExitStatus.outputExists.rawValue)
        #expect(refused.err.contains("already holds a different run") && refused.err.contains("--overwrite"), "\(refused.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: otherSeed)) == Data("an older analysis".utf8))
        let forced = try twinlab(["run", "shop.yaml", "--until", "300", "--seed", "5", "--quiet", "--overwrite"], in: dir)
        #expect(forced.status == 0, "\(forced.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: otherSeed)).prefix(4) == Data([0x89, 0x48, 0x44, 0x46]))

        let list = try twinlab(["catalog", "list"], in: dir)
        #expect(list.status == 0)
        let lines = list.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("horizon h") == true && lines.first?.contains("hash") == true)
        let hashOf = { (path: String) in String((path as NSString).lastPathComponent.split(separator: "-").last!.prefix(8)) }
        #expect(lines.contains { $0.contains(" 200 ") && $0.contains(hashOf(first)) })
        #expect(lines.contains { $0.contains(" 300 ") && $0.contains(hashOf(copy)) })
        #expect(hashOf(first) != hashOf(copy))
        #expect(lines.filter { $0.contains("availability") }.count == 6)
    }

    @Test("catalog list reads an old catalog without changing it, a run upgrades it; horizon, headline KPIs and filters")
    func catalogListFiltersAndUpgradesAnOldCatalog() throws {
        let dir = try workspace()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("results"), withIntermediateDirectories: true)
        // A catalog as TwinLab wrote it before horizons and run kinds were stored (migration v1 only).
        let make = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.executescript('''
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            INSERT INTO grdb_migrations VALUES ('v1-runs');
            CREATE TABLE "runs" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "run_id" TEXT NOT NULL UNIQUE,
              "scenario_id" TEXT NOT NULL, "scenario_hash" TEXT NOT NULL, "seed" TEXT NOT NULL,
              "twinlab_version" TEXT NOT NULL, "fingerprint" TEXT, "status" TEXT NOT NULL, "started_at" TEXT NOT NULL,
              "finished_at" TEXT, "wall_seconds" DOUBLE, "output_path" TEXT, "kpis" TEXT NOT NULL DEFAULT '{}',
              "error" TEXT, "writer_pid" INTEGER, "writer_host" TEXT,
              CHECK (status IN ('running', 'complete', 'failed', 'incomplete')));
            CREATE INDEX "runs_on_scenario_id" ON "runs"("scenario_id");
            CREATE INDEX "runs_on_status" ON "runs"("status");
            INSERT INTO runs (run_id, scenario_id, scenario_hash, seed, twinlab_version, fingerprint, status, started_at,
              output_path, kpis) VALUES ('0ld0facility', 'old-rooms', '7ac50e4376bda5f5', '7', '0.1.0', 'aaaa', 'complete',
              '2025-01-01T00:00:00.000Z', 'results/old-rooms-seed7.h5',
              '{"energy_total":1000.0,"energy_lighting":700.0,"total_cost":150.0,"yield_cannabis":400.0,"yield_lettuce":100.0,"yield_per_harvest_area_cannabis":8.0}');
            INSERT INTO runs (run_id, scenario_id, scenario_hash, seed, twinlab_version, status, started_at, kpis, error)
              VALUES ('0ld0fleet', 'old-fleet', '1234567890abcdef', '3', '0.1.0', 'failed', '2025-06-01T00:00:00.000Z',
              '{"availability":0.9,"mtbf":100.0,"failures":4.0,"downtime_hours":12.5}', 'model fault');
            ''')
            db.commit()
            """
        try make.write(to: dir.appendingPathComponent("make.py"), atomically: true, encoding: .utf8)
        let made = try PythonInterpreter.run(["make.py", "results/catalog.sqlite"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")

        let old = try twinlab(["catalog", "list"], in: dir)
        #expect(old.status == 0, "\(old.err)")
        let facility = try #require(old.out.split(separator: "\n").first { $0.contains("old-rooms") })
        #expect(facility.contains("energy 1000 kWh, cost 150, yield 500 g, 2 kWh/g"), "\(facility)")
        #expect(facility.contains("  -  "), "an old row has no horizon: \(facility)")
        let fleet = try #require(old.out.split(separator: "\n").first { $0.contains("old-fleet") })
        #expect(fleet.contains("availability 90%, failures 4, downtime 12.5 h"), "\(fleet)")

        let schema = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(sorted(r[1] for r in db.execute("PRAGMA table_info(runs)") if r[1] in ("horizon_hours", "run_kind")),
                  [r[0] for r in db.execute("SELECT identifier FROM grdb_migrations ORDER BY identifier")])
            """
        try schema.write(to: dir.appendingPathComponent("schema.py"), atomically: true, encoding: .utf8)
        // Listing reads an old catalog as it is (readers never write); the next run upgrades it.
        let listed = try PythonInterpreter.run(["schema.py", "results/catalog.sqlite"], in: dir)
        #expect(listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[] ['v1-runs']",
                "\(listed.stdout) \(listed.stderr)")

        let shop = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        #expect(try twinlab(["run", shop, "--until", "100", "--quiet"], in: dir).status == 0)
        let upgraded = try PythonInterpreter.run(["schema.py", "results/catalog.sqlite"], in: dir)
        #expect(upgraded.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            .hasPrefix("['horizon_hours', 'run_kind'] ['v1-runs', 'v2-horizon-kind'"), "\(upgraded.stdout) \(upgraded.stderr)")
        let all = try twinlab(["catalog", "list"], in: dir)
        let new = try #require(all.out.split(separator: "\n").first { $0.contains("machine-shop") })
        #expect(new.contains(" 100 ") && new.contains("availability") && new.contains("complete"), "\(new)")

        func rows(_ arguments: [String]) throws -> [String] {
            let result = try twinlab(["catalog", "list", "--json"] + arguments, in: dir)
            #expect(result.status == 0, "\(arguments): \(result.err)")
            let records = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]] ?? []
            return records.compactMap { $0["scenario_id"] as? String }
        }
        #expect(try rows([]) == ["machine-shop", "old-fleet", "old-rooms"])
        #expect(try rows(["--scenario", "old-rooms"]) == ["old-rooms"])
        #expect(try rows(["--status", "failed"]) == ["old-fleet"])
        #expect(try rows(["--since", "2025-03-01"]) == ["machine-shop", "old-fleet"])
        #expect(try rows(["--since", "2025-06-01T02:00+02:00"]) == ["machine-shop", "old-fleet"])
        #expect(try rows(["--since", "2025-06-01T00:00:00.001Z"]) == ["machine-shop"])
        #expect(try rows(["--since", "2099-01-01", "--status", "complete"]) == [])
        #expect(try rows(["--scenario", "machine-shop", "--status", "complete", "--since", "2025-01-01"]) == ["machine-shop"])
        let json = try twinlab(["catalog", "list", "--json", "--scenario", "machine-shop"], in: dir)
        let record = try #require((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])?.first)
        #expect(record["horizon_hours"] as? Double == 100)
        #expect(record["run_kind"] as? String == "machine-shop")

        let badDate = try twinlab(["catalog", "list", "--since", "yesterday"], in: dir)
        #expect(badDate.status == ExitStatus.usage.rawValue)
        #expect(badDate.err.contains("ISO 8601"))
        let badStatus = try twinlab(["catalog", "list", "--status", "done"], in: dir)
        #expect(badStatus.status == ExitStatus.usage.rawValue)
        #expect(badStatus.err.contains("running, complete, failed, incomplete"))
    }
}
