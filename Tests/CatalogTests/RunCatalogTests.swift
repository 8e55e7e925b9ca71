import Catalog
import Foundation
import Testing

@Suite("Run catalog")
struct RunCatalogTests {
    @Test("a run round-trips through a real SQLite file, KPIs in order")
    func roundTrip() throws {
        let dir = try CatalogDirectory()
        let catalog = try RunCatalog(path: dir.catalogPath)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let begun = try catalog.beginRun(
            runID: "room-a-seed-max", scenarioID: "grow-room-a", scenarioHash: "ab12", seed: .max,
            twinlabVersion: "0.1.0", outputPath: "results/room-a.h5", startedAt: start)
        #expect(begun.id != nil)
        #expect(begun.status == .running)
        #expect(begun.writerPID == getpid())
        let kpis = [
            KPI("yield_g", 1234.5), KPI("energy_kwh", 0.1 + 0.2), KPI("cost \"per\" g\n€", -3e-9),
            KPI("no_data", .nan), KPI("peak", .infinity),
        ]
        let finished = try catalog.finishRun(
            id: "room-a-seed-max", status: .complete, fingerprint: "0123456789abcdef", kpis: kpis,
            finishedAt: start.addingTimeInterval(12.5))
        #expect(finished.wallSeconds == 12.5)
        let stored = try #require(try catalog.run(id: "room-a-seed-max"))
        #expect(stored.seed == UInt64.max)
        #expect(stored.status == .complete)
        #expect(stored.fingerprint == "0123456789abcdef")
        #expect(stored.kpis.map(\.name) == kpis.map(\.name))
        #expect(stored.kpis[1].value == 0.1 + 0.2)
        #expect(stored.kpis[2].value == -3e-9)
        #expect(stored.kpis[3].value.isNaN)
        #expect(stored.kpis[4].value == .infinity)
        #expect(stored.startedAt.hasPrefix("2027-01-15T08:00:00"))
        #expect(stored.outputPath == "results/room-a.h5")
        #expect(stored.error == nil)
        #expect(try catalog.run(id: "nope") == nil)
    }

    @Test("list filters by scenario and status, newest first, with a limit")
    func listing() throws {
        let dir = try CatalogDirectory()
        let catalog = try RunCatalog(path: dir.catalogPath)
        for seed in 0..<6 {
            let scenario = seed % 2 == 0 ? "even" : "odd"
            try catalog.beginRun(runID: "r\(seed)", scenarioID: scenario, scenarioHash: "h", seed: UInt64(seed), twinlabVersion: "0.1.0")
            if seed < 4 {
                try catalog.finishRun(id: "r\(seed)", status: seed == 3 ? .failed : .complete, fingerprint: nil, error: seed == 3 ? "boom" : nil)
            }
        }
        #expect(try catalog.list().map(\.runID) == ["r5", "r4", "r3", "r2", "r1", "r0"])
        #expect(try catalog.list(limit: 2).map(\.runID) == ["r5", "r4"])
        #expect(try catalog.list(scenario: "even").map(\.runID) == ["r4", "r2", "r0"])
        #expect(try catalog.list(scenario: "odd", status: .complete).map(\.runID) == ["r1"])
        #expect(try catalog.list(status: .failed).first?.error == "boom")
        #expect(try catalog.count() == 6)
        #expect(try catalog.count(status: .running) == 2)
    }

    @Test("status changes are checked and errors name the catalog")
    func transitions() throws {
        let dir = try CatalogDirectory()
        let path = dir.catalogPath
        let catalog = try RunCatalog(path: path)
        try catalog.beginRun(runID: "a", scenarioID: "s", scenarioHash: "h", seed: 1, twinlabVersion: "0.1.0")
        let duplicateID = #expect(throws: CatalogError.self) {
            try catalog.beginRun(runID: "a", scenarioID: "s", scenarioHash: "h", seed: 1, twinlabVersion: "0.1.0")
        }
        #expect(duplicateID?.code == .write)
        #expect(duplicateID?.message.contains(path) == true)
        #expect(duplicateID?.cause.contains("UNIQUE") == true)
        let stillRunning = #expect(throws: CatalogError.self) { try catalog.finishRun(id: "a", status: .running, fingerprint: nil) }
        #expect(stillRunning?.code == .invalidArgument)
        let twice = #expect(throws: CatalogError.self) {
            try catalog.finishRun(id: "a", status: .complete, fingerprint: nil, kpis: [KPI("x", 1), KPI("x", 2)])
        }
        #expect(twice?.code == .invalidArgument)
        let missing = #expect(throws: CatalogError.self) { try catalog.finishRun(id: "zz", status: .complete, fingerprint: nil) }
        #expect(missing?.code == .notFound)
        #expect(missing?.message.contains(path) == true)
        let interrupted = try catalog.markInterrupted(runID: "a", reason: "node lost")
        #expect(interrupted.status == .incomplete)
        #expect(interrupted.error == "node lost")
        // A writer that reconcile gave up on may still finish.
        try catalog.finishRun(id: "a", status: .complete, fingerprint: "ff")
        let again = #expect(throws: CatalogError.self) { try catalog.finishRun(id: "a", status: .failed, fingerprint: nil) }
        #expect(again?.code == .invalidTransition)
        let notRunning = #expect(throws: CatalogError.self) { try catalog.markInterrupted(runID: "a", reason: "x") }
        #expect(notRunning?.code == .invalidTransition)
    }

    @Test("migrations are recorded once and reopening is idempotent; the file is in WAL mode")
    func migrationsAndWAL() throws {
        let dir = try CatalogDirectory()
        do {
            let catalog = try RunCatalog(path: dir.catalogPath)
            #expect(try catalog.appliedMigrations() == ["v1-runs", "v2-horizon-kind", "v3-output-digest"])
            #expect(try catalog.journalMode() == "wal")
            try catalog.beginRun(runID: "kept", scenarioID: "s", scenarioHash: "h", seed: 9, twinlabVersion: "0.1.0")
        }
        for _ in 0..<3 {
            let reopened = try RunCatalog(path: dir.catalogPath)
            #expect(try reopened.appliedMigrations() == ["v1-runs", "v2-horizon-kind", "v3-output-digest"])
            #expect(try reopened.journalMode() == "wal")
            #expect(try reopened.run(id: "kept")?.seed == 9)
        }
    }

    @Test("opening a catalog in a missing directory throws a CatalogError naming the path")
    func openFailure() throws {
        let dir = try CatalogDirectory()
        let path = dir.url.appendingPathComponent("no/such/dir/catalog.sqlite").path
        let error = #expect(throws: CatalogError.self) { try RunCatalog(path: path) }
        #expect(error?.code == .open)
        #expect(error?.message.contains(path) == true)
    }

    @Test("a file that is not SQLite is rejected with a CatalogError")
    func garbageFile() throws {
        let dir = try CatalogDirectory()
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: dir.catalogPath))
        let error = #expect(throws: CatalogError.self) { try RunCatalog(path: dir.catalogPath) }
        #expect(error?.message.contains(dir.catalogPath) == true)
    }

    @Test("four threads with their own connections insert 200 runs each into one fresh file")
    func concurrentWriters() throws {
        let dir = try CatalogDirectory()
        let path = dir.catalogPath
        let threads = 4
        let perThread = 200
        let errors = ErrorBox()
        let group = DispatchGroup()
        for worker in 0..<threads {
            group.enter()
            // Real threads, each opening its own catalog at the same moment, like separate processes.
            let thread = Thread {
                defer { group.leave() }
                do {
                    let catalog = try RunCatalog(path: path)
                    for index in 0..<perThread {
                        try catalog.beginRun(
                            runID: "w\(worker)-\(index)", scenarioID: "s\(worker)", scenarioHash: "h",
                            seed: UInt64(index), twinlabVersion: "0.1.0")
                        if index % 2 == 0 {
                            try catalog.finishRun(id: "w\(worker)-\(index)", status: .complete, fingerprint: "f", kpis: [KPI("i", Double(index))])
                        }
                    }
                } catch {
                    errors.append(error)
                }
            }
            thread.start()
        }
        group.wait()
        #expect(errors.errors.isEmpty, "\(errors.errors)")
        let catalog = try RunCatalog(path: path)
        #expect(try catalog.count() == threads * perThread)
        #expect(try catalog.count(status: .complete) == threads * perThread / 2)
        #expect(try catalog.list(scenario: "s3").count == perThread)
        #expect(try catalog.appliedMigrations() == ["v1-runs", "v2-horizon-kind", "v3-output-digest"])
    }

    @Test("reconcile marks a running run incomplete once its writer process is killed")
    func reconcileDeadWriter() throws {
        let dir = try CatalogDirectory()
        let catalog = try RunCatalog(path: dir.catalogPath)
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        defer { if sleeper.isRunning { sleeper.terminate() } }
        let host = RunWriter.currentHost
        try catalog.beginRun(
            runID: "victim", scenarioID: "s", scenarioHash: "h", seed: 1, twinlabVersion: "0.1.0",
            writer: RunWriter(pid: sleeper.processIdentifier, host: host))
        try catalog.beginRun(runID: "self", scenarioID: "s", scenarioHash: "h", seed: 2, twinlabVersion: "0.1.0")
        try catalog.beginRun(
            runID: "elsewhere", scenarioID: "s", scenarioHash: "h", seed: 3, twinlabVersion: "0.1.0",
            writer: RunWriter(pid: 1, host: "\(host)-other-node"))
        #expect(try catalog.reconcile().isEmpty)
        #expect(kill(sleeper.processIdentifier, SIGKILL) == 0)
        sleeper.waitUntilExit()
        let changed = try catalog.reconcile()
        #expect(changed.map(\.runID) == ["victim"])
        let victim = try #require(try catalog.run(id: "victim"))
        #expect(victim.status == .incomplete)
        #expect(victim.error?.contains("\(sleeper.processIdentifier)") == true)
        #expect(victim.finishedAt != nil)
        #expect(try catalog.run(id: "self")?.status == .running)
        #expect(try catalog.run(id: "elsewhere")?.status == .running)
        #expect(try catalog.reconcile().isEmpty)
    }
}
