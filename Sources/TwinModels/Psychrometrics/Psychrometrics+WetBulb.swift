import Foundation

extension Psychrometrics {
    /// Thermodynamic wet-bulb temperature of moist air.
    ///
    /// - Parameters:
    ///   - temperature: dry-bulb air temperature, °C, within `formula.validTemperatureRange`
    ///     (−20…50 °C for `.stull2011`).
    ///   - relativeHumidity: RH, %, 0–100 (5–99 % for `.stull2011`).
    ///   - pressure: barometric pressure, kPa (ignored by `.stull2011`, which assumes 101.325).
    ///   - method: `.psychrometric` (ASHRAE 2017 eqs. 33/35, iterative) or `.stull2011` (fit).
    ///   - formula: saturation formula used by `.psychrometric`.
    /// - Returns: T_wb, °C, with T_dew ≤ T_wb ≤ T.
    /// - Throws: `ModelInputError` for out-of-range inputs, or `.noConvergence` when the
    ///   wet bulb would lie below the formula's temperature range.
    public static func wetBulbTemperature(
        temperature: Double,
        relativeHumidity: Double,
        pressure: Double = standardPressure,
        method: WetBulbMethod = .psychrometric,
        formula: SaturationFormula = .hylandWexler
    ) throws(ModelInputError) -> Double {
        switch method {
        case .stull2011:
            return try stullWetBulb(temperature: temperature, relativeHumidity: relativeHumidity)
        case .psychrometric:
            let e = try vapourPressure(relativeHumidity: relativeHumidity, temperature: temperature, formula: formula)
            let w = try humidityRatio(vapourPressure: e, pressure: pressure)
            return try psychrometricWetBulb(temperature: temperature, humidityRatio: w, pressure: pressure, formula: formula)
        }
    }

    /// Bisection on the psychrometer equation: the humidity ratio it implies rises
    /// monotonically with the trial wet bulb, so bracketing is robust where Newton on
    /// the branch switch at 0 °C would not be.
    private static func psychrometricWetBulb(
        temperature t: Double, humidityRatio w: Double, pressure p: Double, formula: SaturationFormula
    ) throws(ModelInputError) -> Double {
        func impliedHumidityRatio(_ tw: Double) throws(ModelInputError) -> Double {
            let es = try formula.saturationVapourPressure(temperature: tw)
            let wsStar = molarMassRatio * es / (p - es)
            if tw >= 0 {
                return ((2501 - 2.326 * tw) * wsStar - 1.006 * (t - tw)) / (2501 + 1.86 * t - 4.186 * tw)
            }
            return ((2830 - 0.24 * tw) * wsStar - 1.006 * (t - tw)) / (2830 + 1.86 * t - 2.1 * tw)
        }
        var lo = formula.validTemperatureRange.lowerBound
        var hi = t
        guard try impliedHumidityRatio(lo) <= w else {
            throw ModelInputError(
                code: .noConvergence, quantity: "wet-bulb temperature", value: t, unit: "°C",
                validRange: formula.validTemperatureRange,
                message: "wet-bulb temperature for T = \(t) °C, W = \(w) kg/kg lies below the \(formula.rawValue) formula's range")
        }
        while hi - lo > 1e-9 {
            let mid = 0.5 * (lo + hi)
            if try impliedHumidityRatio(mid) > w { hi = mid } else { lo = mid }
        }
        return 0.5 * (lo + hi)
    }

    private static func stullWetBulb(temperature: Double, relativeHumidity: Double) throws(ModelInputError) -> Double {
        let t = try ModelInputError.check(temperature, "air temperature (Stull 2011)", unit: "°C", in: -20...50)
        let rh = try ModelInputError.check(relativeHumidity, "relative humidity (Stull 2011)", unit: "%", in: 5...99)
        return t * atan(0.151977 * (rh + 8.313659).squareRoot())
            + atan(t + rh) - atan(rh - 1.676331)
            + 0.00391838 * pow(rh, 1.5) * atan(0.023101 * rh)
            - 4.686035
    }
}
