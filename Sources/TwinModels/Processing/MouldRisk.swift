import Foundation
import SimKernel

/// Mould (yeast and mould, e.g. *Botrytis*, *Penicillium*, *Aspergillus*) on drying and
/// curing flower as a hazard that rises steeply with water activity and with temperature.
///
///     h(a_w, T) = h_max · Q10^((T − 20)/10) / (1 + exp(−(a_w − a_50)/s))      (1/h)
///     P(mould over an exposure) = 1 − exp(−∫ h dt)
///
/// Most moulds cannot grow below a_w ≈ 0.70 and xerophilic species need ≥ 0.61–0.65
/// (Beuchat 1983, *J. Food Prot.* 46:135; ASTM D8197-18 sets 0.65 as the cannabis ceiling
/// for that reason). The logistic form with its midpoint at a_50 = 0.75 and a width
/// s = 0.02 puts the hazard below 1 % of its maximum under a_w 0.66 (the threshold region
/// 0.65–0.70), at 8 % at a_w 0.70 and at 50 % at 0.75.
/// Q10 = 2 is the usual doubling of fungal growth rate per 10 °C below the optimum.
/// h_max = 0.01 h⁻¹ (a near-certain infection over four days at high a_w) is an
/// **assumption**, as is the whole functional form: a risk index, not a growth model.
///
/// Inputs: a_w 0…1; temperature −10…50 °C; exposure 0…1000 h. Output: hazard 1/h ≥ 0, and
/// the probability of at least one mould occurrence, 0…1.
public struct MouldRisk: Sendable, Equatable {
    /// h_max, 1/h (assumption).
    public var maximumHazard: Double
    /// a_50, water activity at half the maximum hazard (Beuchat 1983).
    public var midpointWaterActivity: Double
    /// s, logistic width in water activity (assumption).
    public var width: Double
    /// Q10, dimensionless.
    public var q10: Double

    public init(maximumHazard: Double = 0.01, midpointWaterActivity: Double = 0.75, width: Double = 0.02, q10: Double = 2) {
        self.maximumHazard = maximumHazard
        self.midpointWaterActivity = midpointWaterActivity
        self.width = width
        self.q10 = q10
    }

    /// Instantaneous hazard, 1/h.
    public func hazard(waterActivity: Double, temperature: Double) throws(ModelInputError) -> Double {
        let aw = try ModelInputError.check(waterActivity, "water activity", unit: "", in: 0...1)
        let t = try ModelInputError.check(temperature, "temperature", unit: "°C", in: -10...50)
        return maximumHazard * pow(q10, (t - 20) / 10) / (1 + exp(-(aw - midpointWaterActivity) / width))
    }

    /// Probability of mould appearing at least once given a cumulative hazard ∫h dt (dimensionless ≥ 0).
    public static func probability(cumulativeHazard: Double) throws(ModelInputError) -> Double {
        let h = try ModelInputError.check(cumulativeHazard, "cumulative mould hazard", unit: "", in: 0...Double.greatestFiniteMagnitude)
        return 1 - exp(-h)
    }

    /// Whether mould appears, drawn with one uniform from the caller's seeded stream.
    public static func occurs(cumulativeHazard: Double, using stream: inout RandomStream) throws(ModelInputError) -> Bool {
        stream.uniform() < (try probability(cumulativeHazard: cumulativeHazard))
    }
}
