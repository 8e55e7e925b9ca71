import SimKernel

/// The random variates the kernel reference models draw.
///
/// Two sources implement it: `SplitMix64` with the cross-language formulas of the
/// SimPy reference benchmarks (so TwinLab and SimPy consume identical draws), and
/// `StreamVariates`, TwinLab's own xoshiro256** streams sampled by inversion.
public protocol ReferenceVariates {
    mutating func exponential(mean: Double) -> Double
    mutating func weibull(shape: Double, scale: Double) -> Double
    mutating func lognormal(mu: Double, sigma: Double) -> Double
}

extension SplitMix64: ReferenceVariates {}

/// TwinLab's named-stream variates, one uniform per draw (inversion).
public struct StreamVariates: ReferenceVariates {
    public var stream: RandomStream

    public init(_ stream: RandomStream) { self.stream = stream }

    public mutating func exponential(mean: Double) -> Double {
        Distribution.exponential(mean: mean).sample(using: &stream)
    }

    public mutating func weibull(shape: Double, scale: Double) -> Double {
        Distribution.weibull(shape: shape, scale: scale).sample(using: &stream)
    }

    public mutating func lognormal(mu: Double, sigma: Double) -> Double {
        Distribution.lognormal(mu: mu, sigma: sigma).sample(using: &stream)
    }
}

/// Which variate source a reference model uses.
public enum VariateScheme: String, Sendable, Codable, CaseIterable {
    /// SplitMix64 stream k per entity, the SimPy benchmarks' portable formulas.
    case portable
    /// TwinLab named streams (xoshiro256**) sampled by inversion.
    case streams
}
