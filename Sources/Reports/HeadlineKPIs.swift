import Catalog
import Recording

/// The few KPIs `twinlab catalog list` shows for a run, chosen by what the run holds.
///
/// Facility: total energy (kWh), total cost (tariff currency: energy and demand charges),
/// harvested yield (g dry, every crop) and energy per gram (kWh/g = total energy ÷ yield; only
/// once something was harvested). Fleet: availability (%), failures, downtime (machine-hours).
/// Processing: throughput (kg/day), grade A share (%), mean lead time (h). Machine shop:
/// availability (%), failures. A KPI the run did not report is left out. Rows catalogued
/// before the catalog stored the run kind are judged by their KPI names.
public enum HeadlineKPIs {
    /// One headline figure, already scaled to its unit.
    public struct Item: Sendable, Equatable {
        public var label: String
        public var value: Double
        public var unit: String
    }

    /// The headline figures of a catalogued run, in display order.
    public static func of(_ record: RunRecord) -> [Item] {
        let kpis = Dictionary(record.kpis.map { ($0.name, $0.value) }) { first, _ in first }
        func item(_ label: String, _ name: String, _ unit: String, scale: Double = 1) -> Item? {
            kpis[name].map { Item(label: label, value: $0 * scale, unit: unit) }
        }
        switch record.runKind ?? inferredKind(kpis) {
        case .facility?:
            // yield_<crop> only: yield_per_harvest_area_<crop> and yield_lost_to_… have more underscores.
            let yields = kpis.filter { $0.key.hasPrefix("yield_") && !$0.key.dropFirst("yield_".count).contains("_") }
            let grams = yields.values.reduce(0, +)
            var items = [item("energy", "energy_total", "kWh"), item("cost", "total_cost", "")].compactMap { $0 }
            if !yields.isEmpty { items.append(Item(label: "yield", value: grams, unit: "g")) }
            if grams > 0, let energy = kpis["energy_total"] {
                items.append(Item(label: "", value: energy / grams, unit: "kWh/g"))
            }
            return items
        case .fleet?:
            return [item("availability", "availability", "%", scale: 100), item("failures", "failures", ""),
                    item("downtime", "downtime_hours", "h")].compactMap { $0 }
        case .processing?:
            return [item("throughput", "throughput_kg_per_day", "kg/d"), item("grade A", "grade_a_share", "%", scale: 100),
                    item("lead time", "mean_lead_time", "h")].compactMap { $0 }
        case .machineShop?:
            return [item("availability", "availability", "%", scale: 100), item("failures", "failures", "")]
                .compactMap { $0 }
        case nil:
            return []
        }
    }

    /// The headline figures as one cell: `energy 1234 kWh, cost 567, yield 89 g, 13.9 kWh/g`.
    public static func text(_ record: RunRecord) -> String {
        let items = of(record)
        guard !items.isEmpty else { return "-" }
        return items.map { item in
            [item.label, KPIReport.format(item.value) + (item.unit.isEmpty || item.unit == "%" ? item.unit : " " + item.unit)]
                .filter { !$0.isEmpty }.joined(separator: " ")
        }.joined(separator: ", ")
    }

    /// The kind of a row from before `run_kind` was catalogued, by KPIs only that kind reports.
    private static func inferredKind(_ kpis: [String: Double]) -> RunKind? {
        if kpis["energy_lighting"] != nil { return .facility }
        if kpis["mtbf"] != nil { return .fleet }
        if kpis["batches_arrived"] != nil { return .processing }
        if kpis["repairs_completed"] != nil { return .machineShop }
        return nil
    }
}
