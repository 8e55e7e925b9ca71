import Foundation
import Testing
@testable import Experiments

/// ``ExperimentRunner``, ``ExperimentCollection`` and the folder they fill, in-process.
@Suite("Experiment runner")
struct ExperimentRunnerTests {
    static func folder() -> ExperimentFolder {
        ExperimentFolder(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("experiment-runner-\(UUID().uuidString)").path)
    }

    static func crew() throws -> ExperimentPlan {
        try ExperimentPlan.make(try ExperimentLoader.load(path: Fixture.path("crew.yaml")))
    }

    @Test("one and two threads give the same run files and summary bytes; a second pass reuses every cell")
    func threadsDoNotChangeResults() throws {
        let plan = try Self.crew()
        var summaries: [String] = []
        var digests: [[String]] = []
        for jobs in [1, 2] {
            let folder = Self.folder()
            defer { try? FileManager.default.removeItem(atPath: folder.path) }
            try ExperimentFolder.claim(folder, for: plan)
            let runner = ExperimentRunner(plan: plan, folder: folder, jobs: jobs)
            let results = try runner.run()
            #expect(results.map(\.cell) == Array(0..<plan.cells.count), "results come back in cell order")
            #expect(results.allSatisfy { $0.status == .ran }, "\(results.filter { $0.status != .ran })")
            let collection = try ExperimentCollection(plan: plan, runner: runner)
            #expect(collection.missing.isEmpty)
            summaries.append(collection.summary.json())
            digests.append(try plan.cells.map { cell in
                try ExperimentManifest.sha256(ofFile: runner.runFile(of: cell))
            })
            let again = try runner.run()
            #expect(again.allSatisfy { $0.status == .reused && $0.wallSeconds == 0 })
        }
        #expect(summaries[0] == summaries[1])
        #expect(digests[0] == digests[1], "every run file is the same bytes whichever thread ran it")
    }

    @Test("shards split the cells by index modulo N, and together cover each cell once")
    func shardsPartitionTheCells() throws {
        let plan = try Self.crew()
        let folder = Self.folder()
        var seen: [Int] = []
        for index in 0..<4 {
            let runner = ExperimentRunner(plan: plan, folder: folder, jobs: 1, shard: ExperimentShard(index: index, count: 4))
            #expect(runner.cells.allSatisfy { $0.index % 4 == index })
            seen += runner.cells.map(\.index)
        }
        #expect(seen.sorted() == Array(0..<plan.cells.count))
    }

    @Test("a repeated point is one run: run once by its first cell's shard, reused by the repeat, never written twice")
    func repeatedPointsRunOnce() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let file = (folder.path as NSString).appendingPathComponent("repeat.yaml")
        try """
            schema: twinlab/experiment@1
            id: repeat
            scenario: \(Fixture.path("shop.yaml"))
            until_hours: 50
            replications: {seeds: [1, 2, 3]}
            baseline: two
            variants:
              two: {set: {machine_shop.technicians: 2}}
              three: {set: {machine_shop.technicians: 3}}
              two-again: {set: {machine_shop.technicians: 2}}
            responses: [availability]
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let plan = try ExperimentPlan.make(try ExperimentLoader.load(path: file))
        try ExperimentFolder.claim(folder, for: plan)
        let runner = ExperimentRunner(plan: plan, folder: folder, jobs: 2)
        #expect(runner.primary == [0, 1, 2, 3, 4, 5, 0, 1, 2])
        for count in [2, 4] {
            for cell in plan.cells {
                #expect(runner.shardIndex(of: cell, count: count) == runner.primary[cell.index] % count)
            }
        }
        let sharded = ExperimentRunner(plan: plan, folder: folder, jobs: 1, shard: ExperimentShard(index: 1, count: 2))
        #expect(sharded.cells.map(\.index) == [1, 3, 5, 7], "cell 7 repeats cell 1, so shard 1 takes it")
        let results = try runner.run()
        #expect(results.map(\.status) == [.ran, .ran, .ran, .ran, .ran, .ran, .reused, .reused, .reused])
        let summary = try ExperimentCollection(plan: plan, runner: runner).summary
        let variants = try #require(summary.responses.first?.variants)
        #expect(variants[0].statistics == variants[2].statistics)
        #expect(variants[2].versusBaseline?.paired.mean == 0)
    }

    @Test("--shard text: I/N with 0 ≤ I < N, anything else refused with the rule")
    func shardParsing() throws {
        #expect(try ExperimentShard(parsing: "2/5") == ExperimentShard(index: 2, count: 5))
        for bad in ["3/3", "-1/3", "1/0", "1", "a/b", "1/2/3", ""] {
            do {
                _ = try ExperimentShard(parsing: bad)
                Issue.record("'\(bad)' was accepted")
            } catch let error as ExperimentRunError {
                #expect(error.code == .invalidShard)
                #expect(error.message.contains("must be I/N with 0 ≤ I < N"))
            }
        }
    }

    @Test("a missing cell is reported and counted as missing in the summary, not guessed")
    func missingCells() throws {
        let plan = try Self.crew()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        try ExperimentFolder.claim(folder, for: plan)
        let runner = ExperimentRunner(plan: plan, folder: folder, jobs: 2, shard: ExperimentShard(index: 0, count: 2))
        _ = try runner.run()
        let collection = try ExperimentCollection(plan: plan, runner: runner)
        #expect(collection.missing.map(\.cell.index) == plan.cells.map(\.index).filter { $0 % 2 == 1 })
        #expect(collection.missing.allSatisfy { $0.error == nil }, "never-run cells have no error to show")
        let first = try #require(collection.summary.responses.first)
        #expect(first.variants.map(\.missing).reduce(0, +) == collection.missing.count)
    }

    @Test("the folder refuses another experiment's manifest and leaves it as it was")
    func foreignFolder() throws {
        let plan = try Self.crew()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        try ExperimentFolder.claim(folder, for: plan)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.manifest))
        var other = plan.spec
        other.id = "another"
        let otherPlan = try ExperimentPlan.make(other)
        do {
            try ExperimentFolder.claim(folder, for: otherPlan)
            Issue.record("another experiment's folder was claimed")
        } catch let error as ExperimentRunError {
            #expect(error.code == .foreignFolder)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.manifest)) == before)
    }

    @Test("the manifest lists every cell with its overrides and run file, and no times: equal plans, equal bytes")
    func manifest() throws {
        let plan = try Self.crew()
        let runner = ExperimentRunner(plan: plan, folder: ExperimentFolder(path: "/tmp/x"), jobs: 1)
        let a = try ExperimentManifest(plan: plan, runner: runner).json()
        let b = try ExperimentManifest(plan: plan, runner: runner).json()
        #expect(a == b)
        let manifest = try ExperimentManifest(plan: plan, runner: runner)
        #expect(manifest.cells.count == plan.cells.count)
        #expect(manifest.cells[0].runFile.hasPrefix("runs/fixture-shop-seed11-100h-"))
        #expect(manifest.cells[0].overrides == ["machine_shop.technicians=1"])
        #expect(manifest.points.isEmpty, "named variants have no design points")
        #expect(ExperimentSpec.extending([3, 1, 5], by: 3) == [3, 1, 5, 6, 7, 8])
        #expect(ExperimentSpec.extending([1, 2, 4], by: 2) == [1, 2, 4, 5, 6])
    }
}
