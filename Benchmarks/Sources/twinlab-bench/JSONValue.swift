import Recording

/// A JSON value with ordered object keys, so output reads in the order it was built.
///
/// Doubles print with Swift's shortest round-trip form, so a value read back in
/// Python is bit-identical to the one computed here (needed for the agreement check).
enum JSONValue {
    case number(Double)
    case integer(Int64)
    case string(String)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])
    case null

    /// Compact single-line rendering.
    var rendered: String {
        switch self {
        case .number(let x):
            // JSON has no NaN or infinity; null keeps the line parseable.
            return x.isFinite ? "\(x)" : "null"
        case .integer(let n): return "\(n)"
        case .string(let s): return JSONText.quoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.rendered).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.map { JSONText.quoted($0.0) + ": " + $0.1.rendered }.joined(separator: ", ") + "}"
        }
    }
}

extension JSONValue {
    static func int(_ n: Int) -> JSONValue { .integer(Int64(n)) }
    static func uint(_ n: UInt64) -> JSONValue { .integer(Int64(truncatingIfNeeded: n)) }
}
