/// A lighting installation over a canopy: lamp type, efficacy and the PPFD it can deliver.
///
/// Electric power density follows from the photon flux it must deliver, P = PPFD / PPE
/// (docs/model-reference.md §Lighting), and splits into PAR, NIR, convection and long-wave
/// radiation with the GreenLight shares of `LampType` (Katzin et al. 2021).
///
/// Parameters (validated at `init`):
/// - `lampType`: `.led` or `.hps`.
/// - `efficacy`: photosynthetic photon efficacy PPE, µmol J⁻¹, 0.5–4.5 (Nelson & Bugbee 2014:
///   HPS 1.0–1.7; Kusuma et al. 2020: LED limits 3.4–4.1; GreenLight LED 3.0, HPS 1.8), and at
///   most `lampType.maximumEfficacy` so the radiant shares stay below 1.
/// - `maximumPPFD`: PPFD at the canopy at full output, µmol m⁻² s⁻¹, 0–2500.
public struct LightingFixture: Sendable, Hashable {
    /// Accepted efficacies, µmol J⁻¹.
    public static let validEfficacyRange: ClosedRange<Double> = 0.5...4.5
    /// Accepted PPFD at the canopy, µmol m⁻² s⁻¹ (full sun is about 2000).
    public static let validPPFDRange: ClosedRange<Double> = 0...2500

    /// The lamp technology.
    public let lampType: LampType
    /// Photosynthetic photon efficacy, µmol J⁻¹.
    public let efficacy: Double
    /// PPFD at the canopy at full output, µmol m⁻² s⁻¹.
    public let maximumPPFD: Double
    /// Fraction of electric power emitted as PAR, η_PAR = PPE/ζ.
    public let parFraction: Double
    /// Fraction of electric power emitted as NIR, η_NIR.
    public let nirFraction: Double
    /// Fraction of electric power convected to the air.
    public let convectiveFraction: Double
    /// Fraction of electric power radiated as long-wave; the four fractions sum to 1.
    public let longwaveFraction: Double

    /// Creates a fixture, checking efficacy and maximum PPFD.
    ///
    /// - Parameters:
    ///   - lampType: the lamp technology.
    ///   - efficacy: PPE, µmol J⁻¹; defaults to the GreenLight value of the lamp type.
    ///   - maximumPPFD: PPFD at full output, µmol m⁻² s⁻¹.
    /// - Throws: `.outOfRange`/`.notFinite` for a bad value; `.inconsistent` when the efficacy
    ///   is above `lampType.maximumEfficacy`.
    public init(lampType: LampType, efficacy: Double? = nil, maximumPPFD: Double) throws(ModelInputError) {
        let ppe = try ModelInputError.check(efficacy ?? lampType.referenceEfficacy, "lamp efficacy",
                                            unit: "µmol/J", in: Self.validEfficacyRange)
        guard ppe <= lampType.maximumEfficacy else {
            throw ModelInputError(code: .inconsistent, quantity: "lamp efficacy", value: ppe, unit: "µmol/J",
                                  validRange: Self.validEfficacyRange.lowerBound...lampType.maximumEfficacy,
                                  message: "lamp efficacy \(ppe) µmol/J is above the \(lampType.rawValue) limit "
                                      + "\(lampType.maximumEfficacy) µmol/J (PAR and NIR would exceed the electric input)")
        }
        self.lampType = lampType
        self.efficacy = ppe
        self.maximumPPFD = try ModelInputError.check(maximumPPFD, "maximum PPFD", unit: "µmol/m²/s",
                                                     in: Self.validPPFDRange)
        parFraction = ppe / lampType.photonsPerJoulePAR
        nirFraction = lampType.nirFraction
        let remainder = 1 - parFraction - nirFraction
        convectiveFraction = remainder * lampType.convectiveShareOfRemainder
        longwaveFraction = remainder - convectiveFraction
    }

    /// Electric power density needed to deliver a PPFD: P = PPFD / PPE.
    ///
    /// - Parameter ppfd: PPFD at the canopy, µmol m⁻² s⁻¹, 0…`maximumPPFD`.
    /// - Returns: electric power, W m⁻².
    @inlinable
    public func electricPower(ppfd: Double) throws(ModelInputError) -> Double {
        try ModelInputError.check(ppfd, "PPFD", unit: "µmol/m²/s", in: 0...maximumPPFD) / efficacy
    }

    /// Electric power density at full output, W m⁻².
    public var maximumElectricPower: Double { maximumPPFD / efficacy }

    /// PPFD at a dimming level; output is taken as proportional to dimming (constant efficacy).
    ///
    /// - Parameter dimming: fraction of full output, 0–1.
    /// - Returns: PPFD at the canopy, µmol m⁻² s⁻¹.
    @inlinable
    public func ppfd(dimming: Double) throws(ModelInputError) -> Double {
        try ModelInputError.check(dimming, "dimming fraction", unit: "1", in: 0...1) * maximumPPFD
    }

    /// Splits an electric power density into PAR, NIR, convective and long-wave parts.
    ///
    /// Long-wave is computed as the remainder so the parts add up to the input to the last bit
    /// that floating point allows.
    /// - Parameter electricPower: W m⁻², ≥ 0 (not checked; pass the result of `electricPower(ppfd:)`).
    /// - Returns: the split, W m⁻².
    @inlinable
    public func heat(electricPower: Double) -> LampHeatSplit {
        let par = electricPower * parFraction
        let nir = electricPower * nirFraction
        let convective = electricPower * convectiveFraction
        return LampHeatSplit(par: par, nir: nir, convective: convective,
                             longwave: electricPower - par - nir - convective)
    }
}
