import Foundation
import Testing
import TestSupport
import TwinLabCLI

/// `twinlab validate` on experiment files through the real executable.
extension CommandLineTests {
    @Test("validate plans an experiment and prints its size; scenarios beside it validate as before")
    func validateExperiment() throws {
        let dir = try workspace()
        let experiment = Self.repository.appendingPathComponent("scenarios/experiments/grower-what-if.yaml").path
        let crew = Self.repository.appendingPathComponent("scenarios/experiments/crew-size.yaml").path
        let shop = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        let result = try twinlab(["validate", experiment, crew, shop], in: dir)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("grower-what-if.yaml: ok (experiment grower-what-if: 4 variants × 10 seeds = 40 cells)"),
                "\(result.out)")
        #expect(result.out.contains("crew-size: full_factorial design, 2 factors: 16 points × 5 seeds = 80 cells"),
                "\(result.out)")
        #expect(result.out.contains("machine-shop.yaml: ok (machine-shop"))
    }

    @Test("validate reports an experiment's unknown override path at its line and exits 3")
    func validateBadExperiment() throws {
        let dir = try workspace()
        let scenarios = Self.repository.appendingPathComponent("scenarios").path
        let bad = dir.appendingPathComponent("bad.yaml")
        try """
            schema: twinlab/experiment@1
            id: bad
            scenario: \(scenarios)/machine-shop.yaml
            replications: {seeds: [1, 2]}
            baseline: one
            variants:
              one: {set: {machine_shop.technicians: 1}}
              two: {set: {machine_shop.tecnicians: 2}}
            responses: [availability]
            """.write(to: bad, atomically: true, encoding: .utf8)
        let result = try twinlab(["validate", bad.path], in: dir)
        #expect(result.status == ExitStatus.invalidScenario.rawValue)
        #expect(result.err.contains("bad.yaml:8: override 'machine_shop.tecnicians=2' of variant 'two' does not fit "
                                        + "the scenario machine-shop.yaml"), "\(result.err)")
        #expect(result.err.contains("did you mean 'technicians'?"), "\(result.err)")
    }
}
