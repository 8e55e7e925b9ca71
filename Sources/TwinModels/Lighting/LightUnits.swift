/// Conversions between photon flux, radiant power, electric power and daily light integral.
///
/// Sources: docs/model-reference.md §Lighting; GreenLight ζ values (Katzin et al. 2021); the
/// photon-energy relation of Planck for the µmol J⁻¹ figures. Units: PPFD µmol m⁻² s⁻¹,
/// DLI mol m⁻² d⁻¹, power W m⁻², efficacy µmol J⁻¹, photoperiod h.
public enum LightUnits {
    /// Moles per µmol times seconds per hour: DLI = PPFD · hours · 0.0036.
    public static let dliFactor = 0.0036

    /// Photons per joule of sunlight PAR, µmol J⁻¹ (GreenLight `parJtoUmolSun` 4.6;
    /// Planck integration over the solar spectrum gives ≈ 4.57).
    public static let sunlightPhotonsPerJoulePAR = 4.6

    /// Daily light integral of a constant PPFD held for some hours.
    ///
    /// - Parameters:
    ///   - ppfd: µmol m⁻² s⁻¹, 0–2500.
    ///   - hours: photoperiod, h, 0–24.
    /// - Returns: DLI, mol m⁻² d⁻¹ (900 µmol m⁻² s⁻¹ for 12 h gives 38.88).
    public static func dailyLightIntegral(ppfd: Double, hours: Double) throws(ModelInputError) -> Double {
        let q = try ModelInputError.check(ppfd, "PPFD", unit: "µmol/m²/s", in: LightingFixture.validPPFDRange)
        let h = try ModelInputError.check(hours, "photoperiod", unit: "h", in: 0...24)
        return q * h * dliFactor
    }

    /// The constant PPFD that reaches a DLI in a photoperiod.
    ///
    /// - Parameters:
    ///   - dli: mol m⁻² d⁻¹, 0–200.
    ///   - hours: photoperiod, h, (0, 24].
    /// - Returns: PPFD, µmol m⁻² s⁻¹.
    public static func ppfd(dailyLightIntegral dli: Double, hours: Double) throws(ModelInputError) -> Double {
        let d = try ModelInputError.check(dli, "daily light integral", unit: "mol/m²/d", in: 0...200)
        let h = try ModelInputError.check(hours, "photoperiod", unit: "h", in: 0...24)
        guard h > 0 else {
            throw ModelInputError(code: .outOfRange, quantity: "photoperiod", value: h, unit: "h", validRange: 0...24,
                                  message: "a photoperiod of 0 h cannot deliver any daily light integral")
        }
        return d / (h * dliFactor)
    }

    /// Radiant PAR power of a photon flux: W = PPFD / ζ.
    ///
    /// - Parameters:
    ///   - ppfd: µmol m⁻² s⁻¹, ≥ 0.
    ///   - photonsPerJoule: ζ, µmol J⁻¹, 3–7 (LED 5.41, HPS 4.9, sunlight 4.6).
    /// - Returns: PAR irradiance, W m⁻².
    public static func parIrradiance(ppfd: Double, photonsPerJoule: Double) throws(ModelInputError) -> Double {
        let q = try ModelInputError.check(ppfd, "PPFD", unit: "µmol/m²/s", in: 0...1e5)
        return q / (try checkZeta(photonsPerJoule))
    }

    /// Photon flux of a PAR irradiance: PPFD = W · ζ.
    ///
    /// - Parameters:
    ///   - parIrradiance: W m⁻², ≥ 0.
    ///   - photonsPerJoule: ζ, µmol J⁻¹, 3–7.
    /// - Returns: PPFD, µmol m⁻² s⁻¹.
    public static func ppfd(parIrradiance: Double, photonsPerJoule: Double) throws(ModelInputError) -> Double {
        let w = try ModelInputError.check(parIrradiance, "PAR irradiance", unit: "W/m²", in: 0...1e4)
        return w * (try checkZeta(photonsPerJoule))
    }

    /// Electric energy per mole of delivered photons, 1/PPE.
    ///
    /// - Parameter efficacy: PPE, µmol J⁻¹, 0.5–4.5.
    /// - Returns: Wh mol⁻¹ (102.9 at 2.7 µmol J⁻¹, 92.6 at 3.0).
    public static func energyPerMole(efficacy: Double) throws(ModelInputError) -> Double {
        let ppe = try ModelInputError.check(efficacy, "lamp efficacy", unit: "µmol/J", in: LightingFixture.validEfficacyRange)
        return 1e6 / ppe / 3600
    }

    /// Electric energy per m² per day for a PPFD held over a photoperiod: PPFD/PPE · h / 1000.
    ///
    /// - Parameters:
    ///   - ppfd: µmol m⁻² s⁻¹, 0–2500.
    ///   - efficacy: PPE, µmol J⁻¹, 0.5–4.5.
    ///   - hours: photoperiod, h, 0–24.
    /// - Returns: kWh m⁻² d⁻¹ (900 at 2.7 for 12 h gives 4.000).
    public static func dailyElectricEnergy(ppfd: Double, efficacy: Double, hours: Double) throws(ModelInputError) -> Double {
        let q = try ModelInputError.check(ppfd, "PPFD", unit: "µmol/m²/s", in: LightingFixture.validPPFDRange)
        let ppe = try ModelInputError.check(efficacy, "lamp efficacy", unit: "µmol/J", in: LightingFixture.validEfficacyRange)
        let h = try ModelInputError.check(hours, "photoperiod", unit: "h", in: 0...24)
        return q / ppe * h / 1000
    }

    private static func checkZeta(_ zeta: Double) throws(ModelInputError) -> Double {
        try ModelInputError.check(zeta, "photons per joule of PAR", unit: "µmol/J", in: 3...7)
    }
}
