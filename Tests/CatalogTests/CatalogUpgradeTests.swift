import Catalog
import Foundation
import GRDB
import Recording
import Testing

/// The v2 catalog: horizon and run kind per run, the `since` filter, detached outputs, and
/// the upgrade of a catalog written before them.
@Suite("Catalog upgrade and filters")
struct CatalogUpgradeTests {
    @Test("a v1 catalog file opens, gains the columns, keeps its rows, and takes new runs")
    func upgradesAV1File() throws {
        let dir = try CatalogDirectory()
        do {
            let queue = try DatabaseQueue(path: dir.catalogPath)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1-runs');
                    CREATE TABLE "runs" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "run_id" TEXT NOT NULL UNIQUE,
                      "scenario_id" TEXT NOT NULL, "scenario_hash" TEXT NOT NULL, "seed" TEXT NOT NULL,
                      "twinlab_version" TEXT NOT NULL, "fingerprint" TEXT, "status" TEXT NOT NULL,
                      "started_at" TEXT NOT NULL, "finished_at" TEXT, "wall_seconds" DOUBLE, "output_path" TEXT,
                      "kpis" TEXT NOT NULL DEFAULT '{}', "error" TEXT, "writer_pid" INTEGER, "writer_host" TEXT,
                      CHECK (status IN ('running', 'complete', 'failed', 'incomplete')));
                    INSERT INTO runs (run_id, scenario_id, scenario_hash, seed, twinlab_version, status, started_at, kpis)
                      VALUES ('old', 'shop', 'abcd', '7', '0.1.0', 'complete', '2025-01-01T00:00:00.000Z', '{"failures":3.0}');
                    """)
            }
        }
        let catalog = try RunCatalog(path: dir.catalogPath)
        #expect(try catalog.appliedMigrations() == ["v1-runs", "v2-horizon-kind", "v3-output-digest"])
        let old = try #require(try catalog.run(id: "old"))
        #expect(old.horizonHours == nil && old.runKind == nil && old.kpis == [KPI("failures", 3)])
        try catalog.beginRun(runID: "new", scenarioID: "shop", scenarioHash: "ef01", seed: 8, twinlabVersion: "0.1.0",
                             horizonHours: 0.5, runKind: .machineShop)
        let new = try #require(try catalog.run(id: "new"))
        #expect(new.horizonHours == 0.5 && new.runKind == .machineShop)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(new)) as? [String: Any]
        #expect(json?["horizon_hours"] as? Double == 0.5 && json?["run_kind"] as? String == "machine-shop")
    }

    @Test("since keeps runs started at or after the moment")
    func since() throws {
        let dir = try CatalogDirectory()
        let catalog = try RunCatalog(path: dir.catalogPath)
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        for (index, offset) in [0.0, 0.001, 3600, 86400].enumerated() {
            try catalog.beginRun(runID: "r\(index)", scenarioID: "s", scenarioHash: "h", seed: 1, twinlabVersion: "0.1.0",
                                 startedAt: base.addingTimeInterval(offset))
        }
        #expect(try catalog.list(since: base).map(\.runID) == ["r3", "r2", "r1", "r0"])
        #expect(try catalog.list(since: base.addingTimeInterval(0.001)).map(\.runID) == ["r3", "r2", "r1"])
        #expect(try catalog.list(since: base.addingTimeInterval(3600)).map(\.runID) == ["r3", "r2"])
        #expect(try catalog.list(since: base.addingTimeInterval(86401)).isEmpty)
    }

    @Test("detaching a replaced file clears only the other runs with another fingerprint")
    func detach() throws {
        let dir = try CatalogDirectory()
        let catalog = try RunCatalog(path: dir.catalogPath)
        for (id, fingerprint) in [("older", "aaaa"), ("same", "bbbb"), ("new", "bbbb")] {
            try catalog.beginRun(runID: id, scenarioID: "s", scenarioHash: "h", seed: 1, twinlabVersion: "0.1.0",
                                 outputPath: "results/x.h5")
            try catalog.finishRun(id: id, status: .complete, fingerprint: fingerprint)
        }
        try catalog.beginRun(runID: "elsewhere", scenarioID: "s", scenarioHash: "h", seed: 1, twinlabVersion: "0.1.0",
                             outputPath: "results/y.h5")
        #expect(try catalog.detachOutput(path: "results/x.h5", keepingFingerprint: "bbbb", exceptRun: "new") == 1)
        #expect(try catalog.run(id: "older")?.outputPath == nil)
        #expect(try catalog.run(id: "same")?.outputPath == "results/x.h5")
        #expect(try catalog.run(id: "elsewhere")?.outputPath == "results/y.h5")
    }
}
