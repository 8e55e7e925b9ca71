/// Time integral of the excursions of a signal below and above its comfort band.
///
/// Units are the signal's unit times hours: K·h for temperature (BOPTEST `tdis`),
/// ppm·h for CO₂ (BOPTEST `idis`).
public struct DiscomfortIntegral: Sendable, Hashable {
    /// ∫ max(0, lower − x) dt.
    public var belowLower: Double
    /// ∫ max(0, x − upper) dt.
    public var aboveUpper: Double

    /// Creates an integral from its two parts.
    public init(belowLower: Double = 0, aboveUpper: Double = 0) {
        self.belowLower = belowLower
        self.aboveUpper = aboveUpper
    }

    /// Both excursions together (BOPTEST adds the lower and upper integrals).
    public var total: Double { belowLower + aboveUpper }
}
