import Foundation
import Testing
import SimKernel
import TwinModels
import Scenario
import Recording
@testable import Lab

/// The machine fleet from scenario to HDF5 and back: layout, determinism, the work-order
/// sequence after every failure, maintenance, shifts, load dependence, and the machine-
/// repairman availability.
@Suite("Fleet runs", .serialized)
struct FleetRunTests {
    /// Ten worn-bearing pumps at rated load with badly contaminated grease and two overloaded
    /// fans for 60 days; one technician on weekday day shifts, one spare bearing, no
    /// maintenance policy: machines run to failure.
    static let text = """
        schema: twinlab/scenario@1
        id: small-fleet
        seed: 9
        horizon_hours: 1440
        recording: {interval_minutes: 60}
        fleet:
          agent: none   # the base maintenance mechanics, no decision agent
          sample_interval_minutes: 5
          machines:
            - {id_prefix: pump, kind: pump, count: 10, preset: worn_bearings, load: 1, bearing_wear_multiplier: 100}
            - {id_prefix: fan, kind: fan, count: 2, preset: heavy_load}
          technicians: {count: 1, shift: {start_hour: 8, hours: 8, days: weekdays}}
          spare_parts: {bearings: 1, restock_days: 10}
          repair_time_hours: {kind: exponential, mean: 5}
          approval: {probability_rejected: 0.3, review_hours: 1}
        """

    /// The same fleet with condition-based maintenance below health 30.
    static let maintainedText = text + "\n  maintenance: {condition_based_health_below: 30, preventive_duration_hours: 2}"

    static func run(_ text: String = text, seed: UInt64? = nil) throws -> RunSummary {
        let dir = NSTemporaryDirectory() + "twinlab-fleet-\(UUID().uuidString)"
        let scenario = try ScenarioLoader.parse(text, file: "small-fleet.yaml")
        return try RunPipeline.execute(RunRequest(scenario: scenario, seed: seed, outputDirectory: dir, catalogPath: nil))
    }

    static func kpis(_ summary: RunSummary) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: summary.kpis.map { ($0.name, $0.value) })
    }

    /// Events as (time, machine, kind name, value).
    static func events(_ file: HDF5File) throws -> [(t: Double, machine: Int, kind: String, value: Double)] {
        let table = try file.readTable("events")
        let kinds = try file.openDataset("events").stringArrayAttribute("kinds")
        return (0..<table.rowCount).map { (table[$0, 0], Int(table[$0, 1]), kinds[Int(table[$0, 2])], table[$0, 3]) }
    }

    @Test("the run file holds every machine's channels with units, events, fault labels and KPIs")
    func layout() throws {
        let summary = try Self.run()
        let file = try HDF5File.open(at: summary.outputPath)
        #expect(try file.stringAttribute("status") == "complete")
        for id in ["pump-1", "pump-10", "fan-2"] {
            let table = try file.readTable("timeseries/machines/\(id)")
            #expect(table.columns == ["time"] + FleetSpec.machineChannels)
            #expect(table.rowCount == 1440)
            #expect(table.units[table.columns.firstIndex(of: "vibration")!] == "mm/s")
            #expect(table.units[table.columns.firstIndex(of: "rul")!] == "h")
        }
        let events = try Self.events(file)
        #expect(events.contains { $0.kind == "failure" })
        let labels = try file.readTable("labels/machine_faults")
        #expect(labels.columns == ["machine", "mode", "onset", "failure", "end", "outcome"])
        let failures = events.filter { $0.kind == "failure" }
        let failedLabels = (0..<labels.rowCount).filter { labels[$0, 5] == 0 }
        #expect(failedLabels.count == failures.count)
        for row in failedLabels {
            #expect(labels[row, 2] <= labels[row, 3])   // onset before failure
            #expect(failures.contains { $0.machine == Int(labels[row, 0]) && abs($0.t - labels[row, 3]) < 1e-6 })
        }
        let k = Self.kpis(summary)
        #expect(k["failures"] == Double(failures.count))
        #expect(k["failures"] == k["failures_bearing"]! + k["failures_insulation"]! + k["failures_electrical"]!)
        #expect(k["availability"]! > 0 && k["availability"]! < 1)
        #expect(k["energy_total"]! > 0)
        #expect(MachineChannel.allCases.map(\.rawValue) == FleetSpec.machineChannels)
    }

    @Test("same seed: identical fingerprint and bytes; another seed: another fingerprint")
    func determinism() throws {
        let a = try Self.run(), b = try Self.run(), c = try Self.run(seed: 10)
        #expect(a.fingerprint == b.fingerprint)
        #expect(FileManager.default.contents(atPath: a.outputPath) == FileManager.default.contents(atPath: b.outputPath))
        #expect(a.fingerprint != c.fingerprint)
    }

    @Test("every failure is followed by repair start and end and an approval; rejections repeat the repair")
    func workOrderSequence() throws {
        let file = try HDF5File.open(at: try Self.run().outputPath)
        let events = try Self.events(file)
        var rejected = 0
        var completed = 0
        for machine in 0..<12 {
            let mine = events.filter { $0.machine == machine && !$0.kind.hasPrefix("alert_") && $0.kind != "decision" }
                .map(\.kind)
            var i = 0
            while let f = mine[i...].firstIndex(of: "failure") {
                // failure → [shortage] → (repair_start → repair_end → approval_pending → rejected)* → … → approved
                var j = f + 1
                if j < mine.count, mine[j] == "part_shortage" { j += 1 }
                var done = false
                while j + 2 < mine.count, mine[j] == "repair_start", mine[j + 1] == "repair_end",
                      mine[j + 2] == "approval_pending" {
                    j += 3
                    guard j < mine.count else { break }
                    if mine[j] == "approved" { done = true; j += 1; break }
                    #expect(mine[j] == "rejected")
                    rejected += 1
                    j += 1
                }
                if done { completed += 1 } else {
                    // Only the last failure of a machine may still be open at the horizon.
                    #expect(!mine[j...].contains("failure"), "machine \(machine): \(mine[f...])")
                }
                i = j
                if i >= mine.count { break }
            }
        }
        print("work orders: \(completed) failures restored, \(rejected) repairs rejected")
        #expect(completed > 5)
        #expect(rejected > 0)
    }

    @Test("maintenance restores health; work starts only on shift")
    func maintenanceAndShifts() throws {
        let file = try HDF5File.open(at: try Self.run(Self.maintainedText).outputPath)
        let events = try Self.events(file)
        let ends = events.filter { $0.kind == "cbm_end" }
        #expect(!ends.isEmpty)
        let ids = try file.openDataset("events").stringArrayAttribute("machines")
        for end in ends {
            let table = try file.readTable("timeseries/machines/\(ids[end.machine])")
            let t = table.column("time")!, health = table.column("health")!
            guard let after = t.firstIndex(where: { $0 > end.t }),
                  let start = events.last(where: { $0.machine == end.machine && $0.kind == "cbm_start" && $0.t < end.t }),
                  let before = t.lastIndex(where: { $0 <= start.t }) else { continue }
            #expect(health[before] < 35)
            #expect(health[after] > health[before] + 20, "health \(health[before]) → \(health[after])")
        }
        let shift = try ShiftCalendar(startHour: 8, hours: 8, days: Set(0...4))
        for start in events where ["repair_start", "cbm_start", "pm_start"].contains(start.kind) {
            #expect(shift.isWorking(atHours: start.t + 1e-9), "\(start.kind) at \(start.t) h")
        }
        let runToFailure = try Self.run()
        let repairs = try Self.events(HDF5File.open(at: runToFailure.outputPath)).filter { $0.kind == "repair_start" }
        #expect(!repairs.isEmpty)
        for start in repairs {
            #expect(shift.isWorking(atHours: start.t + 1e-9), "repair at \(start.t) h")
        }
        let k = Self.kpis(runToFailure)
        let maintained = Self.kpis(try Self.run(Self.maintainedText))
        #expect(k["condition_based_maintenance"] == 0 && maintained["condition_based_maintenance"]! > 0)
        #expect(k["spare_part_stockouts"]! > 0)
        #expect(k["technician_utilisation"]! > 0 && k["technician_utilisation"]! < 1.5)
    }

    @Test("downtime is the out-of-service share of machine-hours; prevented failures are the maintained fault labels")
    func downtimeAndPreventedFailures() throws {
        let machines = 12.0, horizon = 1440.0
        for text in [Self.text, Self.maintainedText] {
            let summary = try Self.run(text)
            let k = Self.kpis(summary)
            #expect(abs(k["downtime_hours"]! - (1 - k["availability"]!) * machines * horizon) < 1e-6 * machines * horizon)
            let labels = try HDF5File.open(at: summary.outputPath).readTable("labels/machine_faults")
            let maintained = (0..<labels.rowCount).filter { labels[$0, 5] == 1 }.count
            #expect(k["prevented_failures"] == Double(maintained))
        }
        // Run to failure nothing is prevented; with condition-based maintenance something is.
        #expect(Self.kpis(try Self.run())["prevented_failures"] == 0)
        #expect(Self.kpis(try Self.run(Self.maintainedText))["prevented_failures"]! > 0)
    }

    @Test("failures rise with load: heavy_load fails more machines than normal over the same year")
    func heavyLoadFailsMore() throws {
        func failures(_ preset: String) throws -> Double {
            let scenario = try ScenarioLoader.parse("""
                schema: twinlab/scenario@1
                id: load-\(preset)
                seed: 4
                horizon_hours: 8760
                fleet:
                  agent: none   # the base maintenance mechanics, no decision agent
                  sample_interval_minutes: 30
                  machines: [{id_prefix: m, kind: motor, count: 20, preset: \(preset)}]
                  technicians: {count: 3}
                """, file: "load.yaml")
            return Self.kpis(try RunPipeline.simulate(scenario).asSummary)["failures"]!
        }
        let normal = try failures("normal"), heavy = try failures("heavy_load")
        print("20 motors over a year: \(normal) failures at normal load, \(heavy) at heavy load")
        #expect(heavy > normal + 10, "heavy_load \(heavy) vs normal \(normal) failures")
    }

    @Test("energy equals the recorded power integrated over time")
    func energyMatchesPower() throws {
        let summary = try Self.run("""
            schema: twinlab/scenario@1
            id: energy
            horizon_hours: 48
            recording: {interval_minutes: 10}
            fleet:
              agent: none   # the base maintenance mechanics, no decision agent
              machines:
                - {id_prefix: p, kind: pump, count: 3}
                - {id_prefix: c, kind: compressor, preset: worn_bearings}
              technicians: {count: 1}
            """)
        let file = try HDF5File.open(at: summary.outputPath)
        var integrated = 0.0
        for id in ["p-1", "p-2", "p-3", "c-1"] {
            let power = try file.readTable("timeseries/machines/\(id)").column("power")!
            // Rows at 0, 10, …, 47:50 h:min; row k holds the power of the steps ending at k·10
            // min, so rows 1… cover the run but its last 10 minutes, which run at the last power.
            integrated += (power.dropFirst().reduce(0, +) + power.last!) / 6
        }
        let energy = try #require(Self.kpis(summary)["energy_total"])
        #expect(abs(energy - integrated) < 1e-3 * energy, "energy \(energy) kWh vs ∫power \(integrated) kWh")
        // 3 pumps at 0.7 × 15 kW and a compressor at 0.7 × 355 kW, plus losses, for 48 h.
        #expect(energy > 48 * 0.7 * (3 * 15 + 355) && energy < 48 * 0.8 * (3 * 15 + 355))
    }

    /// Machines whose only failure mode is an exponential bearing life (Weibull shape 1) with
    /// mean `mttf` running hours, so the fleet is the M/M/c//N machine-repairman system.
    @Sendable static func exponentialParameters(mttf: Double) -> (MachineKind) -> MachineParameters {
        { kind in
            var p = MachineParameters.preset(for: kind)
            // At rated load the bearing damage rate is 1/L10h per running hour.
            p.bearingLife = try! WeibullLife(shape: 1, scale: mttf / p.l10Hours)
            p.insulationReferenceLifeHours = 1e6
            return p
        }
    }

    @Test("availability of an exponential fleet matches the machine-repairman (birth–death) solution")
    func machineRepairman() throws {
        var reference = MachineRepairShop()
        reference.machines = 10
        reference.technicians = 2
        reference.timeToFailure = .exponential(mean: 50)
        reference.repairTime = .exponential(mean: 5)
        let analytic = try #require(reference.analyticAvailability)
        let scenario = try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: repairman
            horizon_hours: 5000
            fleet:
              agent: none   # the base maintenance mechanics, no decision agent
              sample_interval_minutes: 3
              machines: [{id_prefix: m, kind: pump, count: 10, load: 1}]
              technicians: {count: 2}
              spare_parts: {bearings: 10000, restock_days: 1}
              repair_time_hours: {kind: exponential, mean: 5}
              approval: {probability_rejected: 0, review_hours: 0}
            """, file: "repairman.yaml")
        let summary = try Replications.run(seeds: Array(1...40)) { seed in
            let outcome = try FleetRun.record(scenario: scenario, seed: seed, horizonHours: 5000, into: nil, progress: nil,
                                              parameters: Self.exponentialParameters(mttf: 50))
            return [ReplicationMetric("availability", outcome.kpis.first { $0.name == "availability" }!.value)]
        }
        let availability = try #require(summary["availability"]).interval
        print("Fleet machine repairman, 40 × 5,000 h: availability \(availability) (analytic \(analytic))")
        #expect(availability.contains(analytic), "availability \(availability) vs analytic \(analytic)")
        #expect(availability.halfWidth < 0.005)
    }
}

extension RunPipeline.SimulationResult {
    var asSummary: RunSummary {
        RunSummary(runID: "", scenarioID: "", seed: 0, horizonHours: 0, fingerprint: fingerprint, outputPath: "",
                   events: events, wallSeconds: 0, kpis: kpis)
    }
}
