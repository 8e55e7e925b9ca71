import CGSL

/// GSL's Sobol low-discrepancy sequence (`gsl_qrng_sobol`, Antonov & Saleev 1979; Bratley &
/// Fox 1988, ACM TOMS 14:88), up to ``maximumDimensions`` dimensions, points in [0, 1)^d.
///
/// GSL leaves out the textbook sequence's origin and starts at (½, …, ½); with it, the first
/// 2^m − 1 points hit each of the 2^m equal intervals of every coordinate exactly once.
public final class SobolSequence {
    /// GSL's Sobol generator supports at most 40 dimensions.
    public static let maximumDimensions = 40

    public let dimensions: Int
    private let generator: UnsafeMutablePointer<gsl_qrng>

    /// A sequence of `dimensions` (1 … 40) dimensions, at its first point; nil outside that range
    /// or when GSL cannot allocate it.
    public init?(dimensions: Int) {
        guard (1...Self.maximumDimensions).contains(dimensions),
              let generator = gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimensions)) else { return nil }
        self.dimensions = dimensions
        self.generator = generator
    }

    deinit { gsl_qrng_free(generator) }

    /// The next point of the sequence.
    public func next() -> [Double] {
        var point = Array(repeating: 0.0, count: dimensions)
        // gsl_qrng_get fails only past the generator's 2^30 points, far beyond any design here.
        _ = point.withUnsafeMutableBufferPointer { gsl_qrng_get(generator, $0.baseAddress) }
        return point
    }
}
