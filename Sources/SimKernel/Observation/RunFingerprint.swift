/// A 64-bit digest of a run: every event fired and every value a model adds.
///
/// Two runs of the same scenario, seed and TwinLab version must give the same
/// fingerprint (docs/design.md); a change that moves results changes it. Each input word
/// is folded in with SplitMix64's finaliser, which mixes every input bit into every
/// output bit, so reordering two events or changing one value by one ulp shows.
/// It is a regression check, not a cryptographic hash.
public struct RunFingerprint: Hashable, Sendable, CustomStringConvertible {
    public private(set) var state: UInt64 = 0x6A09_E667_F3BC_C908
    /// Number of words folded in.
    public private(set) var count: UInt64 = 0

    public init() {}

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Folds in one word.
    public mutating func combine(_ word: UInt64) {
        state = Self.mix((state &+ 0x9E37_79B9_7F4A_7C15) ^ word)
        count &+= 1
    }

    /// Folds in one fired event: its time and a word naming target and kind.
    ///
    /// One mix per event: the time is spread by the golden-ratio multiplier before the
    /// target word is xored in, so distinct (time, target) pairs map to distinct words
    /// unless both differ in a correlated way no schedule produces; the chained state
    /// keeps event order significant.
    @inline(__always)
    public mutating func combine(event time: Int64, target: UInt64) {
        combine(UInt64(bitPattern: time) &* 0x9E37_79B9_7F4A_7C15 ^ target)
    }

    /// Folds in a recorded value by its bit pattern (so -0.0 and 0.0 differ, as files would).
    public mutating func combine(_ value: Double) { combine(value.bitPattern) }

    /// Folds in a string's UTF-8 bytes and length.
    public mutating func combine(_ text: String) {
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for byte in text.utf8 {
            word |= UInt64(byte) << shift
            shift += 8
            if shift == 64 { combine(word); word = 0; shift = 0 }
        }
        combine(word)
        combine(UInt64(text.utf8.count))
    }

    /// 16 lowercase hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public var description: String { hex }
}
