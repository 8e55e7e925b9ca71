import Foundation

/// The portable SplitMix64 generator of the SimPy reference benchmarks, bit for bit.
///
/// This is the cross-language generator of docs/kernel.md ("Portable random numbers")
/// (Steele, Lea & Flood 2014). Its only job is parity: a Swift benchmark that draws from
/// `SplitMix64(seed:stream:)` with the variate methods below reproduces the Python scripts'
/// numbers exactly, so their reference outputs can be matched to the last bit. The variate
/// methods therefore keep the specified operation order and use the platform libm (`log`,
/// `pow`, `cos`, `sqrt`, `exp`), exactly as CPython does; do not "improve" them with
/// `log1p` or `sqrt` shortcuts.
///
/// Models should use `RandomStream` (xoshiro256**) and `Distribution` instead; SplitMix64
/// also seeds those streams.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The increment of the Weyl sequence, 2^64 / φ rounded to odd.
    public static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The generator's whole state; the next output is `mix64(state &+ golden)`.
    public var state: UInt64

    /// A generator whose next output is `mix64(state &+ golden)`.
    ///
    /// This is the plain SplitMix64 seeding used to expand one 64-bit seed into more state
    /// (`RandomStream` takes its four words this way).
    @inlinable public init(state: UInt64) { self.state = state }

    /// Stream `stream` of master seed `seed`, as docs/kernel.md ("Portable random numbers")
    /// defines it: `state0 = mix64(seed + (stream + 1) * golden)` modulo 2^64.
    ///
    /// Each simulated entity gets its own stream (process p, machine i, …), so results do not
    /// depend on the order in which simultaneous entities draw.
    @inlinable public init(seed: UInt64, stream: UInt64) {
        state = Self.mix64(seed &+ (stream &+ 1) &* Self.golden)
    }

    /// The SplitMix64 output function (Stafford's variant 13 finaliser); a bijection on 64 bits.
    @inlinable public static func mix64(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Advances the Weyl sequence and returns its mixed value.
    @inlinable public mutating func next() -> UInt64 {
        state &+= Self.golden
        return Self.mix64(state)
    }

    /// A uniform draw in [0, 1) on the grid k·2⁻⁵³, from the top 53 bits of `next()`.
    @inlinable public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An exponential draw with rate `rate` (mean 1/rate): `-log(1.0 - u) / rate`.
    @inlinable public mutating func exponential(rate: Double) -> Double {
        -log(1.0 - uniform()) / rate
    }

    /// An exponential draw with mean `mean`: `-log(1.0 - u) * mean`.
    ///
    /// Not the same bits as `exponential(rate: 1 / mean)`: the reference multiplies by the
    /// mean, and one rounding differs.
    @inlinable public mutating func exponential(mean: Double) -> Double {
        -log(1.0 - uniform()) * mean
    }

    /// A Weibull draw with shape k and scale λ: `λ * pow(-log(1.0 - u), 1.0 / k)`.
    @inlinable public mutating func weibull(shape: Double, scale: Double) -> Double {
        scale * pow(-log(1.0 - uniform()), 1.0 / shape)
    }

    /// A lognormal draw exp(μ + σ·Z) with Z from the cosine branch of Box–Muller.
    ///
    /// Consumes two consecutive uniforms u1, u2:
    /// `z = sqrt(-2.0 * log(1.0 - u1)) * cos(6.283185307179586 * u2)`. The sine branch is
    /// discarded, as in the reference, so every variate costs exactly two draws.
    @inlinable public mutating func lognormal(mu: Double, sigma: Double) -> Double {
        let u1 = uniform()
        let u2 = uniform()
        let z = sqrt(-2.0 * log(1.0 - u1)) * cos(6.283185307179586 * u2)
        return exp(mu + sigma * z)
    }

    /// The (μ, σ) of a lognormal variable with the given mean and standard deviation, computed
    /// in the reference script's operation order: σ = √ln(1 + (sd/mean)²), μ = ln(mean) − σ²/2.
    ///
    /// `pow(_, 2)` rather than `x * x` mirrors CPython's `**`, so the parameters (and with them
    /// every lognormal draw) match the Python benchmark bit for bit.
    public static func lognormalParameters(mean: Double, sd: Double) -> (mu: Double, sigma: Double) {
        let cv2 = pow(sd / mean, 2.0)
        let sigma = sqrt(log(1.0 + cv2))
        let mu = log(mean) - 0.5 * pow(sigma, 2.0)
        return (mu, sigma)
    }
}
