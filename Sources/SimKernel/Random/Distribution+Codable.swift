/// The flat `{"kind": …, parameters…}` form documented on `Distribution`.
///
/// Decoding is strict: an unknown `kind`, a missing parameter, an unknown key (a typo such as
/// `"shpe"`) or an out-of-range value is a `DecodingError.dataCorrupted` whose description says
/// which, so scenario files fail on load with a message instead of running with a default.
extension Distribution: Codable {
    struct Key: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// The parameter keys of each kind, in encoding order.
    /// The `kind` names the Codable form accepts, in a fixed order.
    public static var kindNames: [String] { parameterKeys.map(\.kind) }

    static let parameterKeys: [(kind: String, keys: [String])] = [
        ("exponential", ["mean"]),
        ("normal", ["mean", "sd"]),
        ("lognormal", ["mean", "sd"]),
        ("weibull", ["shape", "scale"]),
        ("gamma", ["shape", "scale"]),
        ("beta", ["a", "b"]),
        ("triangular", ["min", "mode", "max"]),
        ("uniform", ["min", "max"]),
        ("poisson", ["mean"]),
        ("bernoulli", ["p"]),
        ("empirical", ["values", "weights"]),
        ("empiricalContinuous", ["points"]),
        ("constant", ["value"]),
    ]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let kind = try c.decode(String.self, forKey: Key("kind"))
        guard let entry = Self.parameterKeys.first(where: { $0.kind == kind }) else {
            let kinds = Self.parameterKeys.map(\.kind).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: Key("kind"), in: c,
                debugDescription: "unknown distribution kind '\(kind)'; expected one of \(kinds)")
        }
        // Lognormal alone has two accepted spellings: by mean/sd or by log-space mu/sigma.
        let byMuSigma = kind == "lognormal" && (c.contains(Key("mu")) || c.contains(Key("sigma")))
        let allowed = ["kind"] + (byMuSigma ? ["mu", "sigma"] : entry.keys)
        // Sorted so the reported key does not depend on the decoder's (hash) order.
        if let stray = c.allKeys.map(\.stringValue).sorted().first(where: { !allowed.contains($0) }) {
            let expected = allowed.dropFirst().joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: Key(stray), in: c,
                debugDescription: "unknown key '\(stray)' for a \(kind) distribution; expected \(expected)")
        }
        func number(_ key: String) throws -> Double { try c.decode(Double.self, forKey: Key(key)) }

        switch kind {
        case "exponential": self = .exponential(mean: try number("mean"))
        case "normal": self = .normal(mean: try number("mean"), sd: try number("sd"))
        case "lognormal" where byMuSigma:
            self = .lognormal(mu: try number("mu"), sigma: try number("sigma"))
        case "lognormal": self = .lognormal(mean: try number("mean"), sd: try number("sd"))
        case "weibull": self = .weibull(shape: try number("shape"), scale: try number("scale"))
        case "gamma": self = .gamma(shape: try number("shape"), scale: try number("scale"))
        case "beta": self = .beta(a: try number("a"), b: try number("b"))
        case "triangular":
            self = .triangular(min: try number("min"), mode: try number("mode"), max: try number("max"))
        case "uniform": self = .uniform(min: try number("min"), max: try number("max"))
        case "poisson": self = .poisson(mean: try number("mean"))
        case "bernoulli": self = .bernoulli(p: try number("p"))
        case "empirical": self = .empirical(try EmpiricalDiscrete(from: decoder))
        case "empiricalContinuous": self = .empiricalContinuous(try EmpiricalContinuous(from: decoder))
        default: self = .constant(try number("value"))
        }
        do {
            try validate()
        } catch let error as DistributionError {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind, forKey: Key("kind"))
        func put(_ key: String, _ value: Double) throws { try c.encode(value, forKey: Key(key)) }
        switch self {
        case let .exponential(mean): try put("mean", mean)
        case let .normal(mean, sd), let .lognormal(mean, sd):
            try put("mean", mean)
            try put("sd", sd)
        case let .weibull(shape, scale), let .gamma(shape, scale):
            try put("shape", shape)
            try put("scale", scale)
        case let .beta(a, b):
            try put("a", a)
            try put("b", b)
        case let .triangular(lo, mode, hi):
            try put("min", lo)
            try put("mode", mode)
            try put("max", hi)
        case let .uniform(lo, hi):
            try put("min", lo)
            try put("max", hi)
        case let .poisson(mean): try put("mean", mean)
        case let .bernoulli(p): try put("p", p)
        case let .empirical(table): try table.encode(to: encoder)
        case let .empiricalContinuous(table): try table.encode(to: encoder)
        case let .constant(value): try put("value", value)
        }
    }
}
