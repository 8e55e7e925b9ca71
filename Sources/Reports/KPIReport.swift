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

    /// One line per catalogued run, newest first: identity (scenario, seed, horizon, the first
    /// 8 digits of the scenario hash), status, start (UTC, to the minute), headline KPIs
    /// (``HeadlineKPIs``) and output file. Fingerprints are in `catalog show` and `--json`.
    public static func runList(_ records: [RunRecord]) -> String {
        var table = TextTable(headers: ["run", "scenario", "seed", "horizon h", "hash", "status", "started (UTC)", "KPIs",
                                        "output"],
                              alignments: [.left, .left, .right, .right, .left, .left, .left, .left, .left])
        for r in records {
            table.add([String(r.runID.prefix(8)), r.scenarioID, String(r.seed), r.horizonHours.map(format) ?? "-",
                       String(r.scenarioHash.prefix(8)), r.status.rawValue,
                       String(r.startedAt.prefix(16)).replacingOccurrences(of: "T", with: " "),
                       HeadlineKPIs.text(r), r.outputPath ?? "-"])
        }
        return table.render()
    }

    /// Everything the catalog knows about one run, as aligned "field  value" lines.
    public static func runDetail(_ r: RunRecord) -> String {
        var table = TextTable(headers: ["field", "value"])
        let rows: [(String, String?)] = [
            ("run", r.runID), ("kind", r.runKind?.rawValue), ("scenario", r.scenarioID),
            ("scenario hash", r.scenarioHash), ("seed", String(r.seed)), ("horizon h", r.horizonHours.map { format($0) }),
            ("TwinLab", r.twinlabVersion), ("status", r.status.rawValue), ("fingerprint", r.fingerprint),
            ("started", r.startedAt), ("finished", r.finishedAt), ("wall seconds", r.wallSeconds.map { format($0) }),
            ("output", r.outputPath), ("output digest", r.outputDigest), ("error", r.error),
        ]
        for (field, value) in rows { table.add([field, value ?? "-"]) }
        for kpi in r.kpis { table.add(["kpi \(kpi.name)", format(kpi.value)]) }
        return table.render()
    }
}
