import Foundation
import Testing
import TwinLabCLI

extension CommandLineTests {
    @Test func minariAndCMAPSSExportsThroughTheCommandLine() throws {
        let dir = try workspace()
        let fleet = Self.repository.appendingPathComponent("scenarios/fleet-worn-bearings.yaml").path
        let run = try twinlab(["run", fleet, "--until", "720", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        let runFile = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("results").path)
            .first { $0.hasSuffix(".h5") })
        let path = "results/\(runFile)"

        let minari = try twinlab(["export", "minari", path, "--output", "ds"], in: dir)
        #expect(minari.status == 0, "\(minari.err)")
        #expect(minari.out.contains("wrote Minari dataset twinlab/fleet-worn-bearings/machine-lives-v0"))
        let data = dir.appendingPathComponent("ds/twinlab/fleet-worn-bearings/machine-lives-v0/data")
        let first = try Data(contentsOf: data.appendingPathComponent("main_data.hdf5"))
        let again = try twinlab(["export", "minari", path, "--output", "ds"], in: dir)
        #expect(again.status == ExitStatus.outputExists.rawValue)
        #expect(again.err.contains("--force"))
        let forced = try twinlab(["export", "minari", path, "--output", "ds", "--force"], in: dir)
        #expect(forced.status == 0)
        #expect(try Data(contentsOf: data.appendingPathComponent("main_data.hdf5")) == first)
        let badID = try twinlab(["export", "minari", path, "--output", "ds", "--dataset-id", "a b"], in: dir)
        #expect(badID.status == ExitStatus.usage.rawValue)

        let cmapss = try twinlab(["export", "cmapss", path, "--output", "rul", "--name", "FD-wb"], in: dir)
        #expect(cmapss.status == 0, "\(cmapss.err)")
        #expect(cmapss.out.contains("train units"))
        for file in ["train", "test", "RUL", "columns"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("rul/\(file)_FD-wb.txt").path))
        }
        let train = try String(contentsOf: dir.appendingPathComponent("rul/train_FD-wb.txt"), encoding: .utf8)
        let cmapssAgain = try twinlab(["export", "cmapss", path, "--output", "rul", "--name", "FD-wb", "--force"], in: dir)
        #expect(cmapssAgain.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("rul/train_FD-wb.txt"), encoding: .utf8) == train)

        // Refusals with their exit codes.
        try FileManager.default.copyItem(atPath: dir.appendingPathComponent(path).path,
                                         toPath: dir.appendingPathComponent(path + ".partial").path)
        let partial = try twinlab(["export", "cmapss", path + ".partial", "--output", "p"], in: dir)
        #expect(partial.status == ExitStatus.unusableRun.rawValue)
        #expect(partial.err.contains("unfinished"))
        let shop = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        #expect(try twinlab(["run", shop, "--until", "50", "--quiet"], in: dir).status == 0)
        let wrong = try twinlab(["export", "minari", try self.runFile("machine-shop-seed42-50h-", in: dir), "--output", "w"], in: dir)
        #expect(wrong.status == ExitStatus.unusableRun.rawValue)
        #expect(wrong.err.contains("fleet or facility"))
        try "x".write(to: dir.appendingPathComponent("blocker"), atomically: true, encoding: .utf8)
        let unwritable = try twinlab(["export", "cmapss", path, "--output", "blocker/sub"], in: dir)
        #expect(unwritable.status == ExitStatus.ioError.rawValue)
        let help = try twinlab(["export", "minari", "--help"], in: dir)
        #expect(help.out.contains("machine life") && help.out.contains("MINARI_DATASETS_PATH"))
    }
}
