import Catalog
import Foundation
import Recording
import Reports
import Testing

/// `catalog list` headline figures per run kind, and the list's columns.
@Suite("Headline KPIs")
struct HeadlineKPIsTests {
    static func record(_ kind: RunKind?, _ kpis: [(String, Double)], horizon: Double? = nil) -> RunRecord {
        RunRecord(runID: "0123456789", scenarioID: "s", scenarioHash: String(repeating: "ab", count: 32), seed: 7,
                  twinlabVersion: "0.1.0", status: .complete, startedAt: "2026-03-01T14:30:15.250Z",
                  outputPath: "results/s.h5", kpis: kpis.map { KPI($0.0, $0.1) }, horizonHours: horizon, runKind: kind)
    }

    @Test("facility: energy, cost, yield over every crop, kWh per gram")
    func facility() {
        let record = Self.record(.facility, [
            ("yield_cannabis", 300), ("yield_lettuce", 100), ("yield_per_harvest_area_cannabis", 9),
            ("yield_lost_to_stress_cannabis", 50), ("energy_total", 1000), ("total_cost", 123.456),
        ])
        #expect(HeadlineKPIs.text(record) == "energy 1000 kWh, cost 123.5, yield 400 g, 2.5 kWh/g")
        let unharvested = Self.record(.facility, [("yield_cannabis", 0), ("energy_total", 10), ("total_cost", 2)])
        #expect(HeadlineKPIs.text(unharvested) == "energy 10 kWh, cost 2, yield 0 g")
    }

    @Test("fleet, processing and machine shop; old rows by their KPI names; nothing known gives a dash")
    func otherKinds() {
        #expect(HeadlineKPIs.text(Self.record(.fleet, [("availability", 0.9876), ("failures", 3), ("downtime_hours", 40.25)]))
            == "availability 98.76%, failures 3, downtime 40.25 h")
        #expect(HeadlineKPIs.text(Self.record(.processing, [("throughput_kg_per_day", 12.5), ("grade_a_share", 0.5),
                                                           ("mean_lead_time", 300)]))
            == "throughput 12.5 kg/d, grade A 50%, lead time 300 h")
        #expect(HeadlineKPIs.text(Self.record(.machineShop, [("availability", 1), ("failures", 0)]))
            == "availability 100%, failures 0")
        #expect(HeadlineKPIs.text(Self.record(nil, [("mtbf", 100), ("availability", 0.5), ("failures", 1)]))
            == "availability 50%, failures 1")
        #expect(HeadlineKPIs.text(Self.record(nil, [("something", 1)])) == "-")
    }

    @Test("the run list shows horizon, the hash's first 8 digits, start and KPIs")
    func listColumns() {
        let text = KPIReport.runList([Self.record(.machineShop, [("availability", 1), ("failures", 0)], horizon: 8760),
                                      Self.record(nil, [])])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("run       scenario  seed  horizon h  hash      status    started (UTC)     KPIs"))
        #expect(lines[2].contains("01234567  s            7       8760  abababab  complete  2026-03-01 14:30  availability 100%, failures 0"))
        #expect(lines[3].contains("         -  abababab"))
    }
}
