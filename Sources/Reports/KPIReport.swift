import Foundation
import Catalog

/// Formats KPIs and catalog listings for people.
public enum KPIReport {
    /// A number with sensible precision: integers plain, fractions to 4 significant digits.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "n/a" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: abs(value) >= 1000 ? "%.1f" : "%.4g", value)
    }

    /// A KPI table: name, value, unit.
    public static func table(_ kpis: [(name: String, value: Double, unit: String)]) -> String {
        var table = TextTable(headers: ["KPI", "value", "unit"], alignments: [.left, .right, .left])
        for kpi in kpis { table.add([kpi.name, format(kpi.value), kpi.unit]) }
        return table.render()
    }

    /// One line per catalogued run, newest first.
    public static func runList(_ records: [RunRecord]) -> String {
        var table = TextTable(headers: ["run", "scenario", "seed", "status", "fingerprint", "output"])
        for r in records {
            table.add([String(r.runID.prefix(8)), r.scenarioID, String(r.seed), r.status.rawValue,
                       r.fingerprint ?? "-", r.outputPath ?? "-"])
        }
        return table.render()
    }

    /// Everything the catalog knows about one run, as aligned "field  value" lines.
    public static func runDetail(_ r: RunRecord) -> String {
        var table = TextTable(headers: ["field", "value"])
        let rows: [(String, String?)] = [
            ("run", r.runID), ("scenario", r.scenarioID), ("scenario hash", r.scenarioHash), ("seed", String(r.seed)),
            ("TwinLab", r.twinlabVersion), ("status", r.status.rawValue), ("fingerprint", r.fingerprint),
            ("started", r.startedAt), ("finished", r.finishedAt), ("wall seconds", r.wallSeconds.map { format($0) }),
            ("output", r.outputPath), ("error", r.error),
        ]
        for (field, value) in rows { table.add([field, value ?? "-"]) }
        for kpi in r.kpis { table.add(["kpi \(kpi.name)", format(kpi.value)]) }
        return table.render()
    }
}
