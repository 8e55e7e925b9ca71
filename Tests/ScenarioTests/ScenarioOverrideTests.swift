import Testing
@testable import Scenario

/// `PATH=VALUE` overrides applied to scenario text and validated like a hand edit.
@Suite("Scenario overrides")
struct ScenarioOverrideTests {
    static let text = """
        schema: twinlab/scenario@1
        id: shop
        horizon_hours: 100
        machine_shop:
          machines: 10
          technicians: 2
        """

    @Test("parses PATH=VALUE at the first '=' and refuses text without one")
    func parses() throws {
        #expect(try ScenarioOverride.parse("a.b=x=y") == .init(path: "a.b", value: "x=y"))
        #expect(try ScenarioOverride.parse(" seed = 5 ") == .init(path: "seed", value: "5"))
        for bad in ["seed", "=5", "seed="] {
            #expect { try ScenarioOverride.parse(bad) } throws: { ($0 as? ScenarioOverrideError)?.code == .malformed }
        }
    }

    @Test("the edited scenario holds the values, lists its overrides and has its own content hash")
    func applies() throws {
        let plain = try ScenarioLoader.parse(Self.text, file: "shop.yaml")
        let edits: [ScenarioEditor.Edit] = [.init(path: "machine_shop.technicians", value: "5"), .init(path: "seed", value: "9")]
        let edited = try ScenarioOverride.apply(edits, to: Self.text, file: "shop.yaml")
        guard case .machineShop(let spec) = edited.model else { Issue.record("not a machine shop"); return }
        #expect(spec.technicians == 5 && edited.seed == 9 && edited.overrides == edits)
        #expect(edited.contentHash != plain.contentHash)
        #expect(try ScenarioOverride.apply([], to: Self.text, file: "shop.yaml") == plain)
    }

    @Test("an unknown key names the override and the closest known key; a second model section names the override")
    func unknownKeys() throws {
        do {
            _ = try ScenarioOverride.apply([.init(path: "machine_shop.technicans", value: "5")], to: Self.text, file: "s.yaml")
            Issue.record("an unknown key was accepted")
        } catch let error as ScenarioOverrideError {
            #expect(error.code == .unknownField && error.override == "machine_shop.technicans=5")
            #expect(error.field == "machine_shop.technicans" && error.message.contains("did you mean 'technicians'?"))
        }
        do {
            _ = try ScenarioOverride.apply([.init(path: "fleet.technicians.count", value: "3")], to: Self.text, file: "s.yaml")
            Issue.record("a second model section was accepted")
        } catch let error as ScenarioOverrideError {
            #expect(error.code == .rejected && error.override == "fleet.technicians.count=3")
            #expect(error.message.hasPrefix("adds 'fleet', which the scenario does not have"), "\(error.message)")
        }
    }

    @Test("a value out of range is refused at its field; an unknown item id or a step into a value does not fit")
    func rejectedValues() throws {
        do {
            _ = try ScenarioOverride.apply([.init(path: "machine_shop.machines", value: "0")], to: Self.text, file: "s.yaml")
            Issue.record("machines 0 was accepted")
        } catch let error as ScenarioOverrideError {
            #expect(error.code == .rejected && error.field == "machine_shop.machines")
            #expect(error.description == "--set 'machine_shop.machines=0': machine_shop.machines: found '0'; "
                        + "expected a whole number from 1 to 100000")
        }
        #expect { try ScenarioOverride.apply([.init(path: "horizon_hours.x", value: "1")], to: Self.text, file: "s.yaml") }
            throws: { ($0 as? ScenarioOverrideError)?.code == .notApplicable }
    }

    @Test("fields are named by the ids of list items, also when an edit replaced the item")
    func namesFieldsByID() throws {
        let room = """
            schema: twinlab/scenario@1
            id: room
            horizon_hours: 24
            facility:
              rooms:
                - {id: veg, floor_area_m2: 50}
                - {id: flower, floor_area_m2: 60}
            """
        do {
            _ = try ScenarioOverride.apply([.init(path: "facility.rooms[flower].lightin.fixture", value: "led-2.8")],
                                           to: room, file: "room.yaml")
            Issue.record("an unknown section was accepted")
        } catch let error as ScenarioOverrideError {
            #expect(error.field == "facility.rooms[flower].lightin" && error.message.contains("did you mean 'lighting'?"))
        }
        do {
            _ = try ScenarioOverride.apply([.init(path: "facility.rooms[flower]", value: "1")], to: room, file: "room.yaml")
            Issue.record("a scalar room was accepted")
        } catch let error as ScenarioOverrideError {
            #expect(error.override == "facility.rooms[flower]=1" && error.field == "facility.rooms[1]")
        }
    }
}
