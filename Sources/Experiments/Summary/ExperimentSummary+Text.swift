import Foundation

extension ExperimentSummary {
    /// The summary as a person reads it in a terminal: per response a table of the variants
    /// (n, mean, standard deviation, 95 % interval, the paired difference from the baseline and
    /// whether the variant stays in the best subset), the best variant, and Sobol indices.
    ///
    /// For 20 or more design points only the best ten are listed (the JSON and CSV have all).
    /// - Parameter settings: what each design point sets (`ExperimentManifest.Point.label`),
    ///   shown beside its name.
    public func text(settings: [String: String] = [:]) -> String {
        let percent = Self.number(confidenceLevel * 100)
        var lines = ["experiment \(experiment): \(seeds.count) seed\(seeds.count == 1 ? "" : "s") per variant (\(Self.seedList(seeds)))"
                         + (baseline.map { ", baseline \($0)" } ?? "") + ", \(percent) % intervals"]
        for response in responses {
            lines.append("")
            let unit = response.unit.isEmpty ? "" : " [\(response.unit)]"
            lines.append("\(response.name)\(unit) — \(response.direction == .higherIsBetter ? "higher" : "lower") is better")
            let described = response.variants.contains { settings[$0.variant] != nil }
            var header = ["variant"] + (described ? ["settings"] : []) + ["n", "mean", "sd", "\(percent) % interval"]
            if baseline != nil { header += ["paired Δ vs \(baseline!)", "unpaired Δ"] }
            if response.selection?.subset != nil { header.append("best subset") }
            var rows = [header]
            for variant in listed(response) {
                let s = variant.statistics
                var row = [variant.variant + (variant.missing > 0 ? " (\(variant.missing) missing)" : "")]
                if described { row.append(settings[variant.variant] ?? "") }
                row += ["\(s.n)", Self.format(s.mean), Self.format(s.standardDeviation), Self.interval(s.lower, s.upper)]
                if baseline != nil {
                    if let versus = variant.versusBaseline {
                        row += [Self.plusMinus(versus.paired.mean, versus.paired.halfWidth),
                                Self.plusMinus(versus.unpaired.mean, versus.unpaired.halfWidth)]
                    } else {
                        row += ["baseline", ""]
                    }
                }
                if response.selection?.subset != nil { row.append(variant.inSubset == true ? "yes" : "no") }
                rows.append(row)
            }
            lines += Self.table(rows, left: described ? 2 : 1)
            if response.variants.count > listed(response).count {
                lines.append("  (best \(listed(response).count) of \(response.variants.count) design points; "
                                 + "summary.csv has all)")
            }
            if let selection = response.selection {
                let subset = selection.subset.map { "; cannot be told apart from it at \(percent) %: "
                    + ($0.count == 1 ? "none" : $0.filter { $0 != selection.best }.joined(separator: ", ")) } ?? ""
                lines.append("best: \(selection.best)\(subset)")
            }
            if let sobol = response.sobol {
                lines.append("Sobol indices (N = \(sobol.baseSamples), \(sobol.resamples) bootstrap resamples, "
                                 + "\(percent) % intervals):")
                var table = [["factor", "first order S1", "total ST"]]
                let factors = sobol.indices.map(\.factor)
                for index in sobol.indices {
                    table.append([FactorLabel.short(index.factor, among: factors),
                                  Self.format(index.firstOrder) + " " + Self.interval(index.firstOrderLower, index.firstOrderUpper),
                                  Self.format(index.total) + " " + Self.interval(index.totalLower, index.totalUpper)])
                }
                lines += Self.table(table)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The variants to list: all named variants, or the ten best design points of many.
    private func listed(_ response: ResponseSummary) -> [VariantSummary] {
        guard response.variants.count >= 20, response.variants.allSatisfy({ $0.factors != nil }) else {
            return response.variants
        }
        let sign = response.direction == .higherIsBetter ? -1.0 : 1.0
        let ranked = response.variants.filter { $0.statistics.mean != nil }
            .sorted { sign * $0.statistics.mean! < sign * $1.statistics.mean! }
        return Array(ranked.prefix(10))
    }

    /// Rows in aligned columns: the first `left` columns left-aligned (names), the rest right (numbers).
    private static func table(_ rows: [[String]], left: Int = 1) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { column, cell in
                column < left ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }

    /// A number for the tables, `—` for an undefined one.
    static func format(_ value: Double?) -> String {
        guard let value else { return "—" }
        return number(value)
    }

    /// At least four significant digits without an exponent for 0.0001 ≤ |x| < 10⁷ (59,720 as
    /// `59720`, not `5.972e+04`: growers compare these numbers by eye).
    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e7 { return String(Int64(value)) }
        let magnitude = abs(value)
        guard magnitude >= 1e-4, magnitude < 1e7 else { return String(format: "%.4g", value) }
        let decimals = max(0, 3 - Int(log10(magnitude).rounded(.down)))
        return String(format: "%.\(decimals)f", value)
    }

    private static func interval(_ lower: Double?, _ upper: Double?) -> String {
        guard let lower, let upper else { return "—" }
        return "[\(format(lower)), \(format(upper))]"
    }

    private static func plusMinus(_ mean: Double?, _ halfWidth: Double?) -> String {
        guard let mean else { return "—" }
        return (mean >= 0 ? "+" : "") + format(mean) + (halfWidth.map { " ± " + format($0) } ?? "")
    }

    /// `1–10` for consecutive seeds, else the list (shortened past eight).
    private static func seedList(_ seeds: [UInt64]) -> String {
        guard let first = seeds.first, let last = seeds.last else { return "none" }
        if seeds.count > 2, seeds == Array(first...last) { return "\(first)–\(last)" }
        let shown = seeds.prefix(8).map(String.init).joined(separator: ", ")
        return seeds.count > 8 ? shown + ", …" : shown
    }
}
