/// Anything that can tell the outdoor conditions at a simulation time.
///
/// Implementations are queried every integration step for every room, so `sample(atHours:)`
/// must be cheap, must not allocate and must be a pure function of t (the same t always gives
/// the same sample, whatever was asked before), which keeps runs deterministic.
public protocol WeatherSource: Sendable {
    /// Outdoor conditions at simulation time t.
    ///
    /// - Parameter t: simulation hours since the run start, ≥ 0.
    func sample(atHours t: Double) -> WeatherSample
}
