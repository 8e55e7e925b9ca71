import Foundation
import Testing
import Scenario
import Recording
@testable import Lab

/// The priced maintenance KPIs of a fleet run: the crew's shift hours, overtime and cost, the
/// downtime cost, waits per job type, and whether they answer "2 or 3 technicians?".
@Suite("Fleet costs", .serialized)
struct FleetCostTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// A shipped fleet scenario with a crew of `technicians` in place of its two, over `hours`.
    static func shipped(_ file: String, technicians: Int, hours: Double? = nil) throws -> Scenario {
        var text = try String(contentsOf: scenarios.appendingPathComponent(file), encoding: .utf8)
        let crew = "technicians:\n    count: 2\n"
        #expect(text.contains(crew))
        text = text.replacingOccurrences(of: crew, with: "technicians:\n    count: \(technicians)\n")
        if let hours { text = text.replacingOccurrences(of: "horizon_hours: 8760", with: "horizon_hours: \(hours)") }
        return try ScenarioLoader.parse(text, file: file)
    }

    /// The KPIs of the shipped `file` with 2 and with 3 technicians, same seed, costs checked.
    static func compareCrews(_ file: String, seed: UInt64? = nil, hours: Double? = nil) throws
        -> (two: [String: Double], three: [String: Double]) {
        var results: [[String: Double]] = []
        var prices: [TechniciansSpec] = []
        for crew in [2, 3] {
            let scenario = try shipped(file, technicians: crew, hours: hours)
            guard case .fleet(let fleet) = scenario.model else { throw CocoaError(.featureUnsupported) }
            let k = kpis(try RunPipeline.simulate(scenario, seed: seed).kpis)
            expectCostsAddUp(k, fleet, horizon: scenario.horizonHours)
            results.append(k)
            prices.append(fleet.technicians)
        }
        let rows = ["technician_shift_hours", "technician_overtime_hours", "technician_utilisation",
                    "mean_wait_for_technician", "mean_wait_for_technician_corrective",
                    "mean_wait_for_technician_preventive", "mean_wait_for_technician_condition_based", "failures",
                    "downtime_hours", "technician_cost", "downtime_cost", "maintenance_cost"]
        for name in rows { print("\(file) seed \(seed.map(String.init) ?? "own"): \(name) 2 → 3 technicians: "
                                 + "\(results[0][name]!) → \(results[1][name]!)") }
        // One more technician costs exactly one more crew member's shift hours, plus the change in overtime.
        let crew = prices[0]
        let extra = results[0]["technician_shift_hours"]! / 2 * crew.costPerHour
            + (results[1]["technician_overtime_hours"]! - results[0]["technician_overtime_hours"]!) * crew.overtimeCostPerHour
        #expect(abs(results[1]["technician_cost"]! - results[0]["technician_cost"]! - extra) < 1e-6)
        #expect(results[1]["technician_cost"]! > results[0]["technician_cost"]!)
        return (results[0], results[1])
    }

    /// Checks the cost KPIs against their definitions and the scenario's prices.
    static func expectCostsAddUp(_ k: [String: Double], _ fleet: FleetSpec, horizon: Double) {
        let crew = fleet.technicians
        let shiftHours = Double(crew.count) * (crew.shift?.workingHours(from: 0, to: horizon) ?? horizon)
        #expect(k["technician_shift_hours"] == shiftHours)
        let cost = shiftHours * crew.costPerHour + k["technician_overtime_hours"]! * crew.overtimeCostPerHour
        #expect(abs(k["technician_cost"]! - cost) <= 1e-9 * cost)
        #expect(abs(k["downtime_cost"]! - k["downtime_hours"]! * fleet.downtimeCostPerHour) <= 1e-9 * k["downtime_cost"]!)
        #expect(k["maintenance_cost"] == k["technician_cost"]! + k["downtime_cost"]!)
        #expect(k["technician_utilisation"]! >= 0 && k["technician_utilisation"]! <= 1)
        #expect(k["technician_overtime_hours"]! >= 0)
    }

    static func kpis(_ kpis: [RunKPI]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: kpis.map { ($0.name, $0.value) })
    }

    @Test("2 or 3 technicians, heavy-load fleet: the third costs its shift hours and cuts every job type's wait")
    func twoOrThreeBusyCrew() throws {
        // A quarter of the shipped heavy-load fleet: condition-based jobs keep the crew half busy.
        let (two, three) = try Self.compareCrews("fleet-heavy-load.yaml", hours: 2190)
        #expect(two["technician_utilisation"]! > 0.3)
        for job in ["", "_corrective", "_preventive", "_condition_based"] where two["mean_wait_for_technician\(job)"]! > 0 {
            #expect(three["mean_wait_for_technician\(job)"]! < two["mean_wait_for_technician\(job)"]!, "wait\(job)")
        }
        #expect(three["technician_overtime_hours"]! < two["technician_overtime_hours"]!)
    }

    @Test("2 or 3 technicians, run-to-failure fleet: the third costs its shift hours and never adds downtime")
    func twoOrThreeCorrectiveOnly() throws {
        // Corrective work only: every hour waited is an hour of downtime. Failures mostly wait for
        // the next shift, not for a free technician, so the third rarely shortens a repair.
        var saved = 0.0, paid = 0.0
        for seed: UInt64 in 1...2 {
            let (two, three) = try Self.compareCrews("fleet-run-to-failure.yaml", seed: seed)
            #expect(three["mean_wait_for_technician_corrective"]! <= two["mean_wait_for_technician_corrective"]!)
            #expect(three["downtime_hours"]! <= two["downtime_hours"]!)
            #expect(three["downtime_cost"]! <= two["downtime_cost"]!)
            saved += two["downtime_cost"]! - three["downtime_cost"]!
            paid += three["technician_cost"]! - two["technician_cost"]!
            #expect(two["mean_wait_for_technician"] == two["mean_wait_for_technician_corrective"])
            #expect(two["mean_wait_for_technician_preventive"] == 0 && two["mean_wait_for_technician_condition_based"] == 0)
        }
        print("run-to-failure fleet, seeds 1-2: a third technician costs \(paid) and saves \(saved) of downtime")
    }

    @Test("on-shift hands-on hours plus overtime are the jobs' hours in the event log; utilisation stays at most 1")
    func handsOnHoursAddUp() throws {
        for text in [FleetRunTests.text, FleetRunTests.maintainedText] {
            let summary = try FleetRunTests.run(text)
            let k = FleetRunTests.kpis(summary)
            let scenario = try ScenarioLoader.parse(text, file: "small-fleet.yaml")
            guard case .fleet(let fleet) = scenario.model else { Issue.record("not a fleet"); return }
            Self.expectCostsAddUp(k, fleet, horizon: scenario.horizonHours)
            // A technician works on at most one job per machine: each start is closed by the machine's
            // next end (a job a failure cut short ends with `pm_end`, value −1).
            let events = try FleetRunTests.events(HDF5File.open(at: summary.outputPath))
            var handsOn = 0.0
            var started: [Int: Double] = [:]
            for event in events {
                if ["repair_start", "pm_start", "cbm_start"].contains(event.kind) { started[event.machine] = event.t }
                if ["repair_end", "pm_end", "cbm_end"].contains(event.kind), let t = started.removeValue(forKey: event.machine) {
                    handsOn += event.t - t
                }
            }
            let booked = k["technician_utilisation"]! * k["technician_shift_hours"]! + k["technician_overtime_hours"]!
            print("hands-on \(handsOn) h = \(booked) h booked, of which \(k["technician_overtime_hours"]!) h overtime")
            #expect(abs(booked - handsOn) < 1e-6 * max(1, handsOn))
            #expect(k["technician_overtime_hours"]! > 0)
        }
    }

    @Test("waits are reported per job type; the overall mean lies between them")
    func waitsPerJobType() throws {
        let k = FleetRunTests.kpis(try FleetRunTests.run(FleetRunTests.maintainedText))
        let corrective = k["mean_wait_for_technician_corrective"]!, cbm = k["mean_wait_for_technician_condition_based"]!
        print("mean waits: corrective \(corrective) h, condition-based \(cbm) h, all \(k["mean_wait_for_technician"]!) h")
        #expect(corrective > 0 && cbm > 0)
        #expect(k["mean_wait_for_technician_preventive"] == 0)   // no preventive interval in this fleet
        #expect(k["mean_wait_for_technician"]! >= min(corrective, cbm) && k["mean_wait_for_technician"]! <= max(corrective, cbm))
    }
}
