import Foundation

/// The Hyland & Wexler (1983) saturation-pressure equations as printed in ASHRAE.
///
/// ln p_ws = C1/T + C2 + C3·T + C4·T² + C5·T³ + C6·T⁴ + C7·ln T   over ice,   173.15–273.16 K
/// ln p_ws = C8/T + C9 + C10·T + C11·T² + C12·T³ + C13·ln T      over water, 273.16–473.15 K
/// with T in K and p_ws in Pa. Source: ASHRAE Handbook—Fundamentals (2017) ch. 1 eqs. 5–6.
/// The switch is at the triple point (0.01 °C) as in PsychroLib 2.5, so e°(0 °C) is the
/// pressure over ice (0.61115 kPa, the value in the table of docs/model-reference.md
/// §Psychrometrics).
enum HylandWexler {
    static let triplePointCelsius = 0.01
    static let kelvinOffset = 273.15

    private static let ice = (
        c1: -5.6745359e3, c2: 6.3925247, c3: -9.6778430e-3, c4: 6.2215701e-7,
        c5: 2.0747825e-9, c6: -9.4840240e-13, c7: 4.1635019
    )
    private static let water = (
        c8: -5.8002206e3, c9: 1.3914993, c10: -4.8640239e-2, c11: 4.1764768e-5,
        c12: -1.4452093e-8, c13: 6.5459673
    )

    /// ln(p_ws / Pa) at temperature `celsius`.
    static func logPressurePa(celsius: Double) -> Double {
        let t = celsius + kelvinOffset
        if celsius <= triplePointCelsius {
            let k = ice
            return k.c1 / t + k.c2 + t * (k.c3 + t * (k.c4 + t * (k.c5 + t * k.c6))) + k.c7 * log(t)
        }
        let k = water
        return k.c8 / t + k.c9 + t * (k.c10 + t * (k.c11 + t * k.c12)) + k.c13 * log(t)
    }

    /// d ln(p_ws)/dT, K⁻¹ (equal to per °C).
    static func logDerivative(celsius: Double) -> Double {
        let t = celsius + kelvinOffset
        if celsius <= triplePointCelsius {
            let k = ice
            return -k.c1 / (t * t) + k.c3 + t * (2 * k.c4 + t * (3 * k.c5 + t * 4 * k.c6)) + k.c7 / t
        }
        let k = water
        return -k.c8 / (t * t) + k.c10 + t * (2 * k.c11 + t * 3 * k.c12) + k.c13 / t
    }

    /// Saturation pressure, kPa.
    static func saturationPressure(celsius: Double) -> Double {
        exp(logPressurePa(celsius: celsius)) / 1000
    }

    /// Inverts `saturationPressure` by Newton's method on ln p (nearly linear in T, so it
    /// converges in 3–5 steps from a Magnus start). The branch is picked from the
    /// pressure, so the result is a frost point below the triple-point pressure.
    static func saturationTemperature(pressure kPa: Double) throws(ModelInputError) -> Double {
        let target = log(kPa * 1000)
        let onIce = target <= logPressurePa(celsius: triplePointCelsius)
        // Magnus-over-water start; Newton corrects the branch and the fit error.
        let g = log(kPa / 0.61094)
        var t = 243.04 * g / (17.625 - g)
        for _ in 0..<50 {
            // Stay on the branch chosen from the pressure while iterating.
            let probe = onIce ? min(t, triplePointCelsius) : max(t, nextUpTriple)
            let step = (logPressurePa(celsius: probe) - target) / logDerivative(celsius: probe)
            t = probe - step
            if abs(step) < 1e-10 { return t }
        }
        throw ModelInputError(
            code: .noConvergence, quantity: "Hyland–Wexler saturation temperature", value: kPa, unit: "kPa",
            message: "Newton iteration for the saturation temperature at \(kPa) kPa did not converge in 50 steps")
    }

    private static let nextUpTriple = triplePointCelsius.nextUp
}
