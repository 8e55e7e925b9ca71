import Foundation
import Testing
import TestSupport
import TwinLabCLI

extension CommandLineTests {
    /// Runs the first 720 h of the shipped worn-bearings fleet in `dir`; returns the run file's
    /// path relative to `dir`.
    func wornBearingsRun(in dir: URL) throws -> String {
        let fleet = Self.repository.appendingPathComponent("scenarios/fleet-worn-bearings.yaml").path
        let run = try twinlab(["run", fleet, "--until", "720", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        let runFile = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("results").path)
            .first { $0.hasSuffix(".h5") })
        return "results/\(runFile)"
    }

    @Test func minariAndCMAPSSExportsThroughTheCommandLine() throws {
        let dir = try workspace()
        let path = try wornBearingsRun(in: dir)

        let minari = try twinlab(["export", "minari", path, "--output", "ds"], in: dir)
        #expect(minari.status == 0, "\(minari.err)")
        // The default id names the scenario, the seed and the run's fingerprint.
        let id = try #require(minari.out.split(separator: "\n").first { $0.hasPrefix("wrote Minari dataset ") }?
            .split(separator: " ")[3].dropLast())
        #expect(id.range(of: #"^twinlab/fleet-worn-bearings/machine-lives-seed104-[0-9a-f]{8}-v0$"#,
                         options: .regularExpression) != nil, "\(id)")
        let data = dir.appendingPathComponent("ds/\(id)/data")
        let first = try Data(contentsOf: data.appendingPathComponent("main_data.hdf5"))
        let again = try twinlab(["export", "minari", path, "--output", "ds"], in: dir)
        #expect(again.status == ExitStatus.outputExists.rawValue)
        #expect(again.err.contains("--force"))
        let forced = try twinlab(["export", "minari", path, "--output", "ds", "--force"], in: dir)
        #expect(forced.status == 0)
        #expect(try Data(contentsOf: data.appendingPathComponent("main_data.hdf5")) == first)
        let badID = try twinlab(["export", "minari", path, "--output", "ds", "--dataset-id", "a b"], in: dir)
        #expect(badID.status == ExitStatus.usage.rawValue)

        let cmapss = try twinlab(["export", "cmapss", path, "--output", "rul", "--name", "FD-wb", "--allow-empty"], in: dir)
        #expect(cmapss.status == 0, "\(cmapss.err)")
        #expect(cmapss.out.contains("train units"))
        for file in ["train", "test", "RUL", "columns"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("rul/\(file)_FD-wb.txt").path))
        }
        let test = try String(contentsOf: dir.appendingPathComponent("rul/test_FD-wb.txt"), encoding: .utf8)
        let cmapssAgain = try twinlab(["export", "cmapss", path, "--output", "rul", "--name", "FD-wb", "--force",
                                       "--allow-empty"], in: dir)
        #expect(cmapssAgain.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("rul/test_FD-wb.txt"), encoding: .utf8) == test)

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
        let unwritable = try twinlab(["export", "cmapss", path, "--output", "blocker/sub", "--allow-empty"], in: dir)
        #expect(unwritable.status == ExitStatus.ioError.rawValue)
        let help = try twinlab(["export", "minari", "--help"], in: dir)
        #expect(help.out.contains("machine life") && help.out.contains("MINARI_DATASETS_PATH"))
    }

    @Test func cmapssOfARunWithoutFailuresIsRefusedUnlessAllowedAndUnitsCanContinue() throws {
        let dir = try workspace()
        let path = try wornBearingsRun(in: dir)   // 30 days of a maintained fleet: nothing fails

        let refused = try twinlab(["export", "cmapss", path, "--output", "rul", "--name", "a"], in: dir)
        #expect(refused.status == ExitStatus.unusableRun.rawValue)
        #expect(refused.err.contains("no machine failed") && refused.err.contains("--allow-empty"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("rul/train_a.txt").path))

        let allowed = try twinlab(["export", "cmapss", path, "--output", "rul", "--name", "a", "--allow-empty"], in: dir)
        #expect(allowed.status == 0, "\(allowed.err)")
        #expect(allowed.err.contains("warning: no machine failed"))
        #expect(try String(contentsOf: dir.appendingPathComponent("rul/train_a.txt"), encoding: .utf8).isEmpty)
        // 34 machines, one censored life each: units 1-34, and the next export is told to start at 35.
        #expect(allowed.out.contains("units 1-34") && allowed.out.contains("--first-unit 35"), "\(allowed.out)")

        let next = try twinlab(["export", "cmapss", path, "--output", "rul", "--name", "b", "--allow-empty",
                                "--first-unit", "35"], in: dir)
        #expect(next.status == 0, "\(next.err)")
        #expect(next.out.contains("--first-unit 69"))
        let units = { (name: String) in
            try String(contentsOf: dir.appendingPathComponent("rul/test_\(name).txt"), encoding: .utf8)
                .split(separator: "\n").map { Int($0.split(separator: " ")[0])! }
        }
        #expect(Set(try units("a")) == Set(1...34))
        #expect(Set(try units("b")) == Set(35...68))
        let zero = try twinlab(["export", "cmapss", path, "--output", "rul", "--name", "c", "--first-unit", "0"], in: dir)
        #expect(zero.status == ExitStatus.usage.rawValue)
    }

    @Test func thePrintedMinariCommandLoadsTheDatasetAsPrintedFromAnotherDirectory() throws {
        let dir = try workspace()
        let path = try wornBearingsRun(in: dir)
        // A relative output with a space: the command must make it absolute and quote it.
        let export = try twinlab(["export", "minari", path, "--output", "my datasets"], in: dir)
        #expect(export.status == 0, "\(export.err)")
        let lines = export.out.split(separator: "\n").map(String.init)
        let hint = try #require(lines.firstIndex { $0.hasPrefix("load it") })
        let command = lines[hint + 1].trimmingCharacters(in: .whitespaces)
        #expect(command.hasPrefix("MINARI_DATASETS_PATH='\(dir.path)/my datasets' python -c "), "\(command)")
        let steps = try #require(lines.first { $0.hasPrefix("wrote Minari dataset") }?
            .split(separator: " ").dropLast().last)

        // `python` on PATH is the project's interpreter (the one the tests use), nothing else.
        let bin = try workspace()
        let wrapper = bin.appendingPathComponent("python")
        try "#!/bin/sh\nexec '\(PythonInterpreter.path)' \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command]
        shell.currentDirectoryURL = try workspace()   // anywhere but the export's directory
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["MINARI_DATASETS_PATH"] = nil
        shell.environment = environment
        let out = Pipe(), err = Pipe()
        shell.standardOutput = out
        shell.standardError = err
        try shell.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0, "\(command)\n\(problem)")
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines) == String(steps), "\(printed) vs \(steps)")
    }
}
