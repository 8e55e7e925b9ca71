import Foundation
import Testing
import TestSupport
import Scenario
import Recording
@testable import Lab

/// Minari and C-MAPSS exports of real short fleet and facility runs, loaded back by the real
/// `minari` and `pandas` packages in a Python subprocess (missing Python packages fail the test).
@Suite("Dataset exports", .serialized)
struct DatasetExportTests {
    /// Ten fast-wearing pumps and two overloaded fans for 60 days with the expert agent but one
    /// weekday technician and two spare bearings: decisions, and failures the crew cannot
    /// prevent, so lives end both ways.
    static let fleetText = """
        schema: twinlab/scenario@1
        id: export-fleet
        seed: 4
        horizon_hours: 1440
        recording: {interval_minutes: 60}
        fleet:
          sample_interval_minutes: 10
          machines:
            - {id_prefix: pump, kind: pump, count: 10, preset: worn_bearings, load: 1, bearing_wear_multiplier: 100}
            - {id_prefix: fan, kind: fan, count: 2, preset: heavy_load}
          technicians: {count: 1, shift: {start_hour: 8, hours: 8, days: weekdays}}
          spare_parts: {bearings: 2, restock_days: 10}
          repair_time_hours: {kind: exponential, mean: 5}
          downtime_cost_per_hour: 250
        """

    static let facilityText = FacilityRunTests.text

    static func workspace() throws -> String {
        let path = NSTemporaryDirectory() + "twinlab-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func run(_ text: String, file: String = "export.yaml") throws -> String {
        let scenario = try ScenarioLoader.parse(text, file: file)
        return try RunPipeline.execute(RunRequest(scenario: scenario, outputDirectory: try workspace(), catalogPath: nil)).outputPath
    }

    /// Runs a Python script with arguments; returns stdout, failing the test on a non-zero exit.
    static func python(_ script: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let output = try PythonInterpreter.script(script, arguments, environment: environment)
        #expect(output.status == 0, "python failed (scripts/setup.sh installs minari and pandas into .venv): \(output.stderr)")
        return output.stdout
    }

    /// Loads a dataset with minari, checks every episode's shapes and dtypes, prints totals as JSON.
    static let minariCheck = """
        import json, sys, numpy as np, minari
        d = minari.load_dataset(sys.argv[1])
        obs_dim, act_dim = int(sys.argv[2]), int(sys.argv[3])
        steps = episodes = terminated = truncated = 0
        for ep in d.iterate_episodes():
            T = len(ep)
            assert T >= 1
            assert ep.observations.shape == (T + 1, obs_dim) and ep.observations.dtype == np.float32, ep.observations.shape
            assert ep.actions.shape == ((T,) if act_dim == 0 else (T, act_dim)), ep.actions.shape
            assert ep.rewards.shape == (T,) and ep.rewards.dtype == np.float64
            assert ep.terminations.dtype == np.bool_ and ep.truncations.dtype == np.bool_
            assert ep.terminations.shape == (T,) and ep.truncations.shape == (T,)
            assert ep.terminations[-1] != ep.truncations[-1]
            assert not ep.terminations[:-1].any() and not ep.truncations[:-1].any()
            assert all(len(v) == T + 1 for v in ep.infos.values()), {k: len(v) for k, v in ep.infos.items()}
            assert np.isfinite(ep.observations).all() and np.isfinite(ep.rewards).all()
            steps += T; episodes += 1; terminated += int(ep.terminations[-1]); truncated += int(ep.truncations[-1])
        assert d.total_steps == steps and d.total_episodes == episodes
        print(json.dumps({"episodes": episodes, "steps": steps, "terminated": terminated, "truncated": truncated,
                          "infos": sorted(ep.infos.keys()), "action_dtype": str(ep.actions.dtype),
                          "obs_space": str(d.observation_space), "act_space": str(d.action_space)}))
        """

    static func decode(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func files(under folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)! {
            let full = (folder as NSString).appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return result
    }

    @Test("a fleet run becomes a Minari dataset minari loads: one episode per machine life, failures terminate")
    func fleetMinari() throws {
        let run = try Self.run(Self.fleetText)
        let root = try Self.workspace()
        let summary = try DatasetExport.minari(runPath: run, root: root)
        let fingerprint = try HDF5File.open(at: run).stringAttribute("fingerprint")
        #expect(summary.name == "twinlab/export-fleet/machine-lives-seed4-\(fingerprint.prefix(8))-v0")
        let file = try HDF5File.open(at: run)
        let labels = try file.readTable("labels/machine_faults")
        let lastRow = try file.readTable("timeseries/machines/pump-1").column("time")!.last!
        let failed = (0..<labels.rowCount).filter { labels[$0, 5] == 0 && labels[$0, 3] <= lastRow }.count
        #expect(failed > 0)
        // Every failure inside the recorded rows ends one life; every machine's last life is truncated
        // unless it is down at the horizon.
        #expect(summary.failures == failed)
        #expect(summary.episodes >= 12 && summary.episodes <= 12 + failed)
        let out = try Self.python(Self.minariCheck, [summary.name, "6", "0"], environment: ["MINARI_DATASETS_PATH": root])
        let result = try Self.decode(out)
        #expect(result["episodes"] as? Int == summary.episodes)
        #expect(result["steps"] as? Int == summary.steps)
        #expect(result["terminated"] as? Int == failed)
        #expect(result["infos"] as? [String] == ["rul", "status", "time", "vibration_zone"])
        #expect(result["action_dtype"] as? String == "int64")
        #expect((result["act_space"] as? String)?.hasPrefix("Discrete(3") == true)
        #expect(FileManager.default.fileExists(atPath: root + "/twinlab/namespace_metadata.json"))

        // The same run exported again gives identical bytes.
        let again = try Self.workspace()
        try DatasetExport.minari(runPath: run, root: again)
        #expect(try Self.files(under: root) == (try Self.files(under: again)))
    }

    @Test("fleet episodes: observations are the sensors, actions the audited decisions, rewards the downtime and energy cost")
    func fleetEpisodeContent() throws {
        let run = try ExportedRun(path: try Self.run(Self.fleetText))
        let lives = try MachineLives(run: run, requiring: FleetMinariEpisodes.observationChannels + FleetMinariEpisodes.infoChannels)
        let episodes = FleetMinariEpisodes.episodes(lives, downtimeCostPerHour: 250, energyPrice: 0.1)
        #expect(!lives.decisions.isEmpty)
        let chosen = episodes.flatMap(\.actions).filter { $0 != 0 }.count
        let inLives = lives.decisions.filter { d in
            lives.lives.contains { life in
                let time = lives.tables[life.machine].column("time")!
                return life.machine == d.machine && d.time >= time[life.first] && d.time < time[life.last]
            } && d.action != "none"
        }
        #expect(chosen > 0 && chosen <= inLives.count)
        for (life, episode) in zip(lives.lives, episodes) {
            let table = lives.tables[life.machine]
            let status = table.column("status")!, power = table.column("power")!, time = table.column("time")!
            #expect(episode.observations.count == (life.steps + 1) * 6)
            #expect(episode.observations[0] == power[life.first])
            for step in 0..<life.steps {
                let row = life.first + step
                let hours = time[row + 1] - time[row]
                let expected = -(250 * (status[row + 1] != 0 ? hours : 0) + 0.1 * hours * (power[row] + power[row + 1]) / 2)
                #expect(abs(episode.rewards[step] - expected) < 1e-9)
            }
            if life.failed { #expect(status[life.last] == 2) }   // a failed machine is OFFLINE
        }
    }

    @Test("C-MAPSS files read back with pandas; train RUL ends at each failure, test RUL is the recorded rul")
    func fleetCMAPSS() throws {
        let run = try Self.run(Self.fleetText)
        let dir = try Self.workspace()
        let summary = try DatasetExport.cmapss(runPath: run, directory: dir, name: "FD-test")
        let file = try HDF5File.open(at: run)
        let labels = try file.readTable("labels/machine_faults")
        let lastRow = try file.readTable("timeseries/machines/pump-1").column("time")!.last!
        let failures = (0..<labels.rowCount).filter { labels[$0, 5] == 0 && labels[$0, 3] <= lastRow }.map { labels[$0, 3] }.sorted()
        #expect(summary.failures == failures.count)
        let script = """
            import sys, json, pandas as pd
            d = sys.argv[1]
            train = pd.read_csv(f"{d}/train_FD-test.txt", sep=r"\\s+", header=None)
            test = pd.read_csv(f"{d}/test_FD-test.txt", sep=r"\\s+", header=None)
            rul = pd.read_csv(f"{d}/RUL_FD-test.txt", sep=r"\\s+", header=None)
            assert train.shape[1] == 11 and test.shape[1] == 11
            last = train.groupby(0)[1].max()
            train["RUL"] = train[0].map(last) - train[1]
            assert (train.groupby(0)[1].min() == 1).all()
            print(json.dumps({"train_units": int(train[0].nunique()), "test_units": int(test[0].nunique()),
                              "rows": int(len(train) + len(test)), "rul_rows": int(len(rul)),
                              "zero_rul": int((train["RUL"] == 0).sum()), "columns": int(train.shape[1])}))
            """
        let result = try Self.decode(try Self.python(script, [dir]))
        #expect(result["train_units"] as? Int == failures.count)
        #expect(result["test_units"] as? Int == summary.episodes - failures.count)
        #expect(result["rul_rows"] as? Int == summary.episodes - failures.count)
        #expect(result["rows"] as? Int == summary.steps)
        #expect(result["zero_rul"] as? Int == failures.count)

        // In Swift: each train unit's last cycle is the recording interval holding one labelled failure.
        let origins = try String(contentsOfFile: dir + "/columns_FD-test.txt", encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("train ") }
        #expect(origins.count == failures.count)
        let trainRows = try String(contentsOfFile: dir + "/train_FD-test.txt", encoding: .utf8).split(separator: "\n")
        var cyclesPerUnit: [Int: Int] = [:]
        for row in trainRows {
            let fields = row.split(separator: " ")
            #expect(fields.count == 11)
            cyclesPerUnit[Int(fields[0])!, default: 0] += 1
        }
        for (index, origin) in origins.enumerated() {
            // "train 3: pump-7 life 2: rows 130.0-245.0 h, failed (bearing)"
            let span = origin.split(separator: " ")[6].split(separator: "-")
            let (from, to) = (Double(span[0])!, Double(span[1])!)
            #expect(failures.contains { $0 > to - 1 && $0 <= to })
            #expect(cyclesPerUnit[index + 1] == Int(to - from) + 1)
        }
        let rul = try String(contentsOfFile: dir + "/RUL_FD-test.txt", encoding: .utf8).split(separator: "\n").map { Int($0)! }
        #expect(rul.allSatisfy { $0 >= 0 })
    }

    @Test("a facility run becomes one Minari episode per room with Box actions; dropouts carried forward")
    func facilityMinari() throws {
        let run = try Self.run(Self.facilityText)
        let root = try Self.workspace()
        let summary = try DatasetExport.minari(runPath: run, root: root, datasetID: "twinlab/rooms-test/two-rooms-v1")
        #expect(summary.episodes == 2)
        #expect(summary.steps == 2 * (72 * 6 - 1))
        let out = try Self.python(Self.minariCheck, [summary.name, "6", "7"], environment: ["MINARI_DATASETS_PATH": root])
        let result = try Self.decode(out)
        #expect(result["episodes"] as? Int == 2)
        #expect(result["steps"] as? Int == summary.steps)
        #expect(result["terminated"] as? Int == 0)
        #expect(result["truncated"] as? Int == 2)
        #expect(result["action_dtype"] as? String == "float32")
        #expect(result["infos"] as? [String] == ["air_temperature", "discomfort", "dropout", "energy_cost", "time"])

        let episodes = try FacilityMinariEpisodes.episodes(ExportedRun(path: run), options: DatasetExportOptions())
        let table = try HDF5File.open(at: run).readTable("timeseries/rooms/flower-a")
        let measured = table.column("measured_air_temperature")!
        let episode = episodes[0].episode
        for (row, value) in measured.enumerated() {
            let observed = episode.observations[row * 6]
            let dropout = episode.infos.first { $0.name == "dropout" }!.values[row]
            if value.isNaN {
                #expect(dropout == 1)
                #expect(row == 0 || observed == episode.observations[(row - 1) * 6])
            } else {
                #expect(observed == value)
            }
        }
    }

    @Test("refusals: partial or incomplete runs, wrong model, missing channels, existing output, bad ids")
    func refusals() throws {
        let run = try Self.run(Self.fleetText)
        let root = try Self.workspace()
        func code(_ body: () throws -> Any) -> DatasetExportError.Code? {
            do { _ = try body(); return nil } catch let error as DatasetExportError { return error.code } catch { return nil }
        }
        try DatasetExport.minari(runPath: run, root: root)
        #expect(code { try DatasetExport.minari(runPath: run, root: root) } == .outputExists)
        #expect(code { try DatasetExport.minari(runPath: run, root: root, options: .init(force: true)) } == nil)
        #expect(code { try DatasetExport.minari(runPath: run, root: root, datasetID: "no version") } == .invalidName)
        try DatasetExport.cmapss(runPath: run, directory: root + "/c")
        #expect(code { try DatasetExport.cmapss(runPath: run, directory: root + "/c") } == .outputExists)

        let partial = run + ".partial"
        try FileManager.default.copyItem(atPath: run, toPath: partial)
        #expect(code { try DatasetExport.minari(runPath: partial, root: root) } == .incompleteRun)
        let notRun = root + "/notes.h5"
        try "not hdf5".write(toFile: notRun, atomically: true, encoding: .utf8)
        #expect(code { try DatasetExport.cmapss(runPath: notRun, directory: root) } == .notARunFile)
        #expect(code { try DatasetExport.cmapss(runPath: root + "/missing.h5", directory: root) } == .notARunFile)

        let facility = try Self.run(Self.facilityText)
        #expect(code { try DatasetExport.cmapss(runPath: facility, directory: root + "/f") } == .wrongModel)

        let subset = Self.fleetText.replacingOccurrences(
            of: "recording: {interval_minutes: 60}", with: "recording: {interval_minutes: 60, channels: [power, temperature, rul]}")
        let thin = try Self.run(subset)
        do {
            try DatasetExport.minari(runPath: thin, root: root + "/thin")
            Issue.record("a run without the observation channels exported")
        } catch let error as DatasetExportError {
            #expect(error.code == .missingChannels)
            #expect(error.message.contains("hot_spot_temperature, vibration, runtime, health"))
        }
        let thinRooms = try Self.run(Self.facilityText.replacingOccurrences(
            of: "recording: {interval_minutes: 10}",
            with: "recording: {interval_minutes: 10, channels: [air_temperature, measured_air_temperature, ppfd]}"))
        do {
            try DatasetExport.minari(runPath: thinRooms, root: root + "/thin-rooms")
            Issue.record("a facility run without the controller's channels exported")
        } catch let error as DatasetExportError {
            #expect(error.code == .missingChannels)
            #expect(error.message.contains("measured_relative_humidity, measured_co2, outdoor_temperature, cooling_command"))
        }
    }

    @Test("default ids differ by seed: a second seed's run exports beside the first under one root")
    func defaultIDsPerSeed() throws {
        let root = try Self.workspace()
        let first = try DatasetExport.minari(runPath: try Self.run(Self.fleetText), root: root)
        let second = try DatasetExport.minari(
            runPath: try Self.run(Self.fleetText.replacingOccurrences(of: "seed: 4", with: "seed: 5")), root: root)
        #expect(first.name != second.name)
        #expect(second.name.hasPrefix("twinlab/export-fleet/machine-lives-seed5-"))
        for name in [first.name, second.name] {
            #expect(FileManager.default.fileExists(atPath: "\(root)/\(name)/data/main_data.hdf5"))
        }
    }

    /// Twelve pumps wearing fast under condition-based maintenance and no agent: the policy opens
    /// the work orders, nobody records a decision.
    static let policyText = """
        schema: twinlab/scenario@1
        id: export-policy
        seed: 6
        horizon_hours: 1440
        recording: {interval_minutes: 60}
        fleet:
          agent: none
          sample_interval_minutes: 10
          machines:
            - {id_prefix: pump, kind: pump, count: 12, preset: worn_bearings, load: 1, bearing_wear_multiplier: 100}
          technicians: {count: 1, shift: {start_hour: 8, hours: 8, days: weekdays}}
          maintenance: {condition_based_health_below: 40, preventive_interval_runtime_hours: 300}
          spare_parts: {bearings: 3, restock_days: 10}
        """

    @Test("work orders the maintenance policy opens are MAINTENANCE actions of the step [row, next row) that holds them")
    func policyOrdersAreActions() throws {
        let path = try Self.run(Self.policyText)
        let run = try ExportedRun(path: path)
        let lives = try MachineLives(run: run, requiring: FleetMinariEpisodes.observationChannels + FleetMinariEpisodes.infoChannels)
        let file = try HDF5File.open(at: path)
        let events = try file.readTable("events")
        let kinds = try file.openDataset("events").stringArrayAttribute("kinds")
        let ordered = (0..<events.rowCount).filter { ["pm_ordered", "cbm_ordered"].contains(kinds[Int(events[$0, 2])]) }
        let cbm = ordered.filter { kinds[Int(events[$0, 2])] == "cbm_ordered" }.count
        #expect(cbm > 0 && ordered.count > cbm, "\(cbm) condition-based and \(ordered.count - cbm) preventive orders")
        let episodes = FleetMinariEpisodes.episodes(lives, downtimeCostPerHour: 100, energyPrice: 0.1)
        // Each order inside a life becomes one MAINTENANCE step of that life (two orders of a
        // machine never fall into one hour: a job takes the technician at least 4 h).
        var expected = 0
        for row in ordered {
            let (t, machine) = (events[row, 0], Int(events[row, 1]))
            for (life, episode) in zip(lives.lives, episodes) where life.machine == machine {
                let time = lives.tables[machine].column("time")!
                guard t >= time[life.first], t < time[life.last] else { continue }
                let step = try #require(time[life.first...life.last].lastIndex { $0 <= t }) - life.first
                #expect(episode.actions[step] == 1, "order at \(t) h of machine \(machine)")
                expected += 1
            }
        }
        let maintenance = episodes.flatMap(\.actions).filter { $0 == 1 }.count
        print("\(ordered.count) work orders, \(expected) inside lives, \(maintenance) MAINTENANCE actions")
        #expect(expected > 0 && maintenance == expected)
        #expect(!episodes.flatMap(\.actions).contains(2))   // no agent, nobody switches a machine off
    }

    @Test("older run files without order events: MAINTENANCE at the start of the job")
    func workOrdersOfOlderFiles() throws {
        // pm_start, cbm_start, cbm_end, failure
        let table = HDF5Table(columns: ["time", "machine", "kind", "value"], units: ["h", "index", "code", ""], rowCount: 4,
                              values: [1.5, 0, 6, 0, 2, 1, 8, 0, 3, 1, 9, 0, 4, 0, 0, 0])
        let old = ["failure", "repair_start", "repair_end", "approval_pending", "approved", "rejected", "pm_start",
                   "pm_end", "cbm_start", "cbm_end", "part_shortage", "restock", "alert_raised", "alert_cleared", "decision"]
        #expect(MachineLives.workOrders(table, kinds: old).map { [$0.time, Double($0.machine)] } == [[1.5, 0], [2, 1]])
        let current = old + ["pm_ordered", "cbm_ordered"]
        #expect(MachineLives.workOrders(table, kinds: current).isEmpty)
    }

    @Test("C-MAPSS refuses a run in which nothing failed unless empty sets are allowed")
    func noFailures() throws {
        let quiet = """
            schema: twinlab/scenario@1
            id: export-quiet
            seed: 1
            horizon_hours: 48
            fleet:
              agent: none
              sample_interval_minutes: 10
              machines: [{id_prefix: pump, kind: pump, count: 3}]
              technicians: {count: 1}
            """
        let run = try Self.run(quiet)
        let dir = try Self.workspace()
        do {
            try DatasetExport.cmapss(runPath: run, directory: dir)
            Issue.record("a run without failures exported an empty training set")
        } catch let error as DatasetExportError {
            #expect(error.code == .noFailedUnits)
            #expect(error.message.contains("no machine failed") && error.message.contains("--allow-empty"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/train_FD-twinlab.txt"))
        let summary = try DatasetExport.cmapss(runPath: run, directory: dir, options: .init(allowEmpty: true))
        #expect(summary.failures == 0 && summary.episodes == 3)
        #expect(try String(contentsOfFile: dir + "/train_FD-twinlab.txt", encoding: .utf8).isEmpty)
    }

    @Test("C-MAPSS units continue from --first-unit: two runs concatenate without a unit number twice")
    func unitsAcrossRuns() throws {
        let dir = try Self.workspace()
        let first = try DatasetExport.cmapss(runPath: try Self.run(Self.fleetText), directory: dir, name: "a")
        let next = try #require(first.nextFirstUnit)
        let second = try DatasetExport.cmapss(
            runPath: try Self.run(Self.fleetText.replacingOccurrences(of: "seed: 4", with: "seed: 5")), directory: dir,
            name: "b", firstUnit: next)
        let units = { (file: String) in
            Set(try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8).split(separator: "\n")
                .map { Int($0.split(separator: " ")[0])! })
        }
        for kind in ["train", "test"] {
            let a = try units("\(kind)_a.txt"), b = try units("\(kind)_b.txt")
            #expect(a.isDisjoint(with: b), "\(kind): \(a.intersection(b))")
            #expect(b.min() ?? next >= next)
        }
        #expect(try units("train_a.txt").count == first.failures && (try units("train_b.txt")).count == second.failures)
        #expect(second.nextFirstUnit == next + max(second.failures, second.episodes - second.failures))
    }

    @Test("machine lives: failure rows, returns after approval, dropped empty lives")
    func cutting() {
        let times = (0..<10).map(Double.init)
        let lives = MachineLives.cut(machine: 0, times: times, failures: [(2.5, "bearing"), (7.2, "insulation")], returns: [5.5])
        #expect(lives.map(\.first) == [0, 6])
        #expect(lives.map(\.last) == [3, 8])
        #expect(lives.map(\.failed) == [true, true])
        let open = MachineLives.cut(machine: 0, times: times, failures: [(2.5, "bearing")], returns: [4])
        #expect(open.map(\.first) == [0, 4])
        #expect(open.map(\.failed) == [true, false])
        #expect(open.last?.last == 9)
        #expect(MachineLives.cut(machine: 0, times: times, failures: [(0.5, "bearing")], returns: []).map(\.steps) == [1])
    }
}
