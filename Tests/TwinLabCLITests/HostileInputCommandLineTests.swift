import Foundation
import Testing
import TestSupport
import TwinLabCLI

/// Hostile scenario files through the real `twinlab`: `validate` and `run` refuse each the
/// same way, with exit code 3 and a message that names the limit or rule, within a deadline.
extension CommandLineTests {
    static func hostile(_ name: String) -> String {
        repository.appendingPathComponent("Tests/ScenarioTests/Fixtures/hostile/\(name).yaml").path
    }

    /// `twinlab arguments`, killed (SIGTERM to the child this test started) if it outlives
    /// `deadline` seconds, so a regression fails the test instead of hanging the suite.
    func twinlab(_ arguments: [String], in directory: URL, deadline: Double) throws -> (result: Result, seconds: Double) {
        let start = ContinuousClock.now
        let result = try TwinLabProcess.run(arguments, in: directory, deadline: deadline)
        let elapsed = ContinuousClock.now - start
        return (Result(status: result.status, out: result.out, err: result.err),
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// `validate` and `run` of `file`, each within `deadline`.
    func validateAndRun(_ file: String, in dir: URL, deadline: Double = 30) throws -> [Result] {
        let validate = try twinlab(["validate", file], in: dir, deadline: deadline)
        let run = try twinlab(["run", file, "--quiet", "--output", "out", "--catalog", "out/c.sqlite"], in: dir,
                              deadline: deadline)
        #expect(validate.seconds < deadline && run.seconds < deadline)
        return [validate.result, run.result]
    }

    @Test("an alias bomb is refused by validate and run with exit 3 in seconds, naming the node limit and the line")
    func aliasBombCommandLine() throws {
        let dir = try workspace()
        for result in try validateAndRun(Self.hostile("alias-bomb"), in: dir, deadline: 20) {
            #expect(result.status == ExitStatus.invalidScenario.rawValue, "\(result.err)")
            #expect(result.err.contains("alias-bomb.yaml:12:12: refused: more than 2000000 YAML nodes"), "\(result.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test("bad room and scenario ids are refused by validate and run with exit 3 before anything is written")
    func badIDsCommandLine() throws {
        let dir = try workspace()
        for result in try validateAndRun(Self.hostile("bad-ids"), in: dir) {
            #expect(result.status == ExitStatus.invalidScenario.rawValue, "\(result.err)")
            #expect(result.err.contains("facility.rooms[0].id: found '/abs'; expected an id of 1 to 64 letters"),
                    "\(result.err)")
            #expect(result.err.contains("id: found 'trailing-newline\\n'"), "\(result.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test("equipment the models refuse is refused alike by validate and run: exit 3, the same message")
    func equipmentCommandLine() throws {
        let dir = try workspace()
        let results = try validateAndRun(Self.hostile("canopy-beyond-equipment"), in: dir)
        for result in results {
            #expect(result.status == ExitStatus.invalidScenario.rawValue, "\(result.err)")
            #expect(result.err.contains("facility.rooms[0].hvac.cooling_kw: missing; expected a capacity the device model "
                                        + "accepts: cooling capacity"), "\(result.err)")
        }
        #expect(results[0].err == results[1].err.replacingOccurrences(of: "error: ", with: ""))
    }

    @Test("a run file estimated past the limit is refused by validate and run with exit 3; --until and --max-output-size decide")
    func outputSizeCommandLine() throws {
        let dir = try workspace()
        let file = Self.hostile("huge-output")
        for result in try validateAndRun(file, in: dir) {
            #expect(result.status == ExitStatus.invalidScenario.rawValue, "\(result.err)")
            #expect(result.err.contains("the run file would be about 12.1 TB (1 rooms × 35 values × 36000000001 samples"),
                    "\(result.err)")
            #expect(result.err.contains("more than the limit of 2.00 GB"), "\(result.err)")
        }
        let lower = try twinlab(["validate", Self.repository.appendingPathComponent("scenarios/flower-room.yaml").path,
                                 "--max-output-size", "1M"], in: dir, deadline: 30).result
        #expect(lower.status == ExitStatus.invalidScenario.rawValue, "\(lower.err)")
        #expect(lower.err.contains("more than the limit of 1.00 MB"), "\(lower.err)")
        let valid = try twinlab(["validate", Self.repository.appendingPathComponent("scenarios/flower-room.yaml").path],
                                in: dir, deadline: 30).result
        #expect(valid.status == 0 && valid.out.contains("; run file about ") && valid.out.contains(" MB (1 rooms × 35 values × 5857 samples"), "\(valid.out)")
        let short = try twinlab(["run", file, "--until", "0.01", "--quiet", "--output", "out", "--catalog", "out/c.sqlite"],
                                in: dir, deadline: 60).result
        #expect(short.status == 0, "\(short.err)")
        let bad = try twinlab(["validate", file, "--max-output-size", "lots"], in: dir, deadline: 30).result
        #expect(bad.status == ExitStatus.usage.rawValue, "\(bad.err)")
    }
}
