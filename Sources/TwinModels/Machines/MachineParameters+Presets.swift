extension MachineParameters {
    /// A documented default for each machine kind.
    ///
    /// Common to all presets (assumptions unless stated):
    /// - Rated efficiency: the IE3 minimum of IEC 60034-30-1 (50 Hz) for the rating and pole
    ///   count (values from memory of the standard's table; check before using as a test oracle).
    /// - Class F insulation run at a class B rise: the thermal resistance gives a 90 K hot-spot
    ///   rise at rated losses (80 K class B rise by resistance + 10 K hot-spot allowance,
    ///   IEC 60034-1), i.e. 130 °C at rated load in 40 °C air, 25 K under the class F limit
    ///   (IEC 60085; docs/model-reference.md §Failure and wear: about 5.6× the class life).
    /// - Thermal time constants of 20–60 min, typical of TEFC frames of these sizes.
    /// - Bearing C: catalogue order of magnitude for the deep-groove (62/63 series) or
    ///   cylindrical-roller bearing of that frame size; P chosen so the ISO 281 L10 at rated
    ///   load lands in the SKF guideline band for the duty (20 000–50 000 h).
    /// - Vibration: machines of 15–300 kW use ISO 10816-3 group 2 rigid, the large compressor
    ///   group 1 rigid, machines below 15 kW ISO 10816-1 class I (reference §1.4, item 3);
    ///   baselines sit in zone A. Pumps are formally in ISO 10816-7, whose tables were not
    ///   verified, so group 2 stands in.
    public static func preset(for kind: MachineKind) -> MachineParameters {
        switch kind {
        case .pump:
            // 15 kW 4-pole, IE3 92.1 %; 6309 ball bearing (C ≈ 55.3 kN), L10 ≈ 26 000 h.
            make(kind, kW: 15, eta: 0.921, tau: 1_800, bearing: .ball, c: 55.3, p: 4.2, rpm: 1_460,
                 vib: 1.0, limits: .group2Rigid)
        case .motor:
            // 30 kW 4-pole, IE3 93.6 %; 6312 ball bearing (C ≈ 85.2 kN), L10 ≈ 40 000 h.
            make(kind, kW: 30, eta: 0.936, tau: 2_400, bearing: .ball, c: 85.2, p: 5.6, rpm: 1_475,
                 vib: 1.1, limits: .group2Rigid)
        case .compressor:
            // 355 kW 2-pole, IE3 95.8 %; NU 222-size roller bearing (C ≈ 300 kN), L10 ≈ 50 000 h.
            make(kind, kW: 355, eta: 0.958, tau: 3_600, bearing: .roller, c: 300, p: 19.6, rpm: 2_980,
                 vib: 1.8, limits: .group1Rigid)
        case .conveyor:
            // 5.5 kW 4-pole geared motor, IE3 89.6 %; 6306 ball bearing (C ≈ 29.6 kN), L10 ≈ 20 000 h.
            make(kind, kW: 5.5, eta: 0.896, tau: 1_500, bearing: .ball, c: 29.6, p: 2.46, rpm: 1_450,
                 vib: 0.6, limits: .classI)
        case .fan:
            // 7.5 kW 4-pole, IE3 90.4 %; 6308 ball bearing (C ≈ 42.3 kN), L10 ≈ 40 000 h.
            make(kind, kW: 7.5, eta: 0.904, tau: 1_800, bearing: .ball, c: 42.3, p: 2.78, rpm: 1_460,
                 vib: 0.5, limits: .classI)
        case .dehumidifier:
            // 4 kW 2-pole hermetic compressor, IE3 88.1 %; 6305 ball bearing (C ≈ 23.4 kN), L10 ≈ 30 000 h.
            make(kind, kW: 4, eta: 0.881, tau: 1_200, bearing: .ball, c: 23.4, p: 1.35, rpm: 2_900,
                 vib: 0.5, limits: .classI)
        }
    }

    /// Hot-spot rise at rated losses and full cooling used by the presets, K.
    public static let presetRatedHotSpotRise = 90.0

    private static func make(
        _ kind: MachineKind, kW: Double, eta: Double, tau: Double, bearing: BearingType,
        c: Double, p: Double, rpm: Double, vib: Double, limits: VibrationSeverityLimits
    ) -> MachineParameters {
        let r = thermalResistance(forRatedHotSpotRise: presetRatedHotSpotRise, ratedPower: kW, efficiency: eta)
        // The literals above are in range; a failure here is a programming error caught by the tests.
        guard let parameters = try? MachineParameters(
            kind: kind, ratedPower: kW, efficiency: eta, insulationClass: .f, thermalTimeConstant: tau,
            thermalResistance: r, bearingType: bearing, bearingDynamicLoadRating: c, bearingEquivalentLoad: p,
            speed: rpm, baselineVibration: vib, vibrationLimits: limits)
        else { preconditionFailure("invalid preset for \(kind)") }
        return parameters
    }
}
