import Foundation
@testable import SimKernel

/// Loads the JSON golden files of the random/statistics tests (see Golden/generate_random_golden.py).
enum RandomGolden {
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    /// The parsed JSON of `Golden/<name>`.
    static func json(_ name: String) throws -> [String: Any] {
        let directory = Bundle.module.url(forResource: "Golden", withExtension: nil)
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LoadError(description: "\(name) is not a JSON object")
        }
        return object
    }

    /// A double stored as {"bits": "<16 hex digits>", "repr": …}.
    static func double(_ entry: Any) throws -> Double {
        guard let dict = entry as? [String: Any], let hex = dict["bits"] as? String,
              let pattern = UInt64(hex, radix: 16) else {
            throw LoadError(description: "not a {bits, repr} double: \(entry)")
        }
        return Double(bitPattern: pattern)
    }

    static func doubles(_ entry: Any?) throws -> [Double] {
        guard let array = entry as? [Any] else { throw LoadError(description: "not an array: \(String(describing: entry))") }
        return try array.map(double)
    }

    static func uint64(_ entry: Any?) throws -> UInt64 {
        guard let text = entry as? String, let value = UInt64(text) else {
            throw LoadError(description: "not a decimal UInt64 string: \(String(describing: entry))")
        }
        return value
    }

    static func number(_ entry: Any?) throws -> Double {
        guard let value = entry as? NSNumber else { throw LoadError(description: "not a number: \(String(describing: entry))") }
        return value.doubleValue
    }
}

/// Relative closeness for comparisons against values from another implementation.
func randomTestsClose(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    if a == b { return true }
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}
