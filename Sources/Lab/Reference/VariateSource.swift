import SimKernel

/// A source of random variates for the reference models.
///
/// Two sources implement it: `SplitMix64`, which draws exponential, Weibull and
/// lognormal variates with the cross-language formulas of the SimPy reference
/// benchmarks (so TwinLab and SimPy consume identical draws), and `StreamVariates`,
/// TwinLab's own xoshiro256** streams sampled by inversion.
public protocol VariateSource {
    mutating func draw(_ distribution: Distribution) -> Double
    mutating func draw(_ prepared: PreparedDistribution) -> Double
}

/// A distribution with the parameters its sampler derives computed once.
///
/// The portable lognormal works from μ and σ; deriving them from the mean and standard
/// deviation costs two logarithms and a power per draw, more than the draw itself.
public struct PreparedDistribution: Sendable {
    public let distribution: Distribution
    let lognormal: (mu: Double, sigma: Double)?

    public init(_ distribution: Distribution) {
        self.distribution = distribution
        if case .lognormal(let mean, let sd) = distribution {
            lognormal = SplitMix64.lognormalParameters(mean: mean, sd: sd)
        } else {
            lognormal = nil
        }
    }
}

extension VariateSource {
    public mutating func draw(_ prepared: PreparedDistribution) -> Double { draw(prepared.distribution) }
}

extension SplitMix64: VariateSource {
    /// The SimPy reference formulas where they exist; inversion of one uniform otherwise.
    public mutating func draw(_ distribution: Distribution) -> Double {
        switch distribution {
        case .exponential(let mean):
            return exponential(mean: mean)
        case .weibull(let shape, let scale):
            return weibull(shape: shape, scale: scale)
        case .lognormal(let mean, let sd):
            let p = SplitMix64.lognormalParameters(mean: mean, sd: sd)
            return lognormal(mu: p.mu, sigma: p.sigma)
        default:
            return distribution.quantile(uniform())
        }
    }

    public mutating func draw(_ prepared: PreparedDistribution) -> Double {
        if let p = prepared.lognormal { return lognormal(mu: p.mu, sigma: p.sigma) }
        return draw(prepared.distribution)
    }
}

/// TwinLab's named-stream variates, one uniform per draw (inversion).
public struct StreamVariates: VariateSource {
    public var stream: RandomStream

    public init(_ stream: RandomStream) { self.stream = stream }

    public mutating func draw(_ distribution: Distribution) -> Double {
        distribution.sample(using: &stream)
    }
}

/// Which variate source a reference model uses.
public enum VariateScheme: String, Sendable, Codable, CaseIterable {
    /// SplitMix64 stream k per entity, the SimPy benchmarks' portable formulas.
    case portable
    /// TwinLab named streams (xoshiro256**) sampled by inversion.
    case streams
}
