import Foundation
import Testing
import Scenario
@testable import Experiments

/// Experiment files read into specs, and every mistake in one reported at its line.
@Suite("Experiment loader")
struct ExperimentLoaderTests {
    @Test("a variants file loads with its seeds, baseline, responses and overrides at their lines")
    func loadsVariants() throws {
        let spec = try ExperimentLoader.load(path: Fixture.path("crew.yaml"))
        #expect(spec.id == "crew" && spec.title == "Crew size on the fixture shop")
        #expect(spec.scenarioPath == Fixture.path("shop.yaml") && spec.sourcePath == Fixture.path("crew.yaml"))
        #expect(spec.untilHours == 100 && spec.seeds == [11, 12, 13, 14, 15] && spec.baseline == "two")
        #expect(spec.responses == ["availability", "mean_wait_for_technician"] && spec.lines.responses == [13, 13])
        guard case .variants(let variants) = spec.design else { Issue.record("not variants"); return }
        #expect(variants.map(\.name) == ["one", "two", "three"] && variants.map(\.line) == [10, 11, 12])
        #expect(variants[2].overrides.map(\.edit.description)
                    == ["machine_shop.technicians=3", "machine_shop.repair_time_hours={kind: exponential, mean: 3}"])
        #expect(spec.cellCount == 15 && spec.sequential == nil && spec.scenarioPaths == [Fixture.path("shop.yaml")])
    }

    @Test("a full factorial file loads its factors and levels; text and numbers stay as written")
    func loadsFactors() throws {
        let spec = try ExperimentLoader.load(path: Fixture.path("grid.yaml"))
        guard case .fullFactorial(let factors) = spec.design else { Issue.record("not a full factorial"); return }
        #expect(factors.map(\.path) == ["facility.rooms[flower-1].lighting.fixture", "facility.rooms[flower-1].setpoints.co2_ppm"])
        guard case .levels(let fixtures) = factors[0].values, case .levels(let co2) = factors[1].values else {
            Issue.record("no levels"); return
        }
        #expect(fixtures.map(\.value) == ["led-2.8", "hps-de-1.7"] && fixtures.map(\.number) == [nil, nil])
        #expect(co2.map(\.number) == [600, 900, 1200] && co2.map(\.line) == [11, 11, 11])
        #expect(spec.baseline == nil && spec.design.pointCount == 6 && spec.cellCount == 12)
    }

    @Test("replications by count, sequential rule, quoted values kept as text")
    func replicationsAndSequential() throws {
        let spec = try Fixture.parse("""
            schema: twinlab/experiment@1
            id: seq
            scenario: shop.yaml
            replications: {count: 3}
            sequential: {relative_half_width: 0.05, max_replications: 40}
            baseline: a
            variants:
              a: {set: {machine_shop.technicians: '2'}}
            responses: [availability]
            """)
        #expect(spec.seeds == [1, 2, 3] && spec.sequential == SequentialRule(relativeHalfWidth: 0.05, maxReplications: 40))
        guard case .variants(let variants) = spec.design else { Issue.record("not variants"); return }
        #expect(variants[0].overrides[0].edit.value == "'2'")
    }

    /// A minimal valid file with `replace` swapped for `with`.
    static func variant(_ replace: String, with: String) -> String {
        """
        schema: twinlab/experiment@1
        id: bad
        scenario: shop.yaml
        replications: {seeds: [1, 2]}
        baseline: a
        variants:
          a: {set: {machine_shop.technicians: 1}}
          b: {set: {machine_shop.technicians: 2}}
        responses: [availability]
        """.replacingOccurrences(of: replace, with: with)
    }

    @Test("each mistake is one clear error at its line", arguments: [
        ("id: bad", "id: bad\nbaselin: a", ExperimentError.Code.invalid, 3, "baselin: unknown key; did you mean 'baseline'?"),
        ("{seeds: [1, 2]}", "{seeds: []}", .emptySeeds, 4, "replications.seeds: the list is empty"),
        ("{seeds: [1, 2]}", "{count: 0}", .emptySeeds, 4, "replications.count: found 0; expected at least 1"),
        ("{seeds: [1, 2]}", "{seeds: [1, 1]}", .invalid, 4, "seed 1 is listed twice"),
        ("{seeds: [1, 2]}", "{seeds: [-1]}", .invalid, 4, "expected a seed, a whole number"),
        ("  b: {set: {machine_shop.technicians: 2}}", "  b: {}", .emptyVariant, 8, "variants.b: sets nothing"),
        ("  b: {set: {machine_shop.technicians: 2}}", "  b: {set: {}}", .emptyVariant, 8, "variants.b: sets nothing"),
        ("baseline: a", "baseline: bb", .unknownBaseline, 5, "baseline: no variant 'bb'; did you mean 'b'?"),
        ("scenario: shop.yaml", "scenario: shop-missing.yaml", .scenarioNotFound, 3, "no scenario file 'shop-missing.yaml'"),
        ("scenario: shop.yaml", "scenario: crew.yaml", .invalidScenario, 3, "the scenario 'crew.yaml' does not load"),
        ("schema: twinlab/experiment@1", "schema: twinlab/scenario@1", .invalid, 1, "this is a scenario file"),
        ("id: bad", "id: bad thing", .invalid, 2, "id: found 'bad thing'"),
        ("responses: [availability]", "responses: [availability, time_ratio]", .unknownResponse, 9, "wall-clock"),
        ("  b: {set: {machine_shop.technicians: 2}}", "  b: {set: {machine_shop.technicians: 2}, sett: {}}", .invalid, 8,
         "variants.b.sett: unknown key; did you mean 'set'?"),
        ("variants:", "design: {kind: sobol, base_samples: 8}\nvariants:", .invalid, 6, "either variants or a design"),
        ("responses: [availability]", "responses: [availability]\nuntil_hours: -5", .invalid, 10, "until_hours: found '-5'"),
        ("{seeds: [1, 2]}", "{seeds: [1, 2]", .malformed, 5, "not valid YAML"),
    ])
    func mistakes(replace: String, with: String, code: ExperimentError.Code, line: Int, message: String) throws {
        let error = try #require(Fixture.error { try Fixture.parse(Self.variant(replace, with: with)) })
        #expect(error.code == code && error.line == line && error.message.contains(message), "\(error)")
        #expect(error.file == Fixture.path("inline.yaml"))
        #expect("\(error)".hasPrefix(Fixture.path("inline.yaml") + ":\(line):"), "\(error)")
    }

    /// A minimal design file with `replace` swapped for `with`.
    static func design(_ replace: String, with: String) -> String {
        """
        schema: twinlab/experiment@1
        id: bad
        scenario: room.yaml
        replications: {seeds: [1]}
        design: {kind: latin_hypercube, samples: 10, design_seed: 4}
        factors:
          - {path: "facility.rooms[flower-1].setpoints.co2_ppm", low: 600, high: 1400}
          - {path: "facility.rooms[flower-1].lighting.ppfd_umol_m2_s", low: 500, high: 900}
        responses: [energy_total]
        """.replacingOccurrences(of: replace, with: with)
    }

    @Test("design mistakes are errors at their lines", arguments: [
        ("low: 600, high: 1400", "low: 1400, high: 600", ExperimentError.Code.badRange, 7, "low 1400 is not below high 600"),
        ("low: 500, high: 900", "levels: [500, 900]", .invalid, 8, "expected a range {low: …, high: …}"),
        ("kind: latin_hypercube", "kind: latin_hypercub", .invalid, 5, "did you mean 'latin_hypercube'?"),
        ("samples: 10, ", "", .invalid, 5, "design.samples: missing"),
        ("replications: {seeds: [1]}", "replications: {seeds: [1]}\nbaseline: p0", .invalid, 5, "no baseline"),
        ("design_seed: 4", "design_seed: 4, base_samples: 3", .invalid, 5, "design.base_samples: unknown key"),
        ("{kind: latin_hypercube, samples: 10, design_seed: 4}", "full_factorial", .badRange, 7,
         "factors[0].levels: missing"),
        ("path: \"facility.rooms[flower-1].lighting.ppfd_umol_m2_s\"", "path: \"facility.rooms[flower-1].setpoints.co2_ppm\"",
         .invalid, 8, "is already a factor"),
        ("{kind: latin_hypercube, samples: 10, design_seed: 4}", "{kind: list}", .invalid, 7,
         "factors: a list design names its values in its points"),
    ])
    func designMistakes(replace: String, with: String, code: ExperimentError.Code, line: Int, message: String) throws {
        let error = try #require(Fixture.error { try Fixture.parse(Self.design(replace, with: with)) })
        #expect(error.code == code || (code == .badRange && error.code == .invalid), "\(error)")
        #expect(error.line == line && error.message.contains(message), "\(error)")
    }

    @Test("a missing experiment file, and a sobol design past GSL's 40 dimensions")
    func limits() throws {
        let missing = try #require(Fixture.error { try ExperimentLoader.load(path: Fixture.path("nope.yaml")) })
        #expect(missing.code == .fileNotFound && missing.line == nil)
        let factors = (0..<21).map { "  - {path: \"facility.rooms[flower-1].setpoints.co2_ppm\($0)\", low: 1, high: 2}" }
        let sobol = try #require(Fixture.error { try Fixture.parse("""
            schema: twinlab/experiment@1
            id: wide
            scenario: room.yaml
            replications: {seeds: [1]}
            design: {kind: sobol, base_samples: 4}
            factors:
            \(factors.joined(separator: "\n"))
            responses: [energy_total]
            """) })
        #expect(sobol.line == 7 && sobol.message.contains("at most 20 factors"), "\(sobol)")
    }

    @Test("isExperiment tells experiment files from scenario files by their schema")
    func detection() throws {
        #expect(ExperimentLoader.isExperiment(try String(contentsOfFile: Fixture.path("crew.yaml"), encoding: .utf8)))
        #expect(!ExperimentLoader.isExperiment(try String(contentsOfFile: Fixture.path("shop.yaml"), encoding: .utf8)))
        #expect(!ExperimentLoader.isExperiment("a: ["))
    }
}
