import Recording

/// The `kpis` column format: one flat JSON object whose keys keep the run's KPI order.
///
/// A JSON object (rather than an array of pairs) lets SQL read a KPI directly:
/// `SELECT kpis ->> '$.energy_kwh' FROM runs`. Foundation's JSON decoders do not keep key
/// order, so decoding uses this small parser for exactly the flat shape written here.
/// Non-finite values are written as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
enum KPIJSON {
    /// Encodes KPIs in order, e.g. `{"energy_kwh":12.5,"yield_g":301}`.
    static func encode(_ kpis: [KPI]) -> String {
        var out = "{"
        for (index, kpi) in kpis.enumerated() {
            if index > 0 { out += "," }
            out += JSONText.quoted(kpi.name) + ":" + number(kpi.value)
        }
        return out + "}"
    }

    /// Decodes the flat object written by ``encode(_:)`` (or by hand, with `null` as NaN).
    static func decode(_ text: String) throws(KPIJSONError) -> [KPI] {
        var parser = Parser(bytes: Array(text.utf8))
        return try parser.parseObject()
    }

    private static func number(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        // Swift prints the shortest text that reads back to the same bits, and it is valid JSON.
        return value.description
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func parseObject() throws(KPIJSONError) -> [KPI] {
            try expect(UInt8(ascii: "{"))
            var kpis: [KPI] = []
            skipSpace()
            if peek() == UInt8(ascii: "}") { index += 1; return try finish(kpis) }
            while true {
                skipSpace()
                let name = try parseString()
                try expect(UInt8(ascii: ":"))
                kpis.append(KPI(name, try parseValue()))
                skipSpace()
                guard let byte = peek() else { throw KPIJSONError(offset: index, expected: "',' or '}'") }
                index += 1
                if byte == UInt8(ascii: "}") { return try finish(kpis) }
                if byte != UInt8(ascii: ",") { throw KPIJSONError(offset: index - 1, expected: "',' or '}'") }
            }
        }

        private mutating func finish(_ kpis: [KPI]) throws(KPIJSONError) -> [KPI] {
            skipSpace()
            if index != bytes.count { throw KPIJSONError(offset: index, expected: "end of text") }
            return kpis
        }

        private mutating func parseValue() throws(KPIJSONError) -> Double {
            skipSpace()
            switch peek() {
            case UInt8(ascii: "\""):
                let start = index
                switch try parseString() {
                case "NaN": return .nan
                case "Infinity": return .infinity
                case "-Infinity": return -.infinity
                default: throw KPIJSONError(offset: start, expected: "a number, null, \"NaN\" or \"±Infinity\"")
                }
            case UInt8(ascii: "n"):
                guard bytes[index...].starts(with: Array("null".utf8)) else {
                    throw KPIJSONError(offset: index, expected: "null")
                }
                index += 4
                return .nan
            default:
                let start = index
                let allowed = Set("+-0123456789.eE".utf8)
                while let byte = peek(), allowed.contains(byte) { index += 1 }
                guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
                    throw KPIJSONError(offset: start, expected: "a number")
                }
                return value
            }
        }

        private mutating func parseString() throws(KPIJSONError) -> String {
            try expect(UInt8(ascii: "\""))
            var scalars = String.UnicodeScalarView()
            var pendingHigh: UInt32?
            var raw: [UInt8] = []
            func flushRaw() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while let byte = peek() {
                index += 1
                if byte == UInt8(ascii: "\"") {
                    flushRaw()
                    return String(scalars)
                }
                guard byte == UInt8(ascii: "\\") else { raw.append(byte); continue }
                flushRaw()
                guard let escape = peek() else { break }
                index += 1
                switch escape {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
                    else { throw KPIJSONError(offset: index, expected: "four hex digits") }
                    index += 4
                    if (0xD800..<0xDC00).contains(code) {
                        pendingHigh = code
                    } else if let high = pendingHigh, (0xDC00..<0xE000).contains(code) {
                        let combined = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                        scalars.append(Unicode.Scalar(combined) ?? "\u{FFFD}")
                        pendingHigh = nil
                    } else {
                        scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    }
                default: scalars.append(Unicode.Scalar(escape))  // \" \\ \/
                }
            }
            throw KPIJSONError(offset: index, expected: "closing quote")
        }

        private mutating func expect(_ byte: UInt8) throws(KPIJSONError) {
            skipSpace()
            guard peek() == byte else {
                throw KPIJSONError(offset: index, expected: "'\(Character(Unicode.Scalar(byte)))'")
            }
            index += 1
        }

        private mutating func skipSpace() {
            while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }
    }
}

/// A `kpis` column that is not the flat JSON object TwinLab writes.
struct KPIJSONError: Error {
    let offset: Int
    let expected: String
}
