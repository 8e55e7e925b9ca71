/// The command line: `twinlab-bench a|b|bs|c|hold|selftest [--runs N] [--seed S] [--variates V] [--holds H] [--sizes n,m]`.
///
/// Hand-parsed on purpose: the benchmark should not pull in an argument-parser
/// dependency just to read four flags.
struct Arguments {
    enum Mode: String, CaseIterable { case a, b, bs, c, hold, recorder, facility, selftest }

    var mode: Mode
    var runs = 3
    var seed: UInt64 = 42
    var variates = "portable"
    var holds = 10_000_000
    var sizes = [1_000, 100_000]
    var scenario: String?

    static let usage = """
        usage: twinlab-bench a|b|bs|c [--runs N] [--seed S] [--variates portable|streams]
               twinlab-bench hold [--runs N] [--holds H] [--sizes 1000,100000]
               twinlab-bench recorder [--runs N]
               twinlab-bench facility [--runs N] [--seed S] [--scenario path.yaml]
               twinlab-bench selftest
        """

    /// Parses `arguments` (without the program name); throws a message on bad input.
    init(_ arguments: [String]) throws(UsageError) {
        guard let first = arguments.first, let mode = Mode(rawValue: first) else {
            throw UsageError(Self.usage)
        }
        self.mode = mode
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw UsageError("\(flag) needs a value\n\(Self.usage)") }
            switch flag {
            case "--runs": runs = try Self.positive(value, flag)
            case "--holds": holds = try Self.positive(value, flag)
            case "--seed":
                guard let s = UInt64(value) else { throw UsageError("--seed wants an unsigned integer, got \(value)") }
                seed = s
            case "--variates":
                guard ["portable", "streams"].contains(value) else {
                    throw UsageError("--variates is portable or streams, got \(value)")
                }
                variates = value
            case "--scenario": scenario = value
            case "--sizes":
                sizes = []
                for part in value.split(separator: ",") { sizes.append(try Self.positive(String(part), flag)) }
            default:
                throw UsageError("unknown option \(flag)\n\(Self.usage)")
            }
        }
    }

    private static func positive(_ text: String, _ flag: String) throws(UsageError) -> Int {
        guard let n = Int(text), n > 0 else { throw UsageError("\(flag) wants a positive integer, got \(text)") }
        return n
    }
}

/// A command-line mistake, with the message to print.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
