import Foundation
import Testing
import Scenario
@testable import Experiments

/// Experiments expanded into cells, each with its effective scenario, and every override that
/// does not fit reported at the experiment file's line.
@Suite("Experiment plan")
struct ExperimentPlanTests {
    @Test("cells are variant-major then seed, with the effective scenario and its overrides")
    func variantCells() throws {
        let plan = try ExperimentPlan.make(try ExperimentLoader.load(path: Fixture.path("crew.yaml")))
        #expect(plan.variants == ["one", "two", "three"] && plan.cells.count == 15)
        #expect(plan.cells.map(\.index) == Array(0..<15))
        #expect(plan.cells.map(\.variant) == Array(repeating: "one", count: 5) + Array(repeating: "two", count: 5)
                    + Array(repeating: "three", count: 5))
        #expect(plan.cells.map(\.seed) == Array(repeating: [11, 12, 13, 14, 15] as [UInt64], count: 3).flatMap { $0 })
        let three = plan.cells[10]
        guard case .machineShop(let spec) = three.scenario.model else { Issue.record("not a shop"); return }
        #expect(spec.technicians == 3 && spec.repairTime == .exponential(mean: 3))
        #expect(three.scenario.overrides == three.overrides && three.overrides.count == 2)
        #expect(three.point == nil && three.factors.isEmpty && three.scenarioPath == Fixture.path("shop.yaml"))
        // Cells of one variant share one scenario; variants differ in text and so in content hash.
        #expect(Set(plan.cells[10..<15].map(\.scenario.contentHash)).count == 1)
        #expect(Set(plan.cells.map(\.scenario.contentHash)).count == 3)
    }

    @Test("a full factorial plan runs every combination, the first factor slowest, with numeric factor values")
    func factorialCells() throws {
        let plan = try ExperimentPlan.make(try ExperimentLoader.load(path: Fixture.path("grid.yaml")))
        #expect(plan.variants == (0..<6).map { "p\($0)" } && plan.cells.count == 12)
        let settings = plan.points.map { [$0.settings["facility.rooms[flower-1].lighting.fixture"] ?? "",
                                          $0.settings["facility.rooms[flower-1].setpoints.co2_ppm"] ?? ""] }
        #expect(settings == [["led-2.8", "600"], ["led-2.8", "900"], ["led-2.8", "1200"],
                             ["hps-de-1.7", "600"], ["hps-de-1.7", "900"], ["hps-de-1.7", "1200"]])
        let cell = plan.cells[7]
        #expect(cell.variant == "p3" && cell.point == 3 && cell.seed == 2)
        #expect(cell.factors == ["facility.rooms[flower-1].setpoints.co2_ppm": 600])
        guard case .facility(let facility) = cell.scenario.model else { Issue.record("not a facility"); return }
        #expect(facility.rooms[0].lighting.efficacy == 1.7 && facility.rooms[0].setpoints.co2 == 600)
    }

    /// The crew experiment with one variant's `set` replaced.
    static func crew(_ set: String) -> String {
        (try? String(contentsOfFile: Fixture.path("crew.yaml"), encoding: .utf8))?
            .replacingOccurrences(of: "  two: {set: {machine_shop.technicians: 2}}", with: "  two: {set: {\(set)}}") ?? ""
    }

    @Test("an unknown override path is an error at its line with the closest scenario key")
    func unknownPath() throws {
        let spec = try Fixture.parse(Self.crew("machine_shop.technicans: 2"))
        let error = try #require(Fixture.error { try ExperimentPlan.make(spec) })
        #expect(error.code == .unknownOverridePath && error.line == 11, "\(error)")
        #expect(error.message.contains("override 'machine_shop.technicans=2' of variant 'two'")
                    && error.message.contains("did you mean 'technicians'?"), "\(error)")
    }

    @Test("a value the scenario rejects names the experiment line and the scenario field")
    func rejectedValue() throws {
        let spec = try Fixture.parse(Self.crew("machine_shop.machines: 50, machine_shop.technicians: -1"))
        let error = try #require(Fixture.error { try ExperimentPlan.make(spec) })
        #expect(error.code == .rejectedOverride && error.line == 11, "\(error)")
        #expect(error.message.contains("override 'machine_shop.technicians=-1' of variant 'two' is refused by the scenario "
                                           + "shop.yaml: machine_shop.technicians: found '-1'; expected a whole number"),
                "\(error)")
        let item = try Fixture.parse(Self.crew("\"facility.rooms[flower-2].lighting.fixture\": led-2.8"))
        let wrongItem = try #require(Fixture.error { try ExperimentPlan.make(item) })
        #expect(wrongItem.code == .unknownOverridePath && wrongItem.line == 11, "\(wrongItem)")
    }

    @Test("an unknown response is an error at its line with the closest KPI name; until_hours past the horizon too")
    func responsesAndHorizon() throws {
        let text = try String(contentsOfFile: Fixture.path("crew.yaml"), encoding: .utf8)
        let typo = try Fixture.parse(text.replacingOccurrences(of: "[availability, mean_wait_for_technician]",
                                                               with: "[availability,\n  mean_wait_for_technican]"))
        let error = try #require(Fixture.error { try ExperimentPlan.make(typo) })
        #expect(error.code == .unknownResponse && error.line == 14, "\(error)")
        #expect(error.message.contains("did you mean 'mean_wait_for_technician'?"), "\(error)")
        let long = try Fixture.parse(text.replacingOccurrences(of: "until_hours: 100", with: "until_hours: 300"))
        let horizon = try #require(Fixture.error { try ExperimentPlan.make(long) })
        #expect(horizon.line == 6 && horizon.message.contains("past the horizon_hours 200.0 of 'fixture-shop'"), "\(horizon)")
    }

    @Test("a scenario factor swaps the scenario file per design point; the spec lists every scenario")
    func scenarioFactor() throws {
        let spec = try Fixture.parse("""
            schema: twinlab/experiment@1
            id: swap
            scenario: shop.yaml
            replications: {seeds: [1]}
            design: full_factorial
            factors:
              - {path: scenario, levels: [shop.yaml, ../../../scenarios/machine-shop.yaml]}
              - {path: machine_shop.technicians, levels: [1, 4]}
            responses: [availability]
            """)
        let machineShop = Fixture.repository.appendingPathComponent("scenarios/machine-shop.yaml").standardizedFileURL.path
        #expect(spec.scenarioPaths == [Fixture.path("shop.yaml"), machineShop])
        let plan = try ExperimentPlan.make(spec)
        #expect(plan.cells.map(\.scenario.id) == ["fixture-shop", "fixture-shop", "machine-shop", "machine-shop"])
        #expect(plan.cells.map(\.scenarioPath) == [Fixture.path("shop.yaml"), Fixture.path("shop.yaml"), machineShop, machineShop])
        #expect(plan.cells.map { $0.factors["machine_shop.technicians"] } == [1, 4, 1, 4])
        #expect(plan.cells[2].settings["scenario"] == machineShop)
    }

    @Test("list points are built like variants and named p0, p1, …")
    func listPoints() throws {
        let plan = try ExperimentPlan.make(try Fixture.parse("""
            schema: twinlab/experiment@1
            id: points
            scenario: shop.yaml
            replications: {seeds: [4, 5]}
            design: list
            points:
              - {set: {machine_shop.technicians: 1, machine_shop.machines: 20}}
              - {set: {machine_shop.technicians: 3}}
            responses: [availability]
            """))
        #expect(plan.variants == ["p0", "p1"] && plan.cells.map(\.seed) == [4, 5, 4, 5])
        #expect(plan.points[0].factors == ["machine_shop.technicians": 1, "machine_shop.machines": 20])
        #expect(plan.points[1].line == 8)
    }

    @Test("planning 1,000 cells validates each distinct scenario once and is fast")
    func thousandCells() throws {
        let spec = try Fixture.parse("""
            schema: twinlab/experiment@1
            id: big
            scenario: room.yaml
            replications: {count: 20}
            design: {kind: latin_hypercube, samples: 50, design_seed: 9}
            factors:
              - {path: "facility.rooms[flower-1].setpoints.co2_ppm", low: 600, high: 1400}
              - {path: "facility.rooms[flower-1].lighting.ppfd_umol_m2_s", low: 500, high: 1000}
              - {path: "facility.rooms[flower-1].setpoints.day_temperature_c", low: 22, high: 30}
            responses: [standing_crop, energy_total]
            """)
        let clock = ContinuousClock()
        var plan: ExperimentPlan?
        let elapsed = try clock.measure { plan = try ExperimentPlan.make(spec) }
        #expect(plan?.cells.count == 1000)
        #expect(Set(plan?.cells.map(\.scenario.contentHash) ?? []).count == 50)
        // Measured: about 0.1 s in a debug build (50 scenario loads); the bound leaves room for a busy machine.
        #expect(elapsed < .seconds(5), "planning 1,000 cells took \(elapsed)")
    }
}

/// The experiment's own `set`: applied to every cell before its variant's overrides.
@Suite("Experiment plan (common overrides)")
struct ExperimentCommonOverrideTests {
    static let text = """
        schema: twinlab/experiment@1
        id: common
        scenario: shop.yaml
        set:
          horizon_hours: 50
          machine_shop.machines: 20
        replications: {seeds: [1]}
        baseline: a
        variants:
          a: {set: {machine_shop.technicians: 1}}
          b: {set: {machine_shop.technicians: 2, machine_shop.machines: 30}}
        responses: [availability]
        """

    @Test("every cell gets the experiment's set first; a variant's own value wins")
    func applied() throws {
        let spec = try Fixture.parse(Self.text)
        #expect(spec.overrides.map(\.line) == [5, 6])
        let plan = try ExperimentPlan.make(spec)
        #expect(plan.cells.map(\.scenario.horizonHours) == [50, 50])
        let machines = plan.cells.compactMap { cell -> Int? in
            guard case .machineShop(let shop) = cell.scenario.model else { return nil }
            return shop.machines
        }
        #expect(machines == [20, 30])
        #expect(plan.cells[1].overrides.map(\.description)
                    == ["horizon_hours=50", "machine_shop.machines=20", "machine_shop.technicians=2", "machine_shop.machines=30"])
    }

    @Test("a bad value in the experiment's set is reported at its line")
    func errorAtItsLine() throws {
        let spec = try Fixture.parse(Self.text.replacingOccurrences(of: "horizon_hours: 50", with: "horizon_hours: 0"))
        let error = try #require(Fixture.error { try ExperimentPlan.make(spec) })
        #expect(error.code == .rejectedOverride && error.line == 5, "\(error)")
        #expect(error.message.contains("override 'horizon_hours=0' of the experiment's set (for variant 'a')"), "\(error)")
    }
}
