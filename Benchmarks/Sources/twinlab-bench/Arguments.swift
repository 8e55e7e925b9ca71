/// The command line: `twinlab-bench a|b|bs|c|handwritten|hold|iforest|summary|experiment|selftest [--runs N] [--warmup S] [--seed S] [--variates V] [--holds H] [--sizes n,m]`.
///
/// Hand-parsed on purpose: the benchmark should not pull in an argument-parser
/// dependency just to read four flags.
struct Arguments {
    enum Mode: String, CaseIterable { case a, b, bs, c, handwritten, hold, recorder, facility, fleet, iforest, summary, experiment, selftest }

    var mode: Mode
    var runs = 3
    /// Untimed runs first, for at least this long (model and hold benchmarks), seconds.
    var warmup = 1.0
    var seed: UInt64 = 42
    var variates = "portable"
    var holds = 10_000_000
    var sizes = [1_000, 100_000]
    var scenario: String?
    /// `iforest`: the raw float64 table, its width, labels (uint8), trees, scoring threads, score dump.
    var data: String?
    var columns = 4
    var labels: String?
    var trees = 100
    var threads = 1
    var scoresOut: String?
    var seeds = 1

    static let usage = """
        usage: twinlab-bench a|b|bs|c [--runs N] [--warmup SECONDS] [--seed S] [--variates portable|streams]
               twinlab-bench handwritten [--runs N] [--warmup SECONDS]
               twinlab-bench hold [--runs N] [--warmup SECONDS] [--holds H] [--sizes 1000,100000]
               twinlab-bench recorder [--runs N]
               twinlab-bench facility [--runs N] [--seed S] [--scenario path.yaml]
               twinlab-bench fleet [--runs N] [--seed S] [--scenario path.yaml]
               twinlab-bench iforest --data x.f64 [--columns 4] [--labels y.u8] [--trees 100] [--runs N]
                                     [--seed S] [--seeds K] [--threads T] [--scores-out scores.f64]
               twinlab-bench summary [--runs N] [--seed S]
               twinlab-bench experiment [--scenario experiment.yaml] [--seeds RUNS]
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
            case "--warmup":
                guard let w = Double(value), w >= 0, w.isFinite else {
                    throw UsageError("--warmup wants seconds (0 or more), got \(value)")
                }
                warmup = w
            case "--seed":
                guard let s = UInt64(value) else { throw UsageError("--seed wants an unsigned integer, got \(value)") }
                seed = s
            case "--variates":
                guard ["portable", "streams"].contains(value) else {
                    throw UsageError("--variates is portable or streams, got \(value)")
                }
                variates = value
            case "--scenario": scenario = value
            case "--data": data = value
            case "--labels": labels = value
            case "--scores-out": scoresOut = value
            case "--columns": columns = try Self.positive(value, flag)
            case "--trees": trees = try Self.positive(value, flag)
            case "--threads": threads = try Self.positive(value, flag)
            case "--seeds": seeds = try Self.positive(value, flag)
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
