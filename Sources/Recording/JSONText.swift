/// JSON text for the small documents TwinLab writes by hand (dataset metadata, the catalog's
/// KPI column), where key order and exact bytes matter and Foundation's encoder keeps neither.
public enum JSONText {
    /// `text` as a JSON string literal (RFC 8259 §7): quote and backslash escaped, the common
    /// control characters by name, the others as `\u00XX`; everything else as is.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
