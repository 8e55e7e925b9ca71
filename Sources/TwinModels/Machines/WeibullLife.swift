import Foundation

/// A Weibull life distribution expressed in accumulated damage instead of calendar time.
///
/// Following the cumulative-exposure model (Nelson, *Accelerated Testing*, 1990, ch. 10), a
/// unit that has accumulated damage d (reference lives consumed under varying stress) has the
/// cumulative hazard H(d) = (d/η)^β, so the reliability is R = exp(−H) and, under constant
/// stress with damage rate ḋ, the time-to-failure is Weibull with shape β and scale η/ḋ
/// (Meeker & Escobar 1998; docs/model-reference.md §Failure and wear). The hazard rate in time,
/// h = (β/η)(d/η)^(β−1)·ḋ, grows with accumulated damage (β > 1) and with the stress (ḋ).
///
/// A unit fails when H reaches its own threshold E = −ln U, U ~ Uniform(0, 1) drawn by the
/// caller, i.e. at the damage D = η·E^(1/β) (`damageAtFailure`). Drawing E once and comparing
/// the accumulated hazard with it is exact inversion sampling of the time-to-failure, so the
/// failure time is deterministic given U, and the same U under harsher conditions fails sooner
/// (common random numbers across scenarios).
public struct WeibullLife: Sendable, Equatable, Hashable, Codable {
    /// Shape β (0.5…10): > 1 is wear-out.
    public var shape: Double
    /// Scale η in damage units (> 0): the damage at which 63.2 % of units have failed.
    public var scale: Double

    /// - Throws: `ModelInputError` for a shape outside 0.5…10 or a scale outside 1e-6…1e6.
    public init(shape: Double, scale: Double) throws(ModelInputError) {
        self.shape = try ModelInputError.check(shape, "Weibull shape", unit: "1", in: 0.5...10)
        self.scale = try ModelInputError.check(scale, "Weibull scale", unit: "damage", in: 1e-6...1e6)
    }

    init(uncheckedShape shape: Double, scale: Double) {
        self.shape = shape
        self.scale = scale
    }

    /// Cumulative hazard H(d) = (d/η)^β at damage `damage` (≥ 0).
    @inlinable
    public func cumulativeHazard(damage: Double) -> Double {
        damage <= 0 ? 0 : pow(damage / scale, shape)
    }

    /// dH/dd = (β/η)(d/η)^(β−1): hazard per unit of damage; multiply by the damage rate for a
    /// hazard rate in time.
    @inlinable
    public func hazardPerDamage(damage: Double) -> Double {
        let x = max(damage, 0) / scale
        if x == 0 { return shape < 1 ? .infinity : (shape == 1 ? 1 / scale : 0) }
        return shape / scale * pow(x, shape - 1)
    }

    /// The damage D = η·E^(1/β) at which the cumulative hazard equals `threshold` E (> 0).
    @inlinable
    public func damageAtFailure(threshold: Double) -> Double {
        scale * pow(threshold, 1 / shape)
    }

    /// Mean damage to failure η·Γ(1 + 1/β).
    public var meanDamageToFailure: Double { scale * tgamma(1 + 1 / shape) }
}
