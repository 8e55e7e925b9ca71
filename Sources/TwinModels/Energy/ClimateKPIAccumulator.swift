/// BOPTEST KPIs accumulated sample by sample during a run; equal to the `ClimateKPI` batch results.
///
/// Three independent channels, each fed in time order: zone temperature with its band (tdis),
/// CO₂ with its threshold (idis) and facility power (ener, pele). The arithmetic is the batch
/// functions' own, term by term and in the same order, so the results match them exactly.
/// Nothing allocates; reading a property never changes the state.
public struct ClimateKPIAccumulator: Sendable {
    /// Floor area the energy and peak KPIs are divided by, m².
    public let floorArea: Double

    /// Thermal discomfort so far, K·h.
    public private(set) var thermalDiscomfort = DiscomfortIntegral()
    /// CO₂ above threshold so far, ppm·h.
    public private(set) var co2Discomfort = 0.0
    /// Energy so far, kWh.
    public private(set) var energyKWh = 0.0

    private var lastTemperature: (t: Double, below: Double, above: Double)?
    private var lastCO2: (t: Double, above: Double)?
    private var lastPower: (t: Double, kW: Double)?
    private var peakBinMeanKW = 0.0
    private var bin = Int.min, binSum = 0.0, binCount = 0

    /// Creates an empty accumulator for a floor area, m² (> 0).
    public init(floorArea: Double) throws(ModelInputError) {
        self.floorArea = try ClimateKPI.checkArea(floorArea)
    }

    /// Adds a temperature sample with its comfort band.
    ///
    /// - Parameters: `atHours` h (non-decreasing per channel), `temperature`, `lower`, `upper` in °C.
    public mutating func addTemperature(atHours t: Double, temperature: Double, lower: Double, upper: Double)
        throws(ModelInputError) {
        let below = max(0, lower - temperature), above = max(0, temperature - upper)
        if let last = lastTemperature {
            let dt = try Self.step(from: last.t, to: t)
            thermalDiscomfort.belowLower += dt * (last.below + below) / 2
            thermalDiscomfort.aboveUpper += dt * (last.above + above) / 2
        }
        lastTemperature = (t, below, above)
    }

    /// Adds a CO₂ sample, ppm, with its upper threshold, ppm.
    public mutating func addCO2(atHours t: Double, ppm: Double, threshold: Double) throws(ModelInputError) {
        let above = max(0, ppm - threshold)
        if let last = lastCO2 {
            let dt = try Self.step(from: last.t, to: t)
            co2Discomfort += dt * (last.above + above) / 2
        }
        lastCO2 = (t, above)
    }

    /// Adds a facility power sample, kW.
    public mutating func addPower(atHours t: Double, kW: Double) throws(ModelInputError) {
        if let last = lastPower {
            let dt = try Self.step(from: last.t, to: t)
            energyKWh += dt * (last.kW + kW) / 2
        } else {
            _ = try Self.step(from: t, to: t)
        }
        lastPower = (t, kW)
        let k = Int((t * 4).rounded(.down))
        if k != bin {
            if binCount > 0 { peakBinMeanKW = max(peakBinMeanKW, binSum / Double(binCount)) }
            bin = k
            binSum = 0
            binCount = 0
        }
        binSum += kW
        binCount += 1
    }

    /// Energy per floor area so far, kWh m⁻² (BOPTEST `ener`).
    public var energyPerArea: Double { energyKWh / floorArea }

    /// Peak 15-minute mean power per floor area so far, kW m⁻² (BOPTEST `pele`),
    /// counting the bin still being filled.
    public var peakPowerPerArea: Double {
        let open = binCount > 0 ? binSum / Double(binCount) : 0
        return max(peakBinMeanKW, open) / floorArea
    }

    private static func step(from t0: Double, to t1: Double) throws(ModelInputError) -> Double {
        guard t1.isFinite else { throw ModelInputError(code: .notFinite, quantity: "sample time", value: t1, unit: "h") }
        guard t1 >= t0 else {
            throw ModelInputError(code: .inconsistent, quantity: "sample time", value: t1, unit: "h",
                                  message: "sample time \(t1) h is before the previous \(t0) h")
        }
        return t1 - t0
    }
}
