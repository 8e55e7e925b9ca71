/// The lamp technology of a fixture, with the GreenLight partition of its electric power.
///
/// Katzin et al. (2021, Applied Energy 281:116019) and the GreenLight lamp parameters
/// (`setDefaultLampParams.m` @4ec6018; docs/model-reference.md §Lamp heat split) split lamp
/// electricity into PAR (η_PAR = PPE/ζ), NIR (η_NIR) and a remainder that leaves the lamp as heat.
/// GreenLight keeps the remainder on a dynamic lamp-temperature node that loses it by convection
/// (c_HEC,lamp,air) and far-infrared emission (lamp emissivities); a room model stepping every
/// minute does not need that node, so the remainder is split here with fixed shares taken from the
/// node's steady state (see `convectiveShareOfRemainder`).
///
/// In a closed room all four shares end as heat: PAR and NIR are absorbed by canopy and
/// surfaces, convection heats the air, long-wave radiation heats canopy and walls.
public enum LampType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Light-emitting diodes (GreenLight LED scenario: 6 % blue, 94 % red).
    case led
    /// High-pressure sodium.
    case hps

    /// Photons per joule of emitted PAR, ζ, µmol J⁻¹.
    ///
    /// LED 5.41 (6 % blue at 450 nm, 94 % red at 660 nm), HPS 4.9; GreenLight `zetaLampPar`.
    public var photonsPerJoulePAR: Double {
        switch self {
        case .led: 5.41
        case .hps: 4.9
        }
    }

    /// Fraction of electric power emitted as near infrared, η_NIR: LED 0.02, HPS 0.22
    /// (GreenLight `etaLampNir`).
    public var nirFraction: Double {
        switch self {
        case .led: 0.02
        case .hps: 0.22
        }
    }

    /// The photosynthetic photon efficacy GreenLight uses for this lamp type, µmol J⁻¹:
    /// LED 3.0, HPS 1.8 (Katzin 2021).
    public var referenceEfficacy: Double {
        switch self {
        case .led: 3.0
        case .hps: 1.8
        }
    }

    /// Share of the heat remainder (1 − η_PAR − η_NIR) that leaves the lamp by convection to air;
    /// the rest is long-wave (FIR) radiation.
    ///
    /// Derived from GreenLight's lamp node at steady state: c_HEC,lamp,air·ΔT convective against
    /// a_lamp·(ε_top + ε_bottom)·ε_surr·σ·(T_lamp⁴ − T_air⁴) radiative, with a_lamp = 0.02 m² m⁻²,
    /// ε_surr = 0.9, air and surroundings at 20 °C and the lamps at 200 µmol m⁻² s⁻¹.
    /// - LED: c_HEC = 2.3 W m⁻² K⁻¹, ε 0.88/0.88 → lamp at 31 °C, 92 % convective
    ///   (90 % at 900 µmol m⁻² s⁻¹, so the share is insensitive to the operating point).
    /// - HPS: c_HEC = 0.09 W m⁻² K⁻¹, ε 0.1/0.9 → lamp at 171 °C, 30 % convective.
    public var convectiveShareOfRemainder: Double {
        switch self {
        case .led: 0.92
        case .hps: 0.30
        }
    }

    /// The largest efficacy this lamp type can have without its PAR and NIR shares exceeding
    /// the electric input: ζ·(1 − η_NIR), µmol J⁻¹ (5.30 for LED, 3.82 for HPS).
    public var maximumEfficacy: Double {
        photonsPerJoulePAR * (1 - nirFraction)
    }
}
