import Testing
@testable import Scenario

@Suite("Scenario editor (dotted-path edits)")
struct ScenarioEditorTests {
    static let text = """
        schema: twinlab/scenario@1
        id: edit
        horizon_hours: 24
        facility:
          rooms:
            - {id: a, floor_area_m2: 50}
            - {id: b, floor_area_m2: 60, lighting: {fixture: led-2.8}}
        """

    @Test("sets values by path, picks list items by id, creates missing sections, keeps key order")
    func edits() throws {
        var editor = try ScenarioEditor(text: Self.text, file: "edit.yaml")
        try editor.apply([.init(path: "facility.rooms[b].lighting.lights_on_hour", number: 18.25),
                          .init(path: "facility.rooms[a].setpoints.co2_ppm", number: 900),
                          .init(path: "horizon_hours", number: 48)])
        let text = try editor.text()
        let scenario = try ScenarioLoader.parse(text, file: "edit.yaml")
        #expect(scenario.horizonHours == 48)
        guard case .facility(let spec) = scenario.model else { Issue.record("not a facility"); return }
        #expect(spec.rooms[1].lighting.lightsOnHour == 18.25 && spec.rooms[0].setpoints.co2 == 900)
        #expect(text.range(of: "schema")!.lowerBound < text.range(of: "facility")!.lowerBound)
        #expect(try editor.value(at: "facility.rooms[b].floor_area_m2")?.int == 60)
        #expect(try editor.value(at: "facility.rooms[a].lighting") == nil)
    }

    @Test("an unknown item id or a malformed path is an error naming the path and the known ids")
    func errors() throws {
        var editor = try ScenarioEditor(text: Self.text, file: "edit.yaml")
        do {
            try editor.apply(.init(path: "facility.rooms[c].floor_area_m2", value: "10"))
            Issue.record("an unknown id was accepted")
        } catch let error as ScenarioError {
            #expect("\(error)".contains("facility.rooms[c].floor_area_m2") && "\(error)".contains("a, b"), "\(error)")
        }
        #expect(throws: ScenarioError.self) { try editor.apply(.init(path: "facility..rooms", value: "1")) }
        #expect(throws: ScenarioError.self) { try editor.apply(.init(path: "id.inner", value: "1")) }
        #expect(throws: ScenarioError.self) { try ScenarioEditor(text: "a: [", file: "bad.yaml") }
    }
}

@Suite("Scenario editor (paths by id and by position)")
struct ScenarioEditorPathTests {
    @Test("converts between item ids and positions and tells what an edit would add")
    func paths() throws {
        let editor = try ScenarioEditor(text: ScenarioEditorTests.text, file: "edit.yaml")
        #expect(try editor.indexedPath("facility.rooms[b].lighting.fixture") == "facility.rooms[1].lighting.fixture")
        #expect(editor.namedPath("facility.rooms[1].lighting.fixture") == "facility.rooms[b].lighting.fixture")
        #expect(editor.namedPath("facility.rooms[7].x") == "facility.rooms[7].x")
        #expect(editor.namedPath("machine_shop / facility") == "machine_shop / facility")
        #expect(try editor.addedPart(of: "facility.rooms[b].lighting.fixture") == nil)
        #expect(try editor.addedPart(of: "facility.rooms[a].lighting.fixture") == "facility.rooms[a].lighting")
        #expect(try editor.addedPart(of: "fleet.technicians.count") == "fleet")
    }

    @Test("an unknown item id suggests the closest; items without ids say so; machine groups go by id_prefix")
    func unknownItems() throws {
        var editor = try ScenarioEditor(text: """
            schema: twinlab/scenario@1
            id: x
            fleet:
              machines: [{id_prefix: pump, kind: pump, count: 2}]
              rooms: [{id: flower-1}]
              seasons: [{name: summer}]
            """, file: "x.yaml")
        try editor.apply(.init(path: "fleet.machines[pump].count", value: "3"))
        #expect(try editor.value(at: "fleet.machines[pump].count")?.int == 3)
        #expect(try editor.indexedPath("fleet.machines[pump].count") == "fleet.machines[0].count")
        #expect(editor.namedPath("fleet.machines[0].count") == "fleet.machines[pump].count")
        #expect { try editor.apply(.init(path: "fleet.seasons[summer].x", value: "3")) } throws: {
            "\($0)".contains("items have none")
        }
        #expect { try editor.apply(.init(path: "fleet.rooms[flower-2].x", value: "3")) } throws: {
            "\($0)".contains("did you mean 'flower-1'?")
        }
    }

    @Test("null removes a key or a list item, so its default applies; removing what is not there is an error")
    func removes() throws {
        var editor = try ScenarioEditor(text: ScenarioEditorTests.text, file: "edit.yaml")
        try editor.apply([.init(path: "facility.rooms[b].lighting", value: "null"), .init(path: "facility.rooms[a]", value: "~")])
        #expect(try editor.value(at: "facility.rooms[b].lighting") == nil)
        #expect(try editor.value(at: "facility.rooms")?.sequence?.count == 1)
        let scenario = try ScenarioLoader.parse(try editor.text(), file: "edit.yaml")
        guard case .facility(let spec) = scenario.model else { Issue.record("not a facility"); return }
        #expect(spec.rooms.map(\.id) == ["b"] && spec.rooms[0].lighting.efficacy == 2.8)
        // A quoted 'null' is a text, not a removal.
        try editor.apply(.init(path: "title", value: "'null'"))
        #expect(try editor.value(at: "title")?.string == "null")
        #expect { try editor.apply(.init(path: "facility.rooms[b].hvac", value: "null")) } throws: {
            "\($0)".contains("a key that is there to remove")
        }
    }
}
