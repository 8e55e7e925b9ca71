import Foundation
import SimKernel

/// Recorded LLM exchanges: the canonical request body's hash → the final outcome (response
/// body or transport failure) of sending it, so a run can be replayed without a server and
/// give the same decisions, audit log and fingerprint.
///
/// File format (JSON, UTF-8, entries sorted by key, one per line so diffs stay readable):
/// `{"format": "twinlab/llm-cassette@1", "entries": [{"key": "<16 hex>", "request": "<body>",
/// "response": "<body>"} or {… "failure": "<message>"}]}`. The key is the `RunFingerprint`
/// of the request body's text; the stored request guards against a hash collision and shows
/// a reader what was asked.
public struct LLMCassette: Sendable, Equatable {
    public static let format = "twinlab/llm-cassette@1"

    /// What sending one request came to, after retries.
    public enum Outcome: Sendable, Hashable {
        case response(String)
        case failure(String)
    }

    public struct Entry: Sendable, Hashable {
        public var request: String
        public var outcome: Outcome

        public init(request: String, outcome: Outcome) {
            self.request = request
            self.outcome = outcome
        }
    }

    /// Entries by key.
    public private(set) var entries: [String: Entry] = [:]
    /// Each entry's file line, made once on insert: record mode rewrites the file after every
    /// new entry, and serialising every entry each time took 37.6 s instead of 6.1 s to record
    /// 338 decisions (debug build, 1.2 MB cassette).
    private var lines: [String: String] = [:]

    public init() {}

    /// The cassette key of a request body: 16 hex digits of its `RunFingerprint`.
    public static func key(of request: String) -> String {
        var hash = RunFingerprint()
        hash.combine(request)
        return hash.hex
    }

    /// The entry for `request`, if recorded (nil also when the key matches a different request).
    public func entry(for request: String) -> Entry? {
        guard let entry = entries[Self.key(of: request)], entry.request == request else { return nil }
        return entry
    }

    public mutating func insert(_ entry: Entry) {
        let key = Self.key(of: entry.request)
        entries[key] = entry
        let outcome: (String, JSONValue) = switch entry.outcome {
        case .response(let body): ("response", .string(body))
        case .failure(let message): ("failure", .string(message))
        }
        lines[key] = JSONValue.object([("key", .string(key)), ("request", .string(entry.request)), outcome]).serialized
    }

    public static func == (a: LLMCassette, b: LLMCassette) -> Bool { a.entries == b.entries }

    /// The file text: canonical, so recording the same exchanges twice gives the same bytes.
    public var text: String {
        let lines = entries.keys.sorted().map { self.lines[$0]! }
        return "{\"format\":\"\(Self.format)\",\"entries\":[\n" + lines.joined(separator: ",\n") + "\n]}\n"
    }

    /// Writes the cassette atomically (a temporary file renamed over the old one).
    public func write(to path: String) throws(LLMCassetteError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw LLMCassetteError(path: path, message: "cannot write the cassette: \(error.localizedDescription)")
        }
    }

    /// Reads a cassette file.
    public static func load(from path: String) throws(LLMCassetteError) -> LLMCassette {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LLMCassetteError(path: path, message: "cannot read the cassette (missing or unreadable)")
        }
        let document: JSONValue
        do {
            document = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw LLMCassetteError(path: path, message: error.description)
        }
        guard case .string(format)? = document["format"] else {
            throw LLMCassetteError(path: path, message: "not a cassette: 'format' must be \"\(format)\"")
        }
        guard case .array(let items)? = document["entries"] else {
            throw LLMCassetteError(path: path, message: "'entries' must be a list")
        }
        var cassette = LLMCassette()
        for (index, item) in items.enumerated() {
            guard case .string(let request)? = item["request"] else {
                throw LLMCassetteError(path: path, message: "entry \(index) has no 'request' text")
            }
            let outcome: Outcome
            switch (item["response"], item["failure"]) {
            case (.string(let body)?, nil): outcome = .response(body)
            case (nil, .string(let message)?): outcome = .failure(message)
            default: throw LLMCassetteError(path: path, message: "entry \(index) needs exactly one of 'response', 'failure'")
            }
            if case .string(let key)? = item["key"], key != Self.key(of: request) {
                throw LLMCassetteError(path: path, message: "entry \(index): key \(key) does not match its request "
                                       + "(expected \(Self.key(of: request))); was the file edited?")
            }
            cassette.insert(Entry(request: request, outcome: outcome))
        }
        return cassette
    }
}
