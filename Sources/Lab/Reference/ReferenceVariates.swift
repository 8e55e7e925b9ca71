import SimKernel

/// The random variates of one reference-model entity (a process, a machine).
///
/// Two generators: `.portable` is SplitMix64 stream k with the cross-language formulas of
/// the SimPy reference benchmarks (exponential, Weibull and lognormal drawn exactly as
/// SimPy draws them, so both engines consume identical numbers); `.streams` is a TwinLab
/// named xoshiro256** stream sampled by inversion.
///
/// A concrete type, not a generic parameter of the models' process classes: the kernel
/// calls `resume` through the class's vtable, which reaches the unspecialised body of a
/// generic class, so every draw went through a protocol witness and every stored property
/// after the generator through an offset read from type metadata (c: −4 % per event).
public struct ReferenceVariates: Sendable {
    @usableFromInline var splitMix: SplitMix64
    /// Set for `.streams`, which then draws every variate.
    @usableFromInline var stream: RandomStream?

    /// SplitMix64 stream `k` of `seed`, with the SimPy reference formulas.
    public static func portable(seed: UInt64, stream k: UInt64) -> ReferenceVariates {
        ReferenceVariates(splitMix: SplitMix64(seed: seed, stream: k), stream: nil)
    }

    /// A TwinLab named stream, one uniform per draw (inversion).
    public static func streams(_ stream: RandomStream) -> ReferenceVariates {
        ReferenceVariates(splitMix: SplitMix64(state: 0), stream: stream)
    }

    /// One variate of `distribution`.
    @inlinable public mutating func draw(_ distribution: Distribution) -> Double {
        if stream != nil { return distribution.sample(using: &stream!) }
        switch distribution {
        case .exponential(let mean):
            return splitMix.exponential(mean: mean)
        case .weibull(let shape, let scale):
            return splitMix.weibull(shape: shape, scale: scale)
        case .lognormal(let mean, let sd):
            let p = SplitMix64.lognormalParameters(mean: mean, sd: sd)
            return splitMix.lognormal(mu: p.mu, sigma: p.sigma)
        default:
            return distribution.quantile(splitMix.uniform())
        }
    }

    /// One variate of a prepared distribution (the lognormal's μ and σ computed once).
    @inlinable public mutating func draw(_ prepared: PreparedDistribution) -> Double {
        if stream == nil, let p = prepared.lognormal { return splitMix.lognormal(mu: p.mu, sigma: p.sigma) }
        return draw(prepared.distribution)
    }
}

/// A distribution with the parameters its sampler derives computed once.
///
/// The portable lognormal works from μ and σ; deriving them from the mean and standard
/// deviation costs two logarithms and a power per draw, more than the draw itself.
public struct PreparedDistribution: Sendable {
    public let distribution: Distribution
    @usableFromInline let lognormal: (mu: Double, sigma: Double)?

    public init(_ distribution: Distribution) {
        self.distribution = distribution
        if case .lognormal(let mean, let sd) = distribution {
            lognormal = SplitMix64.lognormalParameters(mean: mean, sd: sd)
        } else {
            lognormal = nil
        }
    }
}

/// Which variate source a reference model uses.
public enum VariateScheme: String, Sendable, Codable, CaseIterable {
    /// SplitMix64 stream k per entity, the SimPy benchmarks' portable formulas.
    case portable
    /// TwinLab named streams (xoshiro256**) sampled by inversion.
    case streams
}
