/// BOPTEST core KPIs computed from sampled series, with the semantics of `kpis/kpi_calculator.py`.
///
/// - `tdis`: ∫ max(0, T_low − T) dt + ∫ max(0, T − T_up) dt by the trapezoid rule over the
///   samples (numpy `trapezoid`), K·h; the band may change from sample to sample (day/night).
/// - `idis`: ∫ max(0, CO₂ − threshold) dt, trapezoid, ppm·h.
/// - `ener`: ∫ P dt / A, trapezoid, kWh m⁻².
/// - `pele`: the largest mean of the power samples falling in each 15-minute bin
///   [k/4, (k+1)/4) h (pandas `resample('15T').mean()`), divided by A, kW m⁻².
///
/// Times are simulation hours, non-decreasing. Excursions are integrated after clipping at
/// each sample, so a step in the signal contributes half a sample interval at its edge,
/// exactly as in BOPTEST's kpi_calculator.py (docs/model-reference.md §KPI check values, R6).
/// Per-zone averaging (÷ N_zones) is left to the caller. `ClimateKPIAccumulator` computes the same
/// numbers sample by sample during a run.
public enum ClimateKPI {
    /// Trapezoid integral of excursions below `lower` and above `upper`.
    ///
    /// - Parameters:
    ///   - timesHours: sample times, h, non-decreasing.
    ///   - values: the signal at each time.
    ///   - lower: lower band edge at each time (use −∞ for none).
    ///   - upper: upper band edge at each time (use +∞ for none).
    /// - Returns: the two excursion integrals, signal unit · h.
    /// - Throws: `.inconsistent` for arrays of different lengths or decreasing times.
    public static func bandViolation(timesHours: [Double], values: [Double], lower: [Double], upper: [Double])
        throws(ModelInputError) -> DiscomfortIntegral {
        try checkSeries(timesHours, values.count, lower.count, upper.count)
        var result = DiscomfortIntegral()
        guard timesHours.count > 1 else { return result }
        for i in 0..<(timesHours.count - 1) {
            let dt = timesHours[i + 1] - timesHours[i]
            let l0 = max(0, lower[i] - values[i]), l1 = max(0, lower[i + 1] - values[i + 1])
            let u0 = max(0, values[i] - upper[i]), u1 = max(0, values[i + 1] - upper[i + 1])
            result.belowLower += dt * (l0 + l1) / 2
            result.aboveUpper += dt * (u0 + u1) / 2
        }
        return result
    }

    /// BOPTEST thermal discomfort with a band that may vary per sample, K·h.
    public static func thermalDiscomfort(timesHours: [Double], temperatures: [Double], lower: [Double], upper: [Double])
        throws(ModelInputError) -> DiscomfortIntegral {
        try bandViolation(timesHours: timesHours, values: temperatures, lower: lower, upper: upper)
    }

    /// BOPTEST thermal discomfort with a constant band, K·h.
    public static func thermalDiscomfort(timesHours: [Double], temperatures: [Double], lower: Double, upper: Double)
        throws(ModelInputError) -> DiscomfortIntegral {
        let n = timesHours.count
        return try bandViolation(timesHours: timesHours, values: temperatures,
                                 lower: Array(repeating: lower, count: n), upper: Array(repeating: upper, count: n))
    }

    /// BOPTEST indoor-air-quality discomfort: CO₂ above a threshold, ppm·h.
    public static func co2Discomfort(timesHours: [Double], ppm: [Double], threshold: Double) throws(ModelInputError) -> Double {
        let n = timesHours.count
        return try bandViolation(timesHours: timesHours, values: ppm, lower: Array(repeating: -.infinity, count: n),
                                 upper: Array(repeating: threshold, count: n)).aboveUpper
    }

    /// Energy per floor area by the trapezoid rule, kWh m⁻².
    ///
    /// - Parameters:
    ///   - timesHours: h, non-decreasing.
    ///   - powerKW: kW at each time.
    ///   - floorArea: m², > 0.
    public static func energyPerArea(timesHours: [Double], powerKW: [Double], floorArea: Double)
        throws(ModelInputError) -> Double {
        try checkSeries(timesHours, powerKW.count)
        let area = try checkArea(floorArea)
        var e = 0.0
        if timesHours.count > 1 {
            for i in 0..<(timesHours.count - 1) {
                e += (timesHours[i + 1] - timesHours[i]) * (powerKW[i] + powerKW[i + 1]) / 2
            }
        }
        return e / area
    }

    /// Peak 15-minute mean power per floor area, kW m⁻² (0 for no samples).
    public static func peakPowerPerArea(timesHours: [Double], powerKW: [Double], floorArea: Double)
        throws(ModelInputError) -> Double {
        try checkSeries(timesHours, powerKW.count)
        let area = try checkArea(floorArea)
        var best = 0.0, sum = 0.0, count = 0, bin = Int.min
        for i in timesHours.indices {
            let k = Int((timesHours[i] * 4).rounded(.down))
            if k != bin {
                if count > 0 { best = max(best, sum / Double(count)) }
                bin = k
                sum = 0
                count = 0
            }
            sum += powerKW[i]
            count += 1
        }
        if count > 0 { best = max(best, sum / Double(count)) }
        return best / area
    }

    static func checkArea(_ a: Double) throws(ModelInputError) -> Double {
        let area = try ModelInputError.check(a, "floor area", unit: "m²", in: 0...1e7)
        guard area > 0 else {
            throw ModelInputError(code: .outOfRange, quantity: "floor area", value: area, unit: "m²", validRange: 0...1e7,
                                  message: "floor area must be above 0 m²")
        }
        return area
    }

    static func checkSeries(_ times: [Double], _ counts: Int...) throws(ModelInputError) {
        for c in counts where c != times.count {
            throw ModelInputError(code: .inconsistent, quantity: "series length", value: Double(c), unit: "samples",
                                  message: "a KPI series has \(c) values for \(times.count) times")
        }
        for i in times.indices {
            guard times[i].isFinite else {
                throw ModelInputError(code: .notFinite, quantity: "sample time", value: times[i], unit: "h")
            }
            if i > 0, times[i] < times[i - 1] {
                throw ModelInputError(code: .inconsistent, quantity: "sample time", value: times[i], unit: "h",
                                      message: "sample time \(times[i]) h is before the previous \(times[i - 1]) h")
            }
        }
    }
}
