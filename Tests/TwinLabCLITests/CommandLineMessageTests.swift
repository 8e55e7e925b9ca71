import Foundation
import Testing
import TwinLabCLI

/// What the command line says when the user got something wrong: each message names the
/// problem itself, not a follow-on or a library's internals.
extension CommandLineTests {
    @Test("a missing scenario file is 'no such file: PATH', not a Foundation error dump")
    func missingScenarioFile() throws {
        let dir = try workspace()
        let run = try twinlab(["run", "nowhere/scenario.yaml"], in: dir)
        #expect(run.status == ExitStatus.invalidScenario.rawValue)
        #expect(run.err.contains("no such file: nowhere/scenario.yaml"), "\(run.err)")
        #expect(!run.err.contains("NSCocoaErrorDomain"), "\(run.err)")
    }

    @Test("a negative seed is named as a wrong value, not as a missing one")
    func negativeSeed() throws {
        let dir = try workspace()
        let scenario = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        let run = try twinlab(["run", scenario, "--seed", "-1"], in: dir)
        #expect(run.status == ExitStatus.usage.rawValue)
        #expect(run.err.contains("'-1'") && run.err.contains("--seed"), "\(run.err)")
        #expect(!run.err.contains("Missing value"), "\(run.err)")
    }

    @Test("--until past the horizon warns and runs to the horizon")
    func untilPastHorizonWarns() throws {
        let dir = try workspace()
        let scenario = Self.repository.appendingPathComponent("scenarios/flower-room-tou.yaml").path
        let run = try twinlab(["run", scenario, "--until", "400", "--quiet", "--output", "out", "--catalog", "out/c.sqlite"],
                              in: dir)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("warning: --until 400 h is past the scenario's horizon; the run stops at 336 h"),
                "\(run.err)")
    }

    @Test("a negative floor area is reported once, without a follow-on error about the canopy")
    func rootErrorOnly() throws {
        let dir = try workspace()
        let file = dir.appendingPathComponent("bad.yaml")
        try """
            schema: twinlab/scenario@1
            id: bad
            horizon_hours: 24
            facility:
              rooms:
                - {id: r, floor_area_m2: -100, canopy_area_m2: 50}
            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try twinlab(["validate", file.path], in: dir)
        #expect(run.status == ExitStatus.invalidScenario.rawValue)
        #expect(run.err.contains("floor_area_m2") || run.out.contains("floor_area_m2"), "\(run.err)")
        #expect(!(run.err + run.out).contains("canopy_area_m2"), "\(run.err)")
    }

    @Test("--help lists every exit code")
    func helpListsExitCodes() throws {
        let help = try twinlab(["--help"], in: try workspace())
        for status in ExitStatus.allCases {
            #expect(help.out.contains("\(status.rawValue) "), "exit code \(status.rawValue) missing from --help")
        }
        #expect(help.out.contains("6 a run file is not a TwinLab run, failed its integrity check") && help.out.contains("7 an export would"))
    }
}
