import Foundation

/// A machine twin: thermal state, bearing wear, insulation ageing and electrical stress
/// advanced over time spans under given operating conditions, with signals, hazard, failure
/// and remaining-useful-life ground truth. A pure value type: no clock, no I/O, no randomness
/// after the thresholds are drawn.
///
/// Inputs per span (`advance`): duration Δt (s, ≥ 0) and `OperatingConditions` (load 0…2 ×
/// rated, ambient −40…60 °C, cooling factor 0…1, bearing wear multiplier), held constant over
/// the span. Outputs: `signals` (power kW, frame temperature °C, vibration mm/s RMS, runtime h,
/// health 0–100, status, ISO 10816 zone), `hazardRate(under:)` (1/h), `remainingUsefulLife(under:)`
/// (h) and `groundTruth(under:)`.
///
/// Dynamics over a span (exact or near-exact for any Δt, so the caller may step per minute
/// or jump from event to event):
/// - Hot spot: closed-form first-order step T₁ = T_ss + (T₀ − T_ss)·e^(−Δt/τ) with T_ss and τ
///   from `MachineParameters` (losses, thermal resistance, cooling).
/// - Bearing: Palmgren–Miner damage d_b += Δt/L10h(load), L10h(load) = L10h·(1/ℓ)^p
///   (ISO 281), times the wear multiplier.
/// - Insulation: d_i += ∫ 2^((T − T_class)/10) dt / L_ref (Montsinger 10-K rule, IEC 60085
///   class limit) along the exponential temperature path: per short span the logarithmic mean
///   of the end rates with a bend correction (relative error < 1e-6 over a cold start), per
///   long span the exact transient excess (`InsulationAgeingPath`).
/// - Electrical: d_e += Δt·((L − 1)/0.5)^n / L_e for L > 1 (inverse-power overload law).
///
/// Failure ("earned" failure): each mode m has a Weibull life in its damage, cumulative hazard
/// H_m = (d_m/η_m)^β_m (`WeibullLife`), and fails when H_m reaches the drawn threshold
/// E_m = −ln U_m, i.e. when d_m reaches D_m = η_m·E_m^(1/β_m). The wear fraction
/// w_m = d_m/D_m is the share of the individual life consumed: this is a random-effects
/// degradation model (Lu & Meeker, Technometrics 35(2), 1993) whose induced life distribution
/// is exactly the Weibull. Because D_m is known, the failure time inside a span is found
/// exactly (linear rates; the ageing path for insulation) and `advance` returns it.
///
/// Signals: vibration grows exponentially with the bearing wear (Gebraeel 2006;
/// docs/model-reference.md §Failure and wear), calibrated to leave ISO zone B at the fault onset
/// fraction f_on and to be in zone D at failure (`vibration`). Power draw P = L·P_rated +
/// P_loss(L) + k_f·P_rated·w_b² (extra bearing friction lowers efficiency; its heat goes to
/// the bearing housing and is left out of the winding balance). Frame temperature
/// T_amb + f_h·(T − T_amb).
///
/// On the kernel: give each machine its own named stream and draw its thresholds once
/// (`FailureThresholds.draw(from:)`); advance the machine to `now` before every event that
/// reads or changes it. Either step it on the sampling grid and act on the failure `advance`
/// returns, or schedule the failure event at now + `remainingUsefulLife(under:)` and
/// reschedule it whenever the conditions or the status change. Repairs draw the new part's
/// threshold from the same stream (`repair(_:stream:)`).
///
/// Cost: a step under unchanged conditions with the winding at steady temperature costs a
/// few multiplications; during a thermal transient one `exp2`. Nothing allocates (about
/// 15–25 ns per step in a release build, so 50 machines × 1 year of 1-minute steps take
/// 0.2–0.4 s on one core).
public struct MachineModel: Sendable, Equatable {
    /// The machine's parameters.
    public let parameters: MachineParameters
    /// The dynamic state.
    public private(set) var state: MachineState
    /// The conditions of the last span (the ambient and load the signals refer to).
    public private(set) var conditions: OperatingConditions
    /// Individual bearing damage at failure D_b = η_b·E_b^(1/β_b), L10 lives.
    public private(set) var bearingDamageAtFailure: Double
    /// Individual insulation ageing at failure, reference lives.
    public private(set) var insulationAgeingAtFailure: Double
    /// Individual electrical damage at failure, electrical reference lives.
    public private(set) var electricalDamageAtFailure: Double

    private var point: MachineOperatingPoint
    // Damage at which each mode's onset is due; +∞ once recorded, so the step compares one
    // number per mode.
    private var bearingOnsetDamage = Double.infinity
    private var insulationOnsetDamage = Double.infinity
    private var electricalOnsetDamage = Double.infinity
    /// Set when the status, the failure or the conditions change; the point is rebuilt lazily.
    private var pointStale = false
    /// Insulation ageing rate at the current hot spot (the left end of the next span).
    private var ageingRateNow: Double
    private var cachedStep = -1.0
    private var cachedStepTimeConstant = -1.0
    private var stepDecay = 0.0
    private var stepBend = 0.0

    /// A machine at model time `startSeconds`, at rest at `ambientTemperature` (°C, −40…60),
    /// with bearings that have already used `initialBearingWear` (0…0.99) of their life.
    ///
    /// - Throws: `ModelInputError` for invalid parameters, thresholds or initial values.
    public init(
        parameters: MachineParameters,
        thresholds: FailureThresholds,
        startSeconds: Double = 0,
        ambientTemperature: Double = 25,
        initialBearingWear: Double = 0,
        status: MachineStatus = .online
    ) throws(ModelInputError) {
        try parameters.validate()
        for mode in FailureMode.allCases { _ = try FailureThresholds.check(thresholds[mode], mode) }
        _ = try ModelInputError.check(startSeconds, "machine start time", unit: "s", in: -1e15...1e15)
        _ = try ModelInputError.check(initialBearingWear, "initial bearing wear", unit: "1", in: 0...0.99)
        let idle = try OperatingConditions(load: 0, ambientTemperature: ambientTemperature)
        self.parameters = parameters
        state = MachineState(
            clockSeconds: startSeconds, hotSpotTemperature: ambientTemperature, status: status, thresholds: thresholds)
        conditions = idle
        point = MachineOperatingPoint(parameters: parameters, conditions: idle, running: false)
        bearingDamageAtFailure = parameters.bearingLife.damageAtFailure(threshold: thresholds.bearing)
        insulationAgeingAtFailure = parameters.insulationLife.damageAtFailure(threshold: thresholds.insulation)
        electricalDamageAtFailure = parameters.electricalLife.damageAtFailure(threshold: thresholds.electrical)
        ageingRateNow = point.steadyAgeingRate
        state.bearingDamage = initialBearingWear * bearingDamageAtFailure
        if initialBearingWear >= parameters.faultOnsetFraction { state.onsets.bearing = startSeconds }
        refreshOnsetDamages()
    }

    /// The status; only `.online` lets the machine run.
    public var status: MachineStatus {
        get { state.status }
        set {
            state.status = newValue
            pointStale = true
        }
    }

    /// Advances the machine by `seconds` under `conditions`.
    ///
    /// - Parameters:
    ///   - seconds: span length, s (0…1e10).
    ///   - conditions: held constant over the span.
    /// - Returns: the failure if one happened inside the span (the machine then stays stopped
    ///   for the rest of the span and afterwards, until repaired); nil otherwise.
    /// - Throws: `ModelInputError` for a negative or non-finite span or invalid conditions.
    @discardableResult
    public mutating func advance(seconds: Double, under conditions: OperatingConditions) throws(ModelInputError) -> MachineFailure? {
        guard seconds.isFinite, seconds >= 0, seconds <= 1e10 else {
            throw ModelInputError(code: seconds.isFinite ? .outOfRange : .notFinite, quantity: "machine time step",
                                  value: seconds, unit: "s", validRange: 0...1e10)
        }
        if !conditions.matches(self.conditions) {
            try conditions.validate()
            self.conditions = conditions
            pointStale = true
        }
        if pointStale { selectPoint() }
        guard seconds > 0 else { return nil }
        let increments = increments(over: seconds)
        if state.failure == nil,
           state.bearingDamage + increments.bearing >= bearingDamageAtFailure
            || state.insulationAgeing + increments.insulation >= insulationAgeingAtFailure
            || state.electricalDamage + increments.electrical >= electricalDamageAtFailure,
           let (mode, at) = firstCrossing(increments, over: seconds) {
            if at > 0 { commit(self.increments(over: at), over: at) }
            state[damage: mode] = damageAtFailure(mode)
            let failure = MachineFailure(mode: mode, timeSeconds: state.clockSeconds)
            state.failure = failure
            if state.onsets[mode] == nil { state.onsets[mode] = failure.timeSeconds }
            refreshOnsetDamages()
            selectPoint()
            let rest = seconds - at
            if rest > 0 { commit(self.increments(over: rest), over: rest) }
            return failure
        }
        commit(increments, over: seconds)
        return nil
    }

    /// The operating point of running under `conditions` (load > 0 counts as running,
    /// whatever the status); the cached one when it matches.
    func operatingPoint(for conditions: OperatingConditions) -> MachineOperatingPoint {
        let running = conditions.load > 0
        if !pointStale, running == point.running, conditions.matches(self.conditions) { return point }
        return MachineOperatingPoint(parameters: parameters, conditions: conditions, running: running)
    }

    /// Fits a new part for `mode`: new threshold, damage 0, onset cleared, and the failure
    /// cleared if it was this mode's.
    mutating func renewPart(_ mode: FailureMode, threshold: Double) {
        pointStale = true
        state[damage: mode] = 0
        state.onsets[mode] = nil
        if state.failure?.mode == mode { state.failure = nil }
        state.thresholds[mode] = threshold
        switch mode {
        case .bearing: bearingDamageAtFailure = parameters.bearingLife.damageAtFailure(threshold: threshold)
        case .insulation: insulationAgeingAtFailure = parameters.insulationLife.damageAtFailure(threshold: threshold)
        case .electrical: electricalDamageAtFailure = parameters.electricalLife.damageAtFailure(threshold: threshold)
        }
        refreshOnsetDamages()
    }

    private mutating func refreshOnsetDamages() {
        let f = parameters.faultOnsetFraction
        bearingOnsetDamage = state.onsets.bearing == nil ? f * bearingDamageAtFailure : .infinity
        insulationOnsetDamage = state.onsets.insulation == nil ? f * insulationAgeingAtFailure : .infinity
        electricalOnsetDamage = state.onsets.electrical == nil ? f * electricalDamageAtFailure : .infinity
    }

    // MARK: - Stepping

    private struct Increments {
        var temperature: Double
        var rateAtEnd: Double
        var bearing: Double
        var insulation: Double
        var electrical: Double
        /// Insulation ageing came from one short span or the steady rate, so linear
        /// interpolation inside the span is accurate.
        var insulationLinear: Bool
    }

    @inline(__always)
    private mutating func selectPoint() {
        point = MachineOperatingPoint(parameters: parameters, conditions: conditions, running: isRunning(under: conditions))
        pointStale = false
    }

    @inline(__always)
    private mutating func increments(over dt: Double) -> Increments {
        let t0 = state.hotSpotTemperature
        let gap = t0 - point.steadyTemperature
        var result = Increments(
            temperature: point.steadyTemperature, rateAtEnd: point.steadyAgeingRate, bearing: point.bearingRate * dt,
            insulation: point.steadyAgeingRate * dt, electrical: point.electricalRate * dt, insulationLinear: true)
        if abs(gap) <= InsulationAgeingPath.settledGap { return result }
        if dt <= point.timeConstant / 16 {
            if dt != cachedStep || point.timeConstant != cachedStepTimeConstant {
                cachedStep = dt
                cachedStepTimeConstant = point.timeConstant
                stepDecay = exp(-dt / point.timeConstant)
                let chord = 1 - stepDecay.squareRoot()
                stepBend = -0.5 * chord * chord
            }
            result.temperature = point.steadyTemperature + gap * stepDecay
            let r1 = point.ageingRate(at: result.temperature)
            result.rateAtEnd = r1
            // Logarithmic mean of the end rates, exact if T were linear over the span
            // (ln(r₁/r₀) = k·ΔT needs no logarithm), times a first-order correction for the
            // bend of the exponential path: mid-span T sits gap·bend below the chord, and a
            // parabolic deviation adds 2/3 of its midpoint value to the mean exponent.
            let logRatio = InsulationAgeingPath.k * (result.temperature - t0)
            let mean = abs(logRatio) > 1e-6
                ? (r1 - ageingRateNow) / logRatio
                : 0.5 * (ageingRateNow + r1)
            result.insulation = dt * mean * (1 + (2.0 / 3.0) * InsulationAgeingPath.k * gap * stepBend)
        } else {
            result.temperature = point.steadyTemperature + gap * exp(-dt / point.timeConstant)
            result.rateAtEnd = point.ageingRate(at: result.temperature)
            result.insulation = point.ageingPath(from: t0).ageing(after: dt)
            result.insulationLinear = false
        }
        if abs(result.temperature - point.steadyTemperature) <= InsulationAgeingPath.settledGap {
            result.temperature = point.steadyTemperature
            result.rateAtEnd = point.steadyAgeingRate
        }
        return result
    }

    /// Time into the span at which `increment` (over `dt`) brings `mode` from `current` to
    /// `target`, or nil if it does not.
    private func crossing(_ mode: FailureMode, from current: Double, to target: Double,
                          _ inc: Increments, over dt: Double) -> Double? {
        let increment: Double
        switch mode {
        case .bearing: increment = inc.bearing
        case .insulation: increment = inc.insulation
        case .electrical: increment = inc.electrical
        }
        let needed = target - current
        if needed <= 0 { return 0 }
        guard increment >= needed else { return nil }
        if mode != .insulation || inc.insulationLinear { return min(dt, dt * needed / increment) }
        return min(dt, point.ageingPath(from: state.hotSpotTemperature).time(toAge: needed))
    }

    private func firstCrossing(_ inc: Increments, over dt: Double) -> (FailureMode, Double)? {
        // Explicit modes rather than `allCases`, which builds an array on every call.
        var best: (FailureMode, Double)?
        if let t = crossing(.bearing, from: state.bearingDamage, to: bearingDamageAtFailure, inc, over: dt) {
            best = (.bearing, t)
        }
        if let t = crossing(.insulation, from: state.insulationAgeing, to: insulationAgeingAtFailure, inc, over: dt),
           t < (best?.1 ?? .infinity) {
            best = (.insulation, t)
        }
        if let t = crossing(.electrical, from: state.electricalDamage, to: electricalDamageAtFailure, inc, over: dt),
           t < (best?.1 ?? .infinity) {
            best = (.electrical, t)
        }
        return best
    }

    @inline(__always)
    private mutating func commit(_ inc: Increments, over dt: Double) {
        if state.bearingDamage + inc.bearing >= bearingOnsetDamage,
           let t = crossing(.bearing, from: state.bearingDamage, to: bearingOnsetDamage, inc, over: dt) {
            state.onsets.bearing = state.clockSeconds + t
            bearingOnsetDamage = .infinity
        }
        if state.insulationAgeing + inc.insulation >= insulationOnsetDamage,
           let t = crossing(.insulation, from: state.insulationAgeing, to: insulationOnsetDamage, inc, over: dt) {
            state.onsets.insulation = state.clockSeconds + t
            insulationOnsetDamage = .infinity
        }
        if state.electricalDamage + inc.electrical >= electricalOnsetDamage,
           let t = crossing(.electrical, from: state.electricalDamage, to: electricalOnsetDamage, inc, over: dt) {
            state.onsets.electrical = state.clockSeconds + t
            electricalOnsetDamage = .infinity
        }
        state.bearingDamage = min(state.bearingDamage + inc.bearing, max(state.bearingDamage, bearingDamageAtFailure))
        state.insulationAgeing += inc.insulation
        state.electricalDamage = min(state.electricalDamage + inc.electrical, max(state.electricalDamage, electricalDamageAtFailure))
        state.hotSpotTemperature = inc.temperature
        ageingRateNow = inc.rateAtEnd
        if point.running { state.runtimeSeconds += dt }
        state.clockSeconds += dt
    }
}
