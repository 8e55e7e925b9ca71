import Foundation

/// A published formula for the saturation vapour pressure of water, e°(T).
///
/// Every case maps air temperature (°C) to saturation vapour pressure (kPa) and can be
/// inverted (the dew point is the inverse evaluated at the actual vapour pressure).
/// The Magnus-type cases are fits over liquid water, so below 0 °C they give the pressure
/// over *supercooled* water; `hylandWexler` switches to ice at the triple point
/// (0.01 °C), as ASHRAE and PsychroLib do, so its dew point becomes a frost point there.
///
/// Accuracy against IAPWS-95 on 0–40 °C (docs/model-reference.md §Psychrometrics): Tetens, Magnus
/// and both Buck forms within 0.3 %, Hyland–Wexler within 0.03 %, Vanthoor up to 1.0 % low. Use
/// `hylandWexler` as the reference, a Magnus-type form where speed matters, and `vanthoor` only for
/// bit-compatibility with GreenLight.
public enum SaturationFormula: String, CaseIterable, Sendable, Codable {
    /// Tetens (1930) in the FAO-56 form, `0.6108·exp(17.27 T/(T + 237.3))`.
    /// Source: Allen et al. (1998), FAO Irrigation and Drainage Paper 56, eq. 11.
    case tetens
    /// Magnus form with the Alduchov & Eskridge (1996) coefficients,
    /// `0.61094·exp(17.625 T/(T + 243.04))`.
    /// Source: Alduchov & Eskridge (1996), J. Appl. Meteor. 35:601–609 (AERK).
    case magnus
    /// Buck (1981) e_w1, `0.61121·exp(17.502 T/(T + 240.97))`.
    /// Source: Buck (1981), J. Appl. Meteor. 20:1527–1532.
    case buck1981
    /// Buck (1996) update, `0.61121·exp((18.678 − T/234.5)·T/(257.14 + T))`.
    /// Source: Buck Research CR-1A hygrometer manual (1996).
    case buck1996
    /// Hyland & Wexler (1983), the ASHRAE reference: over ice below the triple point,
    /// over liquid water above it.
    /// Source: ASHRAE Handbook—Fundamentals (2017) ch. 1 eqs. 5–6; PsychroLib `GetSatVapPres`.
    case hylandWexler
    /// The Vanthoor/GreenLight constants, `0.61078·exp(17.2694 T/(T + 238.3))`.
    /// Source: Vanthoor (2011) PhD thesis; GreenLight `satVp`.
    case vanthoor

    /// Air temperatures (°C) this formula accepts.
    ///
    /// Where the authors state a fit interval it is used (Alduchov & Eskridge: −40…50 °C;
    /// Buck 1981 e_w1: −20…50 °C; ASHRAE: −100…200 °C). Tetens and Vanthoor state none;
    /// TwinLab accepts −40…50 °C for them, the span of the Magnus-type fits. Buck 1996 is
    /// accepted up to 100 °C because it stays within 0.2 % of IAPWS there.
    public var validTemperatureRange: ClosedRange<Double> {
        switch self {
        case .tetens, .magnus, .vanthoor: -40...50
        case .buck1981: -20...50
        case .buck1996: -40...100
        case .hylandWexler: -100...200
        }
    }

    /// A short citation for reports and provenance records.
    public var source: String {
        switch self {
        case .tetens: "Allen et al. 1998, FAO-56 eq. 11 (Tetens 1930)"
        case .magnus: "Alduchov & Eskridge 1996, J. Appl. Meteor. 35:601"
        case .buck1981: "Buck 1981, J. Appl. Meteor. 20:1527 (e_w1)"
        case .buck1996: "Buck 1996, CR-1A user's manual"
        case .hylandWexler: "Hyland & Wexler 1983; ASHRAE Handbook—Fundamentals 2017 ch. 1"
        case .vanthoor: "Vanthoor 2011 thesis; GreenLight satVp"
        }
    }

    /// Saturation vapour pressure of water at an air temperature.
    ///
    /// - Parameter temperature: air temperature, °C, within `validTemperatureRange`.
    /// - Returns: e°(T), kPa.
    /// - Throws: `ModelInputError` if the temperature is not finite or out of range.
    public func saturationVapourPressure(temperature: Double) throws(ModelInputError) -> Double {
        let t = try checkTemperature(temperature)
        switch self {
        case .hylandWexler:
            return HylandWexler.saturationPressure(celsius: t)
        case .buck1996:
            return Buck1996.a * exp(Buck1996.exponent(t))
        default:
            let m = magnusCoefficients!
            return m.a * exp(m.b * t / (t + m.c))
        }
    }

    /// Slope of the saturation curve, de°/dT (the Δ of Penman–Monteith).
    ///
    /// - Parameter temperature: air temperature, °C, within `validTemperatureRange`.
    /// - Returns: de°/dT, kPa °C⁻¹ (e.g. 0.18868 at 25 °C for `tetens`, FAO-56 eq. 13).
    /// - Throws: `ModelInputError` if the temperature is not finite or out of range.
    public func slope(temperature: Double) throws(ModelInputError) -> Double {
        let t = try checkTemperature(temperature)
        let es = try saturationVapourPressure(temperature: t)
        switch self {
        case .hylandWexler:
            return es * HylandWexler.logDerivative(celsius: t)
        case .buck1996:
            return es * Buck1996.exponentDerivative(t)
        default:
            let m = magnusCoefficients!
            return es * m.b * m.c / ((t + m.c) * (t + m.c))
        }
    }

    /// The temperature at which this formula's saturation pressure equals `vapourPressure`.
    ///
    /// This is the dew point (or, for `hylandWexler` below 0.611657 kPa, the frost point).
    /// Magnus-type forms invert in closed form, Buck 1996 through the stable root of a
    /// quadratic, Hyland–Wexler by Newton iteration to 1e-10 °C.
    ///
    /// - Parameter vapourPressure: water vapour partial pressure, kPa, between e° at the
    ///   two ends of `validTemperatureRange`.
    /// - Returns: temperature, °C.
    /// - Throws: `ModelInputError` if the pressure is not finite, out of range, or the
    ///   iteration fails to converge.
    public func saturationTemperature(vapourPressure: Double) throws(ModelInputError) -> Double {
        let lo = try saturationVapourPressure(temperature: validTemperatureRange.lowerBound)
        let hi = try saturationVapourPressure(temperature: validTemperatureRange.upperBound)
        let e = try ModelInputError.check(vapourPressure, "vapour pressure", unit: "kPa", in: lo...hi)
        let t: Double
        switch self {
        case .hylandWexler:
            t = try HylandWexler.saturationTemperature(pressure: e)
        case .buck1996:
            t = Buck1996.inverse(log(e / Buck1996.a))
        default:
            let m = magnusCoefficients!
            let g = log(e / m.a)
            t = m.c * g / (m.b - g)
        }
        // The closed forms are exact; clamp only the last-ulp overshoot at the range ends.
        return min(max(t, validTemperatureRange.lowerBound), validTemperatureRange.upperBound)
    }

    /// The Magnus-form coefficients (a in kPa, b dimensionless, c in °C), nil for other forms.
    public var magnusCoefficients: (a: Double, b: Double, c: Double)? {
        switch self {
        case .tetens: (0.6108, 17.27, 237.3)
        case .magnus: (0.61094, 17.625, 243.04)
        case .buck1981: (0.61121, 17.502, 240.97)
        case .vanthoor: (0.61078, 17.2694, 238.3)
        case .buck1996, .hylandWexler: nil
        }
    }

    private func checkTemperature(_ t: Double) throws(ModelInputError) -> Double {
        // Fast path first: the interpolated name would allocate a String on every call, and
        // controllers evaluate VPD every simulated minute.
        if validTemperatureRange.contains(t) { return t }
        return try ModelInputError.check(t, "air temperature (\(rawValue))", unit: "°C", in: validTemperatureRange)
    }
}

/// Buck (1996) over liquid water: e° = a·exp((b − T/d)·T/(c + T)).
private enum Buck1996 {
    static let a = 0.61121
    static let b = 18.678
    static let c = 257.14
    static let d = 234.5

    static func exponent(_ t: Double) -> Double { (b - t / d) * t / (c + t) }

    static func exponentDerivative(_ t: Double) -> Double {
        (b * c - 2 * c * t / d - t * t / d) / ((c + t) * (c + t))
    }

    /// Solves (b − T/d)·T/(c + T) = g for the physical (smaller) root of
    /// T² − d(b − g)T + d·c·g = 0, written to avoid cancellation when g → 0.
    static func inverse(_ g: Double) -> Double {
        let p = d * (b - g)
        let disc = p * p - 4 * d * c * g
        return 2 * d * c * g / (p + disc.squareRoot())
    }
}
