/// The right-hand side of a system of ordinary differential equations, dy/dt = f(t, y).
///
/// A protocol rather than a struct of closures, for two reasons. The hot path: every RK4
/// step makes four calls, and a protocol call on a class-bound existential is one
/// witness-table dispatch with no closure context to retain or release. The model's shape:
/// a physical model already is an object with parameters and inputs; it conforms directly
/// and reads those inputs as stored properties. The protocol is class-bound so that an event
/// which changes an input (a heater switched on, a conductance changed) changes the very
/// instance the integrator reads; a value type copied into a component would silently
/// freeze its inputs.
///
/// Implementations must be pure functions of `t`, `y` and the object's own inputs: the
/// integrators evaluate them at trial points, in an order that is deterministic but not
/// otherwise meaningful, and adaptive methods evaluate rejected steps too. Read the state
/// from `y` only, never from the owning ``ContinuousComponent`` (whose storage is being
/// written while the integrator runs).
public protocol ODESystem: AnyObject {
    /// The number of state variables; constant for the life of the system.
    var dimension: Int { get }

    /// Writes f(t, y) into `dydt`.
    ///
    /// - Parameters:
    ///   - t: simulation time in seconds since the start of the run.
    ///   - y: the state, `dimension` values in the model's own units.
    ///   - dydt: receives the time derivatives, `dimension` values in units of y per second.
    ///     Must be written in full; it holds stale values on entry.
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>)

    /// Writes the Jacobian ∂f/∂y and the explicit time derivative ∂f/∂t, if the model can.
    ///
    /// Only implicit methods (``Integrator/AdaptiveMethod/msbdf``) call this. The default
    /// returns `false`, and the integrator then uses forward differences of ``derivatives(t:y:dydt:)``,
    /// which costs `dimension + 2` extra evaluations per Jacobian.
    ///
    /// - Parameters:
    ///   - t: simulation time in seconds.
    ///   - y: the state, `dimension` values.
    ///   - dfdy: receives ∂f_i/∂y_j at index `i * dimension + j` (row-major), units of f_i per unit of y_j.
    ///   - dfdt: receives ∂f_i/∂t, `dimension` values, units of f_i per second.
    /// - Returns: `true` if both outputs were written, `false` to ask for finite differences.
    func jacobian(t: Double, y: UnsafeBufferPointer<Double>,
                  dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>) -> Bool
}

extension ODESystem {
    /// No analytic Jacobian: the integrator falls back to finite differences.
    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>,
                        dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>) -> Bool {
        false
    }
}
