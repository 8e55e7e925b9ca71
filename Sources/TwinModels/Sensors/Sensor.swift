import Foundation
import SimKernel

/// A measuring channel that turns a true signal into what a controller would see, and keeps
/// the ground truth of its own faults.
///
/// Inputs: the true value (spec unit, finite) and the simulation time t (s, non-decreasing).
/// Output: a `SensorReading` whose value follows the error model of `SensorSpec`, or nil
/// during a dropout. Fault episodes (dropout, stuck, drift beyond threshold) are appended to
/// `faults` when they start and closed when they end.
///
/// Reproducibility: each new sample consumes exactly four uniforms from the sensor's own
/// `RandomStream`, always in the same order — noise, drift random walk, dropout chain, stuck
/// chain — whatever the state and whatever the parameters, so changing one error source does
/// not shift the draws of the others and two sensors on the same seed stay coupled (common
/// random numbers). Normal variates are the inverse-CDF of the uniform (Acklam's
/// approximation of Φ⁻¹, within 1.2e-9 of `Distribution.quantile`), so antithetic streams
/// mirror the noise. Held reads (sooner than
/// the sampling period) draw nothing. Reading never allocates; `faults` grows only when an
/// episode starts.
///
/// Fault processes, per new sample taken Δt seconds after the previous one:
/// - Dropout: a two-state Markov chain. A healthy channel starts a dropout with probability
///   p = `dropoutProbability`; a dropped channel recovers with probability q = 1/L,
///   L = `meanDropoutLength`, so episode lengths are geometric with mean L samples and the
///   long-run fraction of dropped samples is p/(p + q) = pL/(1 + pL) ≈ pL for pL ≪ 1
///   (`SensorSpec.expectedDropoutFraction`).
/// - Stuck: starts with probability 1 − exp(−rate·Δt/86 400) and ends with probability
///   1 − exp(−Δt/(3600·meanStuckHours)), i.e. a Poisson onset and an exponential duration
///   resolved on the sample grid. The frozen value is the last value delivered before the
///   episode (the current measurement if none was ever delivered). A dropout hides a stuck
///   channel (status `.dropout`) but the stuck episode continues underneath.
/// - Drift beyond threshold: open while |d(t)| > `driftFaultThreshold` (threshold > 0).
public struct Sensor: Sendable, Equatable {
    /// The error model.
    public let spec: SensorSpec
    /// The sensor's random stream, advanced four draws per sample.
    public private(set) var stream: RandomStream
    /// Ground-truth fault episodes in order of their start; open episodes have no end.
    public private(set) var faults: [SensorFaultRecord] = []
    /// Time of the last calibration, s: linear drift is counted from here.
    public private(set) var calibratedAtSeconds: Double
    /// The drift d(t) applied at the last sample, spec unit.
    public private(set) var drift = 0.0
    /// Samples taken (held reads excluded).
    public private(set) var sampleCount = 0
    /// Samples delivered as `.dropout`.
    public private(set) var dropoutSampleCount = 0
    /// Samples delivered as `.stuck`.
    public private(set) var stuckSampleCount = 0
    /// The last reading returned (held between samples); nil before the first read.
    public private(set) var lastReading: SensorReading?

    private var randomWalk = 0.0
    private var lastSampleSeconds = -Double.infinity
    private var lastDeliveredValue: Double?
    private var inDropout = false
    private var stuckValue: Double?
    private var openDropout: Int?
    private var openStuck: Int?
    private var openDrift: Int?
    // Per-step factors depend only on Δt, which is almost always the sampling period; caching
    // them keeps exp and sqrt off the per-sample path.
    private var cachedDt = -1.0
    private var walkScale = 0.0
    private var stuckStartProbability = 0.0
    private var stuckEndProbability = 0.0

    /// A sensor with error model `spec` drawing from `stream` (give every sensor its own
    /// named stream from `RandomStreams`), calibrated at `calibratedAtSeconds`.
    ///
    /// - Throws: `ModelInputError` if a parameter of `spec` is outside its range.
    public init(spec: SensorSpec, stream: RandomStream, calibratedAtSeconds: Double = 0) throws(ModelInputError) {
        try spec.validate()
        self.spec = spec
        self.stream = stream
        self.calibratedAtSeconds = try ModelInputError.check(
            calibratedAtSeconds, "\(spec.quantity) sensor calibration time", unit: "s",
            in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        faults.reserveCapacity(16)
    }

    /// Reads the sensor at time `t`.
    ///
    /// - Parameters:
    ///   - trueValue: the true value of the quantity, spec unit, finite.
    ///   - t: simulation time, s, finite and not earlier than the previous sample.
    /// - Returns: the held previous reading if less than `samplingPeriodSeconds` has passed
    ///   since the last sample, otherwise a new sample.
    /// - Throws: `ModelInputError` for a non-finite value or time, or a time earlier than the
    ///   previous sample.
    public mutating func read(trueValue: Double, atSeconds t: Double) throws(ModelInputError) -> SensorReading {
        guard trueValue.isFinite else {
            throw ModelInputError(code: .notFinite, quantity: "true \(spec.quantity)", value: trueValue, unit: spec.unit)
        }
        guard t.isFinite else {
            throw ModelInputError(code: .notFinite, quantity: "\(spec.quantity) sensor read time", value: t, unit: "s")
        }
        let hasSampled = sampleCount > 0
        if hasSampled {
            guard t >= lastSampleSeconds else {
                throw ModelInputError(
                    code: .outOfRange, quantity: "\(spec.quantity) sensor read time", value: t, unit: "s",
                    validRange: lastSampleSeconds...Double.greatestFiniteMagnitude)
            }
            // A relative tolerance so that t = k·period computed in floating point still samples.
            if let held = lastReading, t - lastSampleSeconds < spec.samplingPeriodSeconds * (1 - 1e-9) {
                return held
            }
        }
        let dt = hasSampled ? t - lastSampleSeconds : spec.samplingPeriodSeconds
        if dt != cachedDt { cacheStepFactors(dt) }
        lastSampleSeconds = t
        sampleCount += 1

        let uNoise = stream.uniformOpen()
        let uWalk = stream.uniformOpen()
        let uDropout = stream.uniform()
        let uStuck = stream.uniform()

        updateDrift(at: t, uWalk: uWalk)
        let measured = measure(trueValue, uNoise: uNoise)
        updateDropout(at: t, u: uDropout)
        updateStuck(at: t, u: uStuck, measured: measured)

        let reading: SensorReading
        if inDropout {
            reading = SensorReading(value: nil, status: .dropout)
            dropoutSampleCount += 1
        } else if let frozen = stuckValue {
            reading = SensorReading(value: frozen, status: .stuck)
            stuckSampleCount += 1
            lastDeliveredValue = frozen
        } else {
            reading = SensorReading(value: measured, status: .ok)
            lastDeliveredValue = measured
        }
        lastReading = reading
        return reading
    }

    /// Recalibrates at time `t`: drift restarts from zero, and an open drift fault closes.
    ///
    /// Bias is a property of the spec and is not touched (a scenario models a bad
    /// calibration by building a new sensor with another bias).
    public mutating func recalibrate(atSeconds t: Double) {
        calibratedAtSeconds = t
        randomWalk = 0
        drift = 0
        if let index = openDrift {
            faults[index].endSeconds = t
            openDrift = nil
        }
    }

    // MARK: Error sources

    private mutating func cacheStepFactors(_ dt: Double) {
        let step = max(dt, 0)
        cachedDt = dt
        walkScale = spec.driftRandomWalkSDPerDay * (step / 86_400).squareRoot()
        stuckStartProbability = -expm1(-spec.stuckRatePerDay * step / 86_400)
        stuckEndProbability = -expm1(-step / (3600 * spec.meanStuckHours))
    }

    private mutating func updateDrift(at t: Double, uWalk: Double) {
        if walkScale > 0 {
            randomWalk += walkScale * Self.standardNormal(uWalk)
        }
        drift = spec.driftPerDay * (t - calibratedAtSeconds) / 86_400 + randomWalk
        guard spec.driftFaultThreshold > 0 else { return }
        let beyond = abs(drift) > spec.driftFaultThreshold
        if beyond, openDrift == nil {
            openDrift = open(.driftBeyondThreshold, at: t)
        } else if !beyond, let index = openDrift {
            faults[index].endSeconds = t
            openDrift = nil
        }
    }

    private func measure(_ trueValue: Double, uNoise: Double) -> Double {
        var value = trueValue + spec.bias + drift
        let sd = spec.noiseSD + spec.relativeNoiseSD * abs(trueValue)
        if sd > 0 {
            value += sd * Self.standardNormal(uNoise)
        }
        if spec.resolution > 0 {
            value = (value / spec.resolution).rounded() * spec.resolution
        }
        return min(max(value, spec.validRange.lowerBound), spec.validRange.upperBound)
    }

    private mutating func updateDropout(at t: Double, u: Double) {
        if inDropout {
            if u < 1 / spec.meanDropoutLength {
                inDropout = false
                if let index = openDropout { faults[index].endSeconds = t }
                openDropout = nil
            }
        } else if u < spec.dropoutProbability {
            inDropout = true
            openDropout = open(.dropout, at: t)
        }
    }

    private mutating func updateStuck(at t: Double, u: Double, measured: Double) {
        if stuckValue != nil {
            if u < stuckEndProbability {
                stuckValue = nil
                if let index = openStuck { faults[index].endSeconds = t }
                openStuck = nil
            }
        } else if u < stuckStartProbability {
            stuckValue = lastDeliveredValue ?? measured
            openStuck = open(.stuck, at: t)
        }
    }

    private mutating func open(_ kind: SensorFaultRecord.Kind, at t: Double) -> Int {
        faults.append(SensorFaultRecord(kind: kind, startSeconds: t))
        return faults.count - 1
    }

    /// The standard normal quantile of `u` ∈ (0, 1) by Acklam's rational approximation
    /// (relative error below 1.2e-9, far under any sensor's noise), with the logarithm only in
    /// the outer 2.4 % tails: three sensors a room a minute make this the hottest call of a
    /// facility run, and GSL's general-purpose inverse costs several times more.
    @inline(__always) static func standardNormal(_ u: Double) -> Double {
        let low = 0.02425
        if u < low {
            let q = (-2 * log(u)).squareRoot()
            return Self.tail(q)
        }
        if u > 1 - low {
            let q = (-2 * log(1 - u)).squareRoot()
            return -Self.tail(q)
        }
        let q = u - 0.5, r = q * q
        let num = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
            + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        let den = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
            + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1
        return num / den
    }

    @inline(__always) private static func tail(_ q: Double) -> Double {
        let num = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
            - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00
        let den = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
            + 3.754408661907416e+00) * q + 1
        return num / den
    }
}
