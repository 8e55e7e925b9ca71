/// One independent, seeded stream of random numbers: xoshiro256** (Blackman & Vigna 2018).
///
/// A stream is a value: copying it forks an identical sequence, and it never touches global
/// state, so a model component owns its stream and nobody else can perturb its draws. Get
/// streams from `RandomStreams` (one per component, derived from the run's master seed) rather
/// than seeding them by hand.
///
/// `uniform()` and `uniformOpen()` are what `Distribution.sample(using:)` consumes; they honour
/// `antithetic`. `next()` returns raw bits and ignores `antithetic`, so anything built on the
/// standard library's `RandomNumberGenerator` extensions (`Int.random(in:using:)`,
/// `shuffle(using:)`) is reproducible but not antithetic.
public struct RandomStream: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The 64-bit seed this stream was created from (recorded so a run can be replayed).
    public let seed: UInt64

    /// When true, every uniform u is returned as 1 − u.
    ///
    /// Run a scenario once with `antithetic = false` and its partner with `true` on the same
    /// seeds: each inversion-sampled variate of the partner is the mirrored quantile, which
    /// makes the pair negatively correlated and the variance of their average smaller.
    /// With `antithetic` on, `uniform()` lies in (0, 1] instead of [0, 1).
    public var antithetic: Bool

    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A stream whose 256-bit state is the first four SplitMix64 outputs from `seed`.
    ///
    /// SplitMix64 is the seeding its authors recommend: it never yields the forbidden all-zero
    /// state (its output function is a bijection and consecutive inputs differ) and spreads
    /// nearby seeds (0, 1, 2, …) far apart.
    public init(seed: UInt64, antithetic: Bool = false) {
        self.seed = seed
        self.antithetic = antithetic
        var expander = SplitMix64(state: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    @inlinable static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    /// The next 64 raw bits (never affected by `antithetic`).
    @inlinable public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A uniform draw on the grid k·2⁻⁵³ in [0, 1), or 1 − u in (0, 1] when `antithetic`.
    ///
    /// 1 − k·2⁻⁵³ is exactly representable, so u + u′ = 1 holds exactly.
    @inlinable public mutating func uniform() -> Double {
        let u = Double(next() >> 11) * 0x1.0p-53
        return antithetic ? 1.0 - u : u
    }

    /// A uniform draw strictly inside (0, 1): the midpoints (2k + 1)·2⁻⁵³, k < 2⁵².
    ///
    /// Quantile functions of unbounded distributions are infinite at 0 or 1; midpoints never
    /// reach either end, and the grid is symmetric, so the antithetic 1 − u lands on the same
    /// grid (exactly) and is still inside (0, 1).
    @inlinable public mutating func uniformOpen() -> Double {
        let u = (Double(next() >> 12) + 0.5) * 0x1.0p-52
        return antithetic ? 1.0 - u : u
    }
}
