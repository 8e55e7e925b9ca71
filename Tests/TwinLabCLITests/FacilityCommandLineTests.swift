import Foundation
import Testing
import TwinLabCLI
import Reports

extension CommandLineTests {
    @Test func facilityRunAndOptimizeThroughTheCommandLine() throws {
        let dir = try workspace()
        let flower = Self.repository.appendingPathComponent("scenarios/flower-room.yaml").path
        let run = try twinlab(["run", flower, "--until", "48"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("energy_lighting") && run.out.contains("temperature_discomfort"))
        _ = try runFile("flower-room-seed7-48h-", in: dir)

        let tou = Self.repository.appendingPathComponent("scenarios/flower-room-tou.yaml").path
        let optimize = try twinlab(["optimize", tou, "--days", "4", "--iterations", "2", "--population", "4",
                                    "--training-seeds", "1", "--holdout-seeds", "3", "--write-scenario", "found.yaml"], in: dir)
        #expect(optimize.status == 0, "\(optimize.err)")
        #expect(optimize.out.contains("best candidate: lights on at"))
        #expect(optimize.out.contains("held-out seed") && optimize.out.contains("total_cost"))
        #expect(optimize.out.contains("result: improves the return") && optimize.out.contains("saving"), "\(optimize.out)")
        // The written policy reproduces the printed optimized column when run.
        let replay = try twinlab(["run", "found.yaml", "--json", "--output", "replay", "--catalog", "replay/c.sqlite"], in: dir)
        #expect(replay.status == 0, "\(replay.err)")
        let summary = try JSONSerialization.jsonObject(with: Data(replay.out.utf8)) as? [String: Any]
        let kpis = summary?["kpis"] as? [[String: Any]] ?? []
        let cost = try #require(kpis.first { $0["name"] as? String == "total_cost" }?["value"] as? Double)
        let row = try #require(optimize.out.split(separator: "\n").first { $0.hasPrefix("total_cost ") })
        let printed = row.split(separator: " ", omittingEmptySubsequences: true)
        #expect(printed.count >= 3 && printed[2] == Substring(KPIReport.format(cost)), "\(row) vs \(cost)")
        let bad = try twinlab(["optimize", tou, "--population", "1"], in: dir)
        #expect(bad.status == ExitStatus.usage.rawValue)
        let machineShop = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        let wrongModel = try twinlab(["optimize", machineShop, "--days", "1"], in: dir)
        #expect(wrongModel.status == ExitStatus.runFailed.rawValue)
        #expect(wrongModel.err.contains("facility"))
    }
}
