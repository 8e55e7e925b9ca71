import Foundation

/// A tiny seeded N(μ, σ) generator for detector tests: SplitMix64 (Steele et al. 2014)
/// feeding the Box–Muller transform. Self-contained so the tests pin their own data.
struct GaussianSequence {
    private var state: UInt64
    private var spare: Double?

    init(seed: UInt64) { state = seed }

    private mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on (0, 1): 53 random bits, offset by half an ulp so log never sees 0.
    private mutating func nextUniform() -> Double {
        (Double(nextUInt64() >> 11) + 0.5) * 0x1.0p-53
    }

    mutating func next(mean: Double = 0, sd: Double = 1) -> Double {
        if let z = spare {
            spare = nil
            return mean + sd * z
        }
        let r = (-2 * log(nextUniform())).squareRoot()
        let theta = 2 * Double.pi * nextUniform()
        spare = r * sin(theta)
        return mean + sd * r * cos(theta)
    }

    /// `before` in-control samples N(0, σ) followed by `after` samples N(shift, σ).
    static func stepSeries(seed: UInt64, before: Int, after: Int, shift: Double, sd: Double = 1) -> [Double] {
        var g = GaussianSequence(seed: seed)
        return (0..<before).map { _ in g.next(sd: sd) } + (0..<after).map { _ in g.next(mean: shift, sd: sd) }
    }
}
