import Foundation
import Testing
import Scenario

/// Hostile inputs (Fixtures/hostile): each is refused with exit-code-3 errors that name the
/// limit or rule and where, within a bounded time, and never expanded, run or written first.
@Suite("Hostile scenario inputs")
struct HostileScenarioTests {
    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.path(forResource: name, ofType: "yaml", inDirectory: "Fixtures/hostile"))
    }

    /// The seconds `body` took.
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    func temporaryFile(_ name: String) throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name)
    }

    @Test("an alias bomb with an alias as a mapping key is refused in well under 2 s, at the line it crosses the limit")
    func aliasBomb() throws {
        let path = try fixture("alias-bomb")
        var error: ScenarioError?
        let elapsed = seconds { error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) } }
        #expect(elapsed < 2, "took \(elapsed) s")
        #expect(error?.code == .tooLarge)
        let limit = try #require(error?.underlying as? YAMLLimitError)
        #expect(limit.code == .tooManyNodes)
        #expect(limit.limit == YAMLBudget.standard.maximumNodes)
        #expect(limit.line == 12)
        #expect(error?.description.contains("more than 2000000 YAML nodes once aliases are expanded") == true)
    }

    @Test("aliases are counted as the nodes they stand for: the same document passes a large budget and fails a small one")
    func aliasesCountTheirAnchors() throws {
        // 1 mapping + key/value pairs: "a" (1) + list (1 + 3), "b" (1) + list (1 + 3 × 4) = 20 nodes.
        let text = "a: &x [1, 2, 3]\nb: [*x, *x, *x]\n"
        #expect(throws: Never.self) { try BoundedYAML.check(text, file: "t.yaml", budget: .init(maximumBytes: 100, maximumNodes: 20, maximumDepth: 4)) }
        let error = #expect(throws: YAMLLimitError.self) {
            try BoundedYAML.check(text, file: "t.yaml", budget: .init(maximumBytes: 100, maximumNodes: 19, maximumDepth: 4))
        }
        #expect(error?.code == .tooManyNodes)
        #expect(error?.line == 2)
    }

    @Test("lists nested past the depth limit are refused before Yams recurses into them")
    func deepNesting() throws {
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: try fixture("deep-nesting")) }
        let limit = try #require(error?.underlying as? YAMLLimitError)
        #expect(limit.code == .tooDeep)
        #expect(limit.line == 5)
        #expect(error?.description.contains("nested more than 64 levels deep") == true)
    }

    @Test("a file over the byte limit is refused without reading it whole, naming its size and the limit")
    func hugeFile() throws {
        let file = try temporaryFile("huge.yaml")
        let line = Data("# padding padding padding padding padding padding padding padding padding padding\n".utf8)
        var data = Data("schema: twinlab/scenario@1\n".utf8)
        data.reserveCapacity(YAMLBudget.standard.maximumBytes + line.count)
        while data.count <= YAMLBudget.standard.maximumBytes { data.append(line) }
        try data.write(to: file)
        var error: ScenarioError?
        let elapsed = seconds { error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: file.path) } }
        #expect(elapsed < 5, "took \(elapsed) s")
        #expect(error?.code == .tooLarge)
        let limit = try #require(error?.underlying as? YAMLLimitError)
        #expect(limit.code == .tooLarge)
        #expect(limit.found == data.count)
        #expect(error?.description.contains("\(data.count) bytes is larger than the limit of 33554432 bytes") == true)
        try FileManager.default.removeItem(at: file.deletingLastPathComponent())
    }

    @Test("a device that never ends is read only up to the limit")
    func endlessDevice() throws {
        guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
        let budget = YAMLBudget(maximumBytes: 1 << 20, maximumNodes: 100, maximumDepth: 4)
        let error = #expect(throws: YAMLLimitError.self) { try BoundedYAML.readFile("/dev/zero", budget: budget) }
        #expect(error?.code == .tooLarge)
    }

    @Test("every id that breaks the rule is reported with its field and the rule; a duplicate as taken")
    func badIDs() throws {
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: try fixture("bad-ids")) }
        let issues = error?.issues ?? []
        let ruleBroken = issues.filter { $0.expected.contains(EntityID.rule) }
        #expect(ruleBroken.map(\.field) == ["id"] + [0, 1, 2, 3, 4, 7, 8].map { "facility.rooms[\($0)].id" })
        #expect(ruleBroken.first?.value == "trailing-newline\n")
        #expect(issues.contains { $0.field == "facility.rooms[6].id" && $0.expected.contains("'twin' is taken") })
        // Control characters are escaped and long values cut in the message.
        let text = error?.description ?? ""
        #expect(text.contains("found 'trailing-newline\\n'"))
        #expect(text.contains("… (300 characters)"))
        #expect(!text.contains(String(repeating: "x", count: 200)))
    }

    @Test("the id rule: 1 to 64 of [A-Za-z0-9._-], starting with a letter or digit")
    func idRule() {
        for id in ["a", "Room-1", "flower_2.b", "9", String(repeating: "a", count: 64)] { #expect(EntityID.isValid(id), "\(id)") }
        for id in ["", "/abs", "a/b", ".", "..", "-a", "_a", "a\n", "a b", "é", String(repeating: "a", count: 65), "a\u{0}"] {
            #expect(!EntityID.isValid(id), "\(id.debugDescription)")
        }
    }

    @Test("a fleet id_prefix is checked as the longest machine id it makes")
    func fleetPrefix() throws {
        let prefix = String(repeating: "p", count: 61)  // + "-100" = 65 characters
        let text = """
            schema: twinlab/scenario@1
            id: fleet
            horizon_hours: 1
            fleet:
              technicians: {count: 1}
              machines:
                - {id_prefix: \(prefix), kind: pump, count: 100}
            """
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(text, file: "f.yaml") }
        #expect(error?.issues.map(\.field) == ["fleet.machines[0].id_prefix"])
        #expect(error?.issues.first?.expected.contains("'-100'") == true)
    }

    @Test("equipment sized from a legal floor and canopy but beyond the device models is refused by the loader")
    func equipmentBeyondTheModels() throws {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.load(path: try fixture("canopy-beyond-equipment"))
        }
        let issue = try #require(error?.issues.first)
        #expect(error?.issues.count == 1)
        #expect(issue.field == "facility.rooms[0].hvac.cooling_kw")
        #expect(issue.value == nil)
        #expect(issue.expected.contains("cooling capacity") && issue.expected.contains("set it explicitly"))
        // Written explicitly, the same refusal points at the key.
        let explicit = """
            schema: twinlab/scenario@1
            id: tiny
            horizon_hours: 1
            facility:
              rooms:
                - {id: r, floor_area_m2: 10, hvac: {dehumidifier_l_per_day: 0.5}}
            """
        let refused = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(explicit, file: "t.yaml") }
        #expect(refused?.issues.map(\.field) == ["facility.rooms[0].hvac.dehumidifier_l_per_day"])
        #expect(refused?.issues.first?.line == 6)
    }

    @Test("a price or weather file the run cannot use is refused by the loader, at its key")
    func inputFilesReadAsTheRunReadsThem() throws {
        let scenario = try temporaryFile("s.yaml")
        let folder = scenario.deletingLastPathComponent()
        try "hour,price_per_kwh\n0,0.1\n2,0.1\n".write(to: folder.appendingPathComponent("prices.csv"), atomically: true,
                                                       encoding: .utf8)
        try "not,a,weather,file\n".write(to: folder.appendingPathComponent("weather.csv"), atomically: true, encoding: .utf8)
        try """
            schema: twinlab/scenario@1
            id: files
            horizon_hours: 1
            facility:
              weather: {file: weather.csv}
              tariff: {kind: real_time, prices_file: prices.csv}
              rooms: [{id: r, floor_area_m2: 10}]
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: scenario.path) }
        let issues = error?.issues ?? []
        #expect(issues.map(\.field) == ["facility.weather.file", "facility.tariff.prices_file"])
        #expect(issues.last?.expected.contains("prices.csv:3: hour 2.0 out of sequence") == true, "\(issues)")
        #expect(issues.first?.line == 5)
        try FileManager.default.removeItem(at: folder)
    }

    /// A facility of `rooms` minimal rooms.
    static func facility(rooms: Int) -> String {
        var text = "schema: twinlab/scenario@1\nid: rooms-\(rooms)\nhorizon_hours: 24\nfacility:\n  rooms:\n"
        text.reserveCapacity(rooms * 40 + 100)
        for index in 0..<rooms { text += "    - {id: room-\(index), floor_area_m2: 100}\n" }
        return text
    }

    @Test("validation is linear in the number of rooms: 10× the rooms take less than 20× the time (quadratic: 100×)")
    func manyRooms() throws {
        let small = Self.facility(rooms: 10_000), large = Self.facility(rooms: 100_000)
        var scenario: Scenario?
        let smallSeconds = try seconds { _ = try ScenarioLoader.parse(small, file: "small.yaml") }
        let largeSeconds = try seconds { scenario = try ScenarioLoader.parse(large, file: "large.yaml") }
        guard case .facility(let facility)? = scenario?.model else { Issue.record("not a facility"); return }
        #expect(facility.rooms.count == 100_000)
        // 10× the rooms; linear work takes about 10× (allow 20× for a busy machine), the
        // quadratic duplicate-id search took 33× (1.7 s → 57 s) and grew to 100×.
        #expect(largeSeconds < 20 * max(smallSeconds, 0.05), "10⁴ rooms: \(smallSeconds) s, 10⁵ rooms: \(largeSeconds) s")
    }

    @Test("2 × 10⁴ faults naming unknown rooms of a 2 × 10⁴-room facility give a bounded report, quickly")
    func manyBadReferences() throws {
        var text = Self.facility(rooms: 20_000) + "  faults:\n"
        for index in 0..<20_000 {
            text += "    - {room: nowhere-\(index), device: cooling, start_hours: 0, duration_hours: 1}\n"
        }
        var error: ScenarioError?
        let elapsed = seconds { error = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(text, file: "f.yaml") } }
        #expect(error?.issues.count == 1000)
        #expect(error?.omittedIssues == 19_000)
        #expect(error?.description.contains("… and 19000 more") == true)
        #expect(error?.issues.first?.expected.contains("… (20000 rooms)") == true)
        #expect(elapsed < 60, "took \(elapsed) s")
    }
}
