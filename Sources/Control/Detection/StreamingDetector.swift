/// A one-pass anomaly or change detector over a scalar stream.
///
/// Conforming types are value types with O(1) memory per sample (or O(window)), fed one
/// sample at a time in simulated-time order; they hold no clock and no randomness, so
/// the same stream always gives the same outputs (docs/design.md, determinism contract).
/// A detector keeps signalling after an alarm until `reset()` is called — the caller
/// (a rule, an agent) decides whether an alarm means "restart monitoring".
public protocol StreamingDetector: Sendable {
    /// Feeds the next sample and returns the detector's verdict for it.
    ///
    /// - Parameter x: the sample, in the monitored signal's unit. Non-finite samples
    ///   are not absorbed: they return `DetectorOutput.invalidSample` and leave the state alone.
    mutating func update(_ x: Double) -> DetectorOutput

    /// Returns the detector to its freshly initialised state (including any warm-up).
    mutating func reset()
}
