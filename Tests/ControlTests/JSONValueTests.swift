import Testing
import Control

/// The strict JSON parser and canonical serialiser behind the LLM agent's requests and replies.
@Suite("JSON value")
struct JSONValueTests {
    @Test("parses every JSON type and keeps object key order")
    func parsesAllTypes() throws {
        let value = try JSONValue.parse(#" {"b": [1, -2.5e3, true, false, null], "a": "x\u00e9\n\"\ud83d\ude00"} "#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a"])
        #expect(value["b"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        #expect(value["a"] == .string("xé\n\"😀"))
    }

    @Test("serialises canonically and round-trips")
    func canonicalText() throws {
        let value = JSONValue.object([("z", .number(3)), ("a", .number(0.1)), ("s", .string("tab\there \u{1}")),
                                      ("n", .number(.nan)), ("big", .number(1e300))])
        #expect(value.serialized == #"{"z":3,"a":0.1,"s":"tab\there \u0001","n":null,"big":1e+300}"#)
        let again = try JSONValue.parse(value.serialized)
        #expect(again["a"] == .number(0.1) && again["s"] == .string("tab\there \u{1}") && again["n"] == .null)
        #expect(again.serialized == value.serialized)
    }

    @Test("rejects what RFC 8259 rejects", arguments: [
        "", "{", "{\"a\":1,}", "[1,]", "{\"a\":1}x", "{\"a\":1} {}", "01", "1.", "-", ".5", "+1", "NaN", "'a'",
        "{a:1}", "\"tab\tinside\"", "\"\\x\"", "\"\\ud83d\"", "\"\\u+abc\"", "tru", "{\"a\":1,\"a\":2}", "1e999",
        String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
    ])
    func rejects(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test("a parse error names the byte offset")
    func errorOffset() {
        do {
            _ = try JSONValue.parse("{\"a\": 1} trailing")
            Issue.record("parsed")
        } catch {
            #expect(error.offset == 9)
            #expect(error.description.contains("after the document"))
        }
    }
}
