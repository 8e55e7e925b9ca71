import Foundation

/// Nameplate, thermal, bearing and reliability parameters of one machine.
///
/// Units are in the property names' documentation; ranges are checked by `validate()`.
/// Presets per `MachineKind` are in `MachineParameters+Presets.swift` with their sources.
///
/// Models followed:
/// - Losses: P_loss(L) = P_loss,rated·(k₀ + (1 − k₀)·L²), P_loss,rated = P_rated·(1/η − 1):
///   constant core, friction and windage losses plus I²R losses growing with the square of the
///   load (IEC 60034-2-1 loss segregation).
/// - Winding hot spot: first-order thermal network τ·dT/dt = T_amb + R·P_loss/c − T with the
///   cooling scale c = c_nat + (1 − c_nat)·coolingFactor, where τ and R are scaled by 1/c (the
///   heat capacity does not change when the fan is blocked).
/// - Bearings: ISO 281 basic rating life L10 = (C/P)^p·10⁶ revolutions.
/// - Insulation: reference life at the class temperature, halving per +10 K (Montsinger rule).
public struct MachineParameters: Sendable, Equatable, Hashable, Codable {
    /// The kind of machine (informative; the model treats all kinds alike).
    public var kind: MachineKind
    /// Rated shaft output, kW (0.1…10 000).
    public var ratedPower: Double
    /// Efficiency at rated load, 0.5…0.99.
    public var efficiency: Double
    /// Fraction k₀ of rated losses that do not depend on load (core, friction, windage), 0…1.
    public var noLoadLossFraction = 0.3
    /// Winding insulation thermal class.
    public var insulationClass: InsulationClass
    /// Thermal time constant of the winding/frame at full cooling, s (10…86 400).
    public var thermalTimeConstant: Double
    /// Hot-spot temperature rise per kW of losses at full cooling, K/kW (1e-3…1e4).
    public var thermalResistance: Double
    /// Cooling left with the forced cooling gone (natural convection and radiation), as a
    /// fraction of nominal cooling, 0.05…1. Default 0.3 (assumption for a TEFC frame whose
    /// fan is blocked).
    public var naturalCoolingFraction = 0.3
    /// Frame surface rise over ambient as a fraction of the hot-spot rise, 0.1…1. The reported
    /// temperature signal is the frame (housing) temperature. Default 0.55 (assumption: a TEFC
    /// frame at rated load runs some 45–50 K above ambient when the hot spot is 90 K above).
    public var housingRiseFraction = 0.55
    /// Rolling-element type of the bearings.
    public var bearingType: BearingType
    /// Basic dynamic load rating C of the most loaded bearing, kN (0.01…10 000).
    public var bearingDynamicLoadRating: Double
    /// Equivalent dynamic bearing load P at rated shaft load, kN (0.01…10 000).
    public var bearingEquivalentLoad: Double
    /// Shaft speed, rpm (10…30 000).
    public var speed: Double
    /// Bearing load at zero shaft load as a fraction of P (rotor weight, belt or coupling
    /// preload), 0…1; the bearing sees max(load, this) × P. Default 0.3 (assumption).
    public var bearingMinimumLoadFraction = 0.3
    /// Broadband RMS vibration velocity of the healthy machine, mm/s (0.05…B/C boundary).
    public var baselineVibration: Double
    /// Zone boundaries for the vibration signal (per asset, ISO 10816-3).
    public var vibrationLimits: VibrationSeverityLimits
    /// Vibration when the bearing fails, as a multiple of the zone C/D boundary (1.01…5).
    /// Default 1.25 (assumption: run-to-failure tests stop well inside zone D).
    public var vibrationAtFailureFactor = 1.25
    /// Extra friction loss of a bearing at the end of its life, fraction of rated power
    /// (0…0.2), growing with the square of the wear. Default 0.02 (assumption).
    public var bearingFrictionLossAtFailure = 0.02
    /// Insulation life at the class temperature, h (100…1e6). Default 20 000 h, the
    /// reference life commonly quoted for IEC 60085 classes.
    public var insulationReferenceLifeHours = 20_000.0
    /// Electrical-stress life at 1.5 × rated load, h (10…1e6). Default 3 000 h (assumption).
    public var electricalReferenceLifeHours = 3_000.0
    /// Exponent n of the electrical damage rate ((L − 1)/0.5)^n for L > 1, 1…10. Default 2:
    /// the stress follows the I²R heating of the overload current (assumption).
    public var electricalStressExponent = 2.0
    /// Bearing life in units of L10: shape 1.5, the Weibull slope behind the ISO 281
    /// reliability factor a1, and scale (ln(1/0.9))^(−1/1.5) = 4.483 so that 10 % fail by 1·L10.
    public var bearingLife = WeibullLife.bearingISO281
    /// Insulation life in units of the reference life: shape 3 (wear-out; assumption), scale 1.
    public var insulationLife = WeibullLife.unchecked(shape: 3, scale: 1)
    /// Electrical-stress life in units of the electrical reference life: shape 2
    /// (assumption), scale 1.
    public var electricalLife = WeibullLife.unchecked(shape: 2, scale: 1)
    /// Fraction of its individual life a mode has consumed when its fault is declared started
    /// (ground-truth fault onset), 0.05…0.95. Default 0.6. The bearing vibration law is
    /// calibrated so vibration crosses the zone B/C boundary exactly at onset and reaches
    /// `vibrationAtFailureFactor` × the C/D boundary at failure.
    public var faultOnsetFraction = 0.6

    /// Parameters with the defaults above for the secondary fields.
    ///
    /// - Throws: `ModelInputError` if any field is out of range or inconsistent.
    public init(
        kind: MachineKind,
        ratedPower: Double,
        efficiency: Double,
        insulationClass: InsulationClass,
        thermalTimeConstant: Double,
        thermalResistance: Double,
        bearingType: BearingType,
        bearingDynamicLoadRating: Double,
        bearingEquivalentLoad: Double,
        speed: Double,
        baselineVibration: Double,
        vibrationLimits: VibrationSeverityLimits
    ) throws(ModelInputError) {
        self.kind = kind
        self.ratedPower = ratedPower
        self.efficiency = efficiency
        self.insulationClass = insulationClass
        self.thermalTimeConstant = thermalTimeConstant
        self.thermalResistance = thermalResistance
        self.bearingType = bearingType
        self.bearingDynamicLoadRating = bearingDynamicLoadRating
        self.bearingEquivalentLoad = bearingEquivalentLoad
        self.speed = speed
        self.baselineVibration = baselineVibration
        self.vibrationLimits = vibrationLimits
        try validate()
    }

    /// Losses at rated load, kW.
    public var ratedLosses: Double { ratedPower * (1 / efficiency - 1) }

    /// ISO 281 basic rating life at the rated equivalent load, revolutions: (C/P)^p·10⁶.
    public var l10Revolutions: Double {
        pow(bearingDynamicLoadRating / bearingEquivalentLoad, bearingType.lifeExponent) * 1e6
    }

    /// ISO 281 basic rating life at rated load and `speed`, h: L10 / (60·n).
    public var l10Hours: Double { l10Revolutions / (60 * speed) }

    /// Losses at shaft load `load` (fraction of rated), kW.
    @inlinable
    public func losses(atLoad load: Double) -> Double {
        ratedLosses * (noLoadLossFraction + (1 - noLoadLossFraction) * load * load)
    }

    /// The thermal resistance that gives a hot-spot rise `rise` (K) at rated losses, K/kW.
    public static func thermalResistance(forRatedHotSpotRise rise: Double, ratedPower: Double, efficiency: Double) -> Double {
        rise / (ratedPower * (1 / efficiency - 1))
    }

    /// Checks every field's range and their consistency.
    public func validate() throws(ModelInputError) {
        _ = try ModelInputError.check(ratedPower, "rated power", unit: "kW", in: 0.1...10_000)
        _ = try ModelInputError.check(efficiency, "rated efficiency", unit: "1", in: 0.5...0.99)
        _ = try ModelInputError.check(noLoadLossFraction, "no-load loss fraction", unit: "1", in: 0...1)
        _ = try ModelInputError.check(thermalTimeConstant, "thermal time constant", unit: "s", in: 10...86_400)
        _ = try ModelInputError.check(thermalResistance, "thermal resistance", unit: "K/kW", in: 1e-3...1e4)
        _ = try ModelInputError.check(naturalCoolingFraction, "natural cooling fraction", unit: "1", in: 0.05...1)
        _ = try ModelInputError.check(housingRiseFraction, "housing rise fraction", unit: "1", in: 0.1...1)
        _ = try ModelInputError.check(bearingDynamicLoadRating, "bearing dynamic load rating C", unit: "kN", in: 0.01...10_000)
        _ = try ModelInputError.check(bearingEquivalentLoad, "bearing equivalent load P", unit: "kN", in: 0.01...10_000)
        _ = try ModelInputError.check(speed, "shaft speed", unit: "rpm", in: 10...30_000)
        _ = try ModelInputError.check(bearingMinimumLoadFraction, "bearing minimum load fraction", unit: "1", in: 0...1)
        try vibrationLimits.validate()
        _ = try ModelInputError.check(
            baselineVibration, "baseline vibration", unit: "mm/s", in: 0.05...(vibrationLimits.zoneBUpper * (1 - 1e-9)))
        _ = try ModelInputError.check(vibrationAtFailureFactor, "vibration at failure factor", unit: "1", in: 1.01...5)
        _ = try ModelInputError.check(bearingFrictionLossAtFailure, "bearing friction loss at failure", unit: "1", in: 0...0.2)
        _ = try ModelInputError.check(insulationReferenceLifeHours, "insulation reference life", unit: "h", in: 100...1e6)
        _ = try ModelInputError.check(electricalReferenceLifeHours, "electrical reference life", unit: "h", in: 10...1e6)
        _ = try ModelInputError.check(electricalStressExponent, "electrical stress exponent", unit: "1", in: 1...10)
        _ = try WeibullLife(shape: bearingLife.shape, scale: bearingLife.scale)
        _ = try WeibullLife(shape: insulationLife.shape, scale: insulationLife.scale)
        _ = try WeibullLife(shape: electricalLife.shape, scale: electricalLife.scale)
        _ = try ModelInputError.check(faultOnsetFraction, "fault onset fraction", unit: "1", in: 0.05...0.95)
    }
}

extension WeibullLife {
    /// Bearing life in units of L10 per ISO 281: β = 1.5, η = (ln(1/0.9))^(−1/β) ≈ 4.483.
    public static let bearingISO281 = WeibullLife.unchecked(shape: 1.5, scale: pow(log(1 / 0.9), -1 / 1.5))

    static func unchecked(shape: Double, scale: Double) -> WeibullLife {
        WeibullLife(uncheckedShape: shape, scale: scale)
    }
}
