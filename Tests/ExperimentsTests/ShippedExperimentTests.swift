import Foundation
import Testing
import Scenario
@testable import Experiments

/// Every experiment in scenarios/experiments/ loads and plans, with the size its header states.
@Suite("Shipped experiments")
struct ShippedExperimentTests {
    static let folder = Fixture.repository.appendingPathComponent("scenarios/experiments")

    static func plan(_ name: String) throws -> ExperimentPlan {
        try ExperimentPlan.make(try ExperimentLoader.load(path: folder.appendingPathComponent(name).path))
    }

    @Test("every shipped experiment is listed here, says what question it answers, and loads")
    func everyFile() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(names.sorted() == ["crew-size.yaml", "grower-what-if.yaml", "room-sensitivity.yaml", "rul-dataset.yaml"])
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("# What question does this answer?"), "\(name)")
            #expect(ExperimentLoader.isExperiment(text), "\(name)")
        }
    }

    @Test("grower what-if: 4 variants × 10 seeds against today's HPS room, a room-month to harvest")
    func growerWhatIf() throws {
        let plan = try Self.plan("grower-what-if.yaml")
        #expect(plan.variants == ["today", "led-retrofit", "co2-1200", "lights-off-peak"] && plan.cells.count == 40)
        #expect(plan.spec.baseline == "today" && plan.spec.seeds == Array(1...10))
        func room(_ variant: String) throws -> RoomSpec {
            let cell = try #require(plan.cells.first { $0.variant == variant })
            #expect(cell.scenario.horizonHours == 744)
            guard case .facility(let facility) = cell.scenario.model else { throw CocoaError(.featureUnsupported) }
            return facility.rooms[0]
        }
        let today = try room("today"), led = try room("led-retrofit")
        let co2 = try room("co2-1200"), offPeak = try room("lights-off-peak")
        #expect(today.lighting.efficacy == 1.7 && today.setpoints.co2 == 450 && today.lighting.lightsOnHour == 6)
        #expect(led.lighting.efficacy == 2.8 && led.setpoints.co2 == 450)
        #expect(co2.lighting.efficacy == 1.7 && co2.setpoints.co2 == 1200)
        #expect(offPeak.lighting.lightsOnHour == 21 && offPeak.lighting.efficacy == 1.7)
        #expect(today.crop.startDay == 30)
    }

    @Test("crew size: 4 fleet scenarios × 1–4 technicians = 16 points × 5 seeds")
    func crewSize() throws {
        let plan = try Self.plan("crew-size.yaml")
        #expect(plan.variants.count == 16 && plan.cells.count == 80)
        #expect(plan.spec.scenarioPaths.map { ($0 as NSString).lastPathComponent }
                    == ["fleet-normal.yaml", "fleet-heavy-load.yaml", "fleet-overheated.yaml", "fleet-worn-bearings.yaml"])
        let crews = plan.cells.compactMap { cell -> String? in
            guard case .fleet(let fleet) = cell.scenario.model else { return nil }
            return "\(cell.scenario.id)/\(fleet.technicians.count)"
        }
        #expect(Set(crews).count == 16 && crews.count == 80)
        #expect(crews.first == "fleet-normal/1" && crews.last == "fleet-worn-bearings/4")
    }

    @Test("room sensitivity: Saltelli design of 6 settings, 128 base samples = 1,024 points × 1 seed")
    func roomSensitivity() throws {
        let plan = try Self.plan("room-sensitivity.yaml")
        #expect(plan.cells.count == 1024 && plan.spec.design.factors.count == 6)
        #expect(plan.cells.allSatisfy { $0.factors.count == 6 && $0.scenario.id == "flower-room" })
        #expect(plan.spec.responses == ["yield_cannabis", "energy_total"])
    }

    @Test("RUL dataset: two fleets run to failure, 20 seeds each, half a year")
    func rulDataset() throws {
        let plan = try Self.plan("rul-dataset.yaml")
        #expect(plan.variants == ["aged-fleet", "heavy-load"] && plan.cells.count == 40 && plan.spec.untilHours == 4380)
        for cell in plan.cells {
            guard case .fleet(let fleet) = cell.scenario.model else { Issue.record("not a fleet"); return }
            #expect(fleet.agent == .none && fleet.maintenance.preventive == .none
                        && fleet.maintenance.conditionBasedHealthBelow == nil, "\(cell.variant)")
        }
        #expect(Set(plan.cells.map(\.scenario.id)) == ["fleet-run-to-failure", "fleet-heavy-load"])
    }
}
