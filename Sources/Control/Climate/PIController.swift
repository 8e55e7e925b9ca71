import TwinModels

/// A discrete proportional–integral controller with output limits and anti-windup.
///
/// Parallel form u = kp·e + I, with the integral term I held in output units and advanced by
/// forward Euler, I ← I + ki·e·dt (Åström & Hägglund, *Advanced PID Control*, ISA 2006,
/// the chapter on PID control and integrator windup). The output is clamped to [outputMin, outputMax]. The caller chooses the sign
/// convention: pass e = setpoint − measurement for a direct-acting loop (heating, CO₂ dosing)
/// and e = measurement − setpoint for a reverse-acting one (cooling).
///
/// Anti-windup (why: an actuator at its limit cannot follow the integral, and an integral that
/// keeps growing takes as long to unwind as it took to build, so the loop overshoots badly
/// after a long saturation such as lights-on):
/// - `.conditionalIntegration` (the default; "clamping"): the integral is not advanced in a
///   step where the unclamped output is beyond a limit and the error would push it further
///   out. The integral therefore stops where it is when the actuator saturates and the loop
///   comes off the limit as soon as the error changes sign.
/// - `.backCalculation(trackingTimeSeconds: Tt)`: the integral is pulled towards the value
///   that would just saturate the output, I ← I + (ki·e + (u_sat − u)/Tt)·dt, with the
///   correction factor dt/Tt capped at 1 so a long step never overshoots the limit.
///   Åström & Hägglund recommend Tt between Ti/10 and Ti for PI (Ti = kp/ki).
///
/// Inputs: error (the caller's unit), dt in seconds (> 0). Output: actuator command in
/// [outputMin, outputMax]. A non-finite error or a dt ≤ 0 (or non-finite) does not advance
/// the integral and returns the previous output, so bad data cannot turn the command into NaN.
/// No allocation.
public struct PIController: Sendable, Equatable {
    /// How the integral is kept from winding up while the output is saturated.
    public enum AntiWindup: Sendable, Equatable {
        /// Freeze the integral while saturated in the direction the error pushes.
        case conditionalIntegration
        /// Bleed the integral towards the saturating value with tracking time Tt, s (> 0).
        case backCalculation(trackingTimeSeconds: Double)
    }

    /// Proportional gain, output units per error unit, ≥ 0.
    public let kp: Double
    /// Integral gain, output units per (error unit · s), ≥ 0 (ki = kp/Ti).
    public let ki: Double
    /// Lowest output.
    public let outputMin: Double
    /// Highest output (> outputMin).
    public let outputMax: Double
    /// The anti-windup scheme.
    public let antiWindup: AntiWindup

    /// The integral term I, output units.
    public private(set) var integral: Double
    /// The last (clamped) output.
    public private(set) var output: Double

    /// Creates a controller at rest (I = `initialIntegral`, output clamped from it).
    ///
    /// - Parameters:
    ///   - kp: proportional gain, ≥ 0.
    ///   - ki: integral gain per second, ≥ 0.
    ///   - outputMin: lower output limit (finite).
    ///   - outputMax: upper output limit (finite, > outputMin).
    ///   - antiWindup: `.conditionalIntegration` by default.
    ///   - initialIntegral: starting integral, output units (bumpless start from a known command).
    /// - Throws: `ModelInputError` for a gain, limit or tracking time outside its range.
    public init(
        kp: Double, ki: Double, outputMin: Double = 0, outputMax: Double = 1,
        antiWindup: AntiWindup = .conditionalIntegration, initialIntegral: Double = 0
    ) throws(ModelInputError) {
        let big = Double.greatestFiniteMagnitude
        self.kp = try ModelInputError.check(kp, "PI proportional gain kp", unit: "output/error", in: 0...big)
        self.ki = try ModelInputError.check(ki, "PI integral gain ki", unit: "output/(error·s)", in: 0...big)
        self.outputMin = try ModelInputError.check(outputMin, "PI output minimum", unit: "output", in: -big...big)
        self.outputMax = try ModelInputError.check(
            outputMax, "PI output maximum", unit: "output", in: outputMin.nextUp...Swift.max(big, outputMin.nextUp))
        if case let .backCalculation(tt) = antiWindup {
            _ = try ModelInputError.check(tt, "PI tracking time", unit: "s", in: Double.leastNormalMagnitude...big)
        }
        self.antiWindup = antiWindup
        let start = try ModelInputError.check(initialIntegral, "PI initial integral", unit: "output", in: -big...big)
        integral = start
        output = Swift.min(Swift.max(start, outputMin), outputMax)
    }

    /// Advances the controller by one step.
    ///
    /// - Parameters:
    ///   - error: control error e in the caller's sign convention.
    ///   - dt: time since the previous update, s, > 0.
    /// - Returns: the clamped output.
    public mutating func update(error: Double, dt: Double) -> Double {
        guard error.isFinite, dt.isFinite, dt > 0 else { return output }
        let proportional = kp * error
        switch antiWindup {
        case .conditionalIntegration:
            let candidate = integral + ki * error * dt
            let unclamped = proportional + candidate
            let pushesHigh = unclamped > outputMax && error > 0
            let pushesLow = unclamped < outputMin && error < 0
            if !(pushesHigh || pushesLow) {
                integral = candidate
            }
            output = clamp(proportional + integral)
        case let .backCalculation(tt):
            let unclamped = proportional + integral
            let saturated = clamp(unclamped)
            integral += ki * error * dt + (saturated - unclamped) * Swift.min(dt / tt, 1)
            output = clamp(proportional + integral)
        }
        return output
    }

    /// Returns to rest: integral `integral` (default 0) and the output it implies.
    public mutating func reset(integral newIntegral: Double = 0) {
        integral = newIntegral.isFinite ? newIntegral : 0
        output = clamp(integral)
    }

    @inline(__always) private func clamp(_ value: Double) -> Double {
        Swift.min(Swift.max(value, outputMin), outputMax)
    }
}
