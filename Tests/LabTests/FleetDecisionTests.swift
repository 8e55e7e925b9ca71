import Foundation
import Testing
import SimKernel
import Scenario
import Recording
@testable import Lab

/// Alerts → decisions → maintenance work orders in a fleet run, read back from the run file.
@Suite("Fleet decisions", .serialized)
struct FleetDecisionTests {
    /// Eight overheated, heavily loaded pumps, their bearings half worn, for 20 days; two
    /// technicians on call, one-hour planned jobs. Worn machines make the expert's overheating
    /// orders pay (p × 5 h > 1 h); on new ones it would answer NONE.
    static let text = """
        schema: twinlab/scenario@1
        id: hot-fleet
        seed: 4
        horizon_hours: 480
        recording: {interval_minutes: 60}
        fleet:
          sample_interval_minutes: 1
          machines:
            - {id_prefix: pump, kind: pump, count: 8, preset: overheated, load: 1.1, initial_bearing_wear: 0.5}
          technicians: {count: 2}
          maintenance: {preventive_duration_hours: 1}
          repair_time_hours: {kind: exponential, mean: 5}
        """

    static func run(_ text: String = text) throws -> RunSummary {
        let dir = NSTemporaryDirectory() + "twinlab-fleet-agent-\(UUID().uuidString)"
        let scenario = try ScenarioLoader.parse(text, file: "hot-fleet.yaml")
        return try RunPipeline.execute(RunRequest(scenario: scenario, seed: nil, outputDirectory: dir, catalogPath: nil))
    }

    static func kpi(_ summary: RunSummary, _ name: String) -> Double? {
        summary.kpis.first { $0.name == name }?.value
    }

    @Test("raised alerts reach the expert agent; its maintenance orders become condition-based jobs")
    func alertsToWorkOrders() throws {
        let summary = try Self.run()
        let file = try HDF5File.open(at: summary.outputPath)
        let alerts = try file.readTable("alerts/machines")
        let audit = try file.readTable("decisions/audit")
        #expect(alerts.rowCount > 0)
        #expect(Self.kpi(summary, "alerts") == Double(alerts.rowCount))
        #expect(Self.kpi(summary, "decisions") == Double(audit.rowCount))
        // One decision per raised alert.
        #expect(audit.rowCount == alerts.rowCount)
        let dataset = try file.openDataset("decisions/audit")
        #expect(try dataset.stringArrayAttribute("agent") == ["expert-policy"])
        let digests = try dataset.stringArrayAttribute("digests")
        #expect(digests.count == audit.rowCount && digests.allSatisfy { $0.count == 16 || $0.count > 8 })
        #expect(try dataset.stringArrayAttribute("root_causes").count == audit.rowCount)
        // Work orders are numbered 1, 2, 3 … in audit order and each is followed by a cbm_start.
        let orders = (0..<audit.rowCount).map { audit[$0, 11] }.filter { !$0.isNaN }
        #expect(!orders.isEmpty)
        #expect(orders == (1...orders.count).map(Double.init))
        let events = try FleetRunTests.events(file)
        for row in 0..<audit.rowCount where !audit[row, 11].isNaN {
            let machine = Int(audit[row, 1]), t = audit[row, 0]
            #expect(audit[row, 10] == 0)
            // The order's job starts as condition-based maintenance, or as a repair if the
            // machine failed while the order waited for a technician.
            let next = events.first { $0.machine == machine && $0.t >= t && ["cbm_start", "repair_start"].contains($0.kind) }
            // Otherwise it is still waiting at the horizon: the machine never returned to service.
            let returned = events.contains { $0.machine == machine && $0.t >= t && ["cbm_end", "approved"].contains($0.kind) }
            #expect(next != nil || !returned, "work order \(audit[row, 11]) on machine \(machine) at \(t) h")
            #expect(events.contains { $0.kind == "decision" && $0.machine == machine && $0.t == t })
        }
        #expect(Self.kpi(summary, "condition_based_maintenance")! >= 1)
        #expect(events.filter { $0.kind == "cbm_start" }.count == Int(Self.kpi(summary, "condition_based_maintenance")!))
    }

    @Test("same seed: identical bytes and fingerprint")
    func determinism() throws {
        let a = try Self.run(), b = try Self.run()
        #expect(a.fingerprint == b.fingerprint)
        #expect(FileManager.default.contents(atPath: a.outputPath) == FileManager.default.contents(atPath: b.outputPath))
    }

    @Test("agent: none records the alerts and decides nothing")
    func noAgent() throws {
        let summary = try Self.run(Self.text + "\n  agent: none")
        #expect(Self.kpi(summary, "decisions") == 0)
        #expect(Self.kpi(summary, "alerts")! > 0)
        #expect(Self.kpi(summary, "condition_based_maintenance") == 0)
        let file = try HDF5File.open(at: summary.outputPath)
        #expect(try file.readTable("decisions/audit").rowCount == 0)
    }

    @Test("default_rules: false without rules: no alerts")
    func noRules() throws {
        let summary = try Self.run(Self.text + "\n  default_rules: false")
        #expect(Self.kpi(summary, "alerts") == 0 && Self.kpi(summary, "decisions") == 0)
    }
}
