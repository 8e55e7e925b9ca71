import Foundation

/// One master seed, many named independent streams: the run's source of all randomness.
///
/// Each component asks for its own stream by a stable name ("machine/pump-3/failures",
/// "sensor/room-1/temp"). The stream's seed depends only on the master seed and the name, so
/// the same name always yields the same draws, whatever other streams exist and in whatever
/// order they were requested — adding a machine does not change another machine's draws.
///
/// Seed derivation (a stable, documented format; changing it changes every run's results):
///
///     h    = FNV-1a 64 over the UTF-8 bytes of the name
///            (offset basis 0xcbf29ce484222325, prime 0x100000001b3)
///     seed = mix64(h ^ mix64(masterSeed &+ SplitMix64.golden))
///
/// `mix64` is SplitMix64's bijective finaliser, so for one master seed distinct name hashes
/// give distinct stream seeds, and the master seed is mixed before it meets the hash so that
/// neighbouring master seeds (1, 2, 3, …) give unrelated streams.
///
/// Every stream handed out is recorded, once per name in first-request order, in `issued`,
/// so a run can store its seeds next to its results. Thread-safe, but a run is meant to be
/// single-threaded; replications each create their own `RandomStreams`.
public final class RandomStreams: @unchecked Sendable {
    /// A stream handed out: its name and the seed derived for it.
    public struct Issued: Sendable, Hashable, Codable {
        public let name: String
        public let seed: UInt64
    }

    /// The run's master seed.
    public let masterSeed: UInt64

    /// Whether streams are handed out with `RandomStream.antithetic` set (the paired run of an
    /// antithetic-variates comparison).
    public let antithetic: Bool

    private let lock = NSLock()
    private var issuedList: [Issued] = []
    // Lookup only (never iterated), so hash-order randomisation cannot leak into results.
    private var issuedNames: Set<String> = []

    /// A family of streams derived from `masterSeed`; all are antithetic if `antithetic` is true.
    public init(masterSeed: UInt64, antithetic: Bool = false) {
        self.masterSeed = masterSeed
        self.antithetic = antithetic
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `name`.
    public static func fnv1a64(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The seed of stream `name` under `masterSeed` (see the type's documentation).
    public static func seed(masterSeed: UInt64, name: String) -> UInt64 {
        SplitMix64.mix64(fnv1a64(name) ^ SplitMix64.mix64(masterSeed &+ SplitMix64.golden))
    }

    /// The stream called `name`, at the start of its sequence.
    ///
    /// Asking twice for the same name returns two copies of the same stream (identical draws);
    /// give every component its own name.
    public func stream(_ name: String) -> RandomStream {
        let seed = Self.seed(masterSeed: masterSeed, name: name)
        lock.lock()
        if issuedNames.insert(name).inserted {
            issuedList.append(Issued(name: name, seed: seed))
        }
        lock.unlock()
        return RandomStream(seed: seed, antithetic: antithetic)
    }

    /// The stream named `"#<index>"`, for families of interchangeable entities.
    public func stream(index: Int) -> RandomStream {
        stream("#\(index)")
    }

    /// Every stream handed out so far, once per name, in the order first requested.
    public var issued: [Issued] {
        lock.lock()
        defer { lock.unlock() }
        return issuedList
    }
}
