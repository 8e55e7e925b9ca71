/// How a ``ContinuousComponent`` integrates its state between events; a scenario setting.
///
/// Fixed-step RK4 is the default for the non-stiff room, crop and machine models
/// (docs/design.md, "Hybrid time"); the adaptive methods wrap GSL's `gsl_odeiv2_driver` for
/// models whose stiffness or accuracy demands it. Encoded with Swift's synthesized
/// `Codable` for enums, e.g. `{"rk4":{"step":{"ticks":1000000}}}`.
public enum Integrator: Sendable, Codable, Equatable {
    /// Classical fourth-order Runge–Kutta written in Swift, stepping `step` from the
    /// component's current time and taking one shorter step to land exactly on each target.
    /// `step` must be positive.
    case rk4(step: SimTime)

    /// A GSL adaptive method with the standard error control on y: a step is accepted when
    /// its estimated local error in every component i is at most
    /// `absoluteTolerance + relativeTolerance * |y_i|`.
    ///
    /// - Parameters:
    ///   - method: the GSL stepper.
    ///   - absoluteTolerance: in the units of y, ≥ 0.
    ///   - relativeTolerance: dimensionless, ≥ 0; at least one of the two must be positive.
    ///   - initialStep: the first trial step, positive; later steps adapt.
    ///
    /// Each `advance(to:)` restarts the stepper (an event may have made an input or the state
    /// jump, which invalidates multistep history) but keeps the last adapted step size, and
    /// lands exactly on the target. A span may take at most
    /// ``ContinuousComponent/maximumStepsPerAdvance`` steps.
    case adaptive(method: AdaptiveMethod, absoluteTolerance: Double, relativeTolerance: Double,
                  initialStep: SimTime)

    /// The GSL steppers offered for ``Integrator/adaptive(method:absoluteTolerance:relativeTolerance:initialStep:)``.
    public enum AdaptiveMethod: String, Sendable, Codable, Equatable, CaseIterable {
        /// Runge–Kutta–Fehlberg 4(5): the general-purpose explicit choice.
        case rkf45
        /// Runge–Kutta Cash–Karp 4(5): explicit, often slightly more efficient than rkf45.
        case rkck
        /// Runge–Kutta Prince–Dormand 8(9): explicit, for smooth problems at tight tolerances.
        case rk8pd
        /// Variable-order BDF (orders 1–5): implicit, for stiff systems. Uses the Jacobian.
        case msbdf
    }
}
