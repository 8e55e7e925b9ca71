import Foundation
import Testing
import TwinLabCLI

extension CommandLineTests {
    @Test func facilityRunAndOptimizeThroughTheCommandLine() throws {
        let dir = try workspace()
        let flower = Self.repository.appendingPathComponent("scenarios/flower-room.yaml").path
        let run = try twinlab(["run", flower, "--until", "48"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("energy_lighting") && run.out.contains("temperature_discomfort"))
        _ = try runFile("flower-room-seed7-48h-", in: dir)

        let tou = Self.repository.appendingPathComponent("scenarios/flower-room-tou.yaml").path
        let optimize = try twinlab(["optimize", tou, "--days", "2", "--iterations", "2", "--population", "4"], in: dir)
        #expect(optimize.status == 0, "\(optimize.err)")
        #expect(optimize.out.contains("policy: lights on at"))
        #expect(optimize.out.contains("baseline") && optimize.out.contains("total_cost"))
        let bad = try twinlab(["optimize", tou, "--population", "1"], in: dir)
        #expect(bad.status == ExitStatus.usage.rawValue)
        let machineShop = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        let wrongModel = try twinlab(["optimize", machineShop, "--days", "1"], in: dir)
        #expect(wrongModel.status == ExitStatus.runFailed.rawValue)
        #expect(wrongModel.err.contains("facility"))
    }
}
