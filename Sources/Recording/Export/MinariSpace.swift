/// A Gymnasium space in the JSON form Minari 0.5 stores in `metadata.json`
/// (`minari/serialization.py`): the space's JSON is itself a string value there.
public enum MinariSpace: Sendable, Equatable {
    /// `Box(low, high, shape=(n,), dtype=float32)`; ±infinity allowed (written as Python's
    /// `Infinity`, which `json.loads` reads, as `json.dumps` of an unbounded Box writes it).
    case box(low: [Double], high: [Double])
    /// `Discrete(n, start=0)`, int64 actions.
    case discrete(Int)

    /// Values per step: the Box's length, 1 for Discrete.
    public var width: Int {
        switch self {
        case .box(let low, _): low.count
        case .discrete: 1
        }
    }

    /// The serialised space (the content of the JSON string), keys in Minari's order.
    public var json: String {
        switch self {
        case .box(let low, let high):
            let list = { (values: [Double]) in "[" + values.map(Self.number).joined(separator: ", ") + "]" }
            return #"{"type": "Box", "dtype": "float32", "shape": [\#(low.count)], "low": \#(list(low)), "high": \#(list(high))}"#
        case .discrete(let n):
            return #"{"type": "Discrete", "dtype": "int64", "start": 0, "n": \#(n)}"#
        }
    }

    /// A number as Python's `json.dumps` writes a float (`Infinity` for infinities).
    static func number(_ value: Double) -> String {
        if value == .infinity { return "Infinity" }
        if value == -.infinity { return "-Infinity" }
        return value.description
    }
}
