import Foundation

extension ExperimentSummary {
    /// `summary.json`: pretty-printed, keys sorted and in snake_case, numbers in shortest round-trip form.
    ///
    /// Undefined statistics are absent keys (never NaN), so any JSON reader accepts the file.
    /// Equal summaries give identical bytes.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        } catch {
            // Every stored number is finite by construction (undefined ones are nil), and
            // nothing else in the summary can fail to encode.
            preconditionFailure("ExperimentSummary.json: \(error)")
        }
    }

    /// Reads a summary written by `json()`.
    public static func decode(json data: Data) throws -> ExperimentSummary {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ExperimentSummary.self, from: data)
    }

    /// The CSV header's fixed columns; design points add one `factor:NAME` column per factor.
    public static let csvColumns = [
        "section", "response", "unit", "direction", "variant", "n", "missing", "non_finite",
        "mean", "sd", "half_width", "lower", "upper", "best", "in_subset",
        "paired_n", "paired_mean", "paired_sd", "paired_half_width", "paired_lower", "paired_upper",
        "welch_mean", "welch_half_width", "welch_df", "welch_lower", "welch_upper",
        "factor", "base_samples", "s1", "s1_lower", "s1_upper", "st", "st_lower", "st_upper",
    ]

    /// `summary.csv` for pandas: one row per variant × response (section `variant`) and, for
    /// Sobol designs, one per factor × response (section `sobol`); empty cells are undefined.
    ///
    /// Numbers are in Swift's shortest round-trip form, booleans `true`/`false`.
    public func csv() -> String {
        let factorNames = Set(responses.flatMap { $0.variants.flatMap { $0.factors?.keys.map { $0 } ?? [] } }).sorted()
        var lines = [(Self.csvColumns + factorNames.map { "factor:\($0)" }).map(Self.csvField).joined(separator: ",")]
        for response in responses {
            let head = ["", response.name, response.unit, response.direction.rawValue]
            for variant in response.variants {
                let s = variant.statistics, paired = variant.versusBaseline?.paired, welch = variant.versusBaseline?.unpaired
                var row = head + [variant.variant, "\(s.n)", "\(variant.missing)", "\(variant.nonFinite)"]
                row += [s.mean, s.standardDeviation, s.halfWidth, s.lower, s.upper].map(Self.number)
                row += [response.selection.map { "\($0.best == variant.variant)" } ?? "", variant.inSubset.map { "\($0)" } ?? ""]
                row += [paired.map { "\($0.n)" } ?? ""]
                row += [paired?.mean, paired?.standardDeviation, paired?.halfWidth, paired?.lower, paired?.upper].map(Self.number)
                row += [welch?.mean, welch?.halfWidth, welch?.degreesOfFreedom, welch?.lower, welch?.upper].map(Self.number)
                row += Array(repeating: "", count: 8)
                row += factorNames.map { Self.number(variant.factors?[$0]) }
                row[0] = "variant"
                lines.append(row.map(Self.csvField).joined(separator: ","))
            }
            guard let sobol = response.sobol else { continue }
            for index in sobol.indices {
                var row = head + Array(repeating: "", count: 22)
                row += [index.factor, "\(sobol.baseSamples)"]
                row += [index.firstOrder, index.firstOrderLower, index.firstOrderUpper,
                        index.total, index.totalLower, index.totalUpper].map(Self.number)
                row += Array(repeating: "", count: factorNames.count)
                row[0] = "sobol"
                lines.append(row.map(Self.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    /// RFC 4180 quoting for names that contain a comma, quote or line break.
    private static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
