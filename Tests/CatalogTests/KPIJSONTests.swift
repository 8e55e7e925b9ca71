@testable import Catalog
import Testing

@Suite("KPI column format")
struct KPIJSONTests {
    @Test("encoding keeps order and escapes names; decoding reverses it")
    func roundTrip() throws {
        let kpis = [KPI("z_first", 1), KPI("a\"b\\c\t\u{01}", 2.5), KPI("ünï €", -0.0), KPI("big", 1e300)]
        let text = KPIJSON.encode(kpis)
        #expect(text == #"{"z_first":1.0,"a\"b\\c\t\u0001":2.5,"ünï €":-0.0,"big":1e+300}"#)
        #expect(try KPIJSON.decode(text) == kpis)
        #expect(KPIJSON.encode([]) == "{}")
        #expect(try KPIJSON.decode(" { } ") == [])
    }

    @Test("hand-written JSON with spaces, null, \\u escapes and surrogate pairs decodes")
    func lenientInput() throws {
        let kpis = try KPIJSON.decode(#" { "a" : 1 , "\u00e9\ud83d\ude00" : null, "c": "-Infinity", "d": -2E-3 } "#)
        #expect(kpis.map(\.name) == ["a", "é😀", "c", "d"])
        #expect(kpis[1].value.isNaN)
        #expect(kpis[2].value == -.infinity)
        #expect(kpis[3].value == -0.002)
    }

    @Test("malformed JSON is rejected", arguments: ["", "[]", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x", "{\"a\":\"text\"}", "{\"a\" 1}"])
    func malformed(text: String) {
        #expect(throws: KPIJSONError.self) { try KPIJSON.decode(text) }
    }
}
