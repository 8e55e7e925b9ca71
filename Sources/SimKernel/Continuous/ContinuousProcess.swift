/// Something whose continuous state the kernel advances between discrete events.
///
/// The kernel keeps these in the order they were attached and, before it runs the events
/// of a new time, asks each one in that order to catch up (docs/design.md, "Hybrid time").
/// Conformers are classes because the kernel, the models and the events all refer to the
/// same running state.
public protocol ContinuousProcess: AnyObject {
    /// Advances the state from its current time to `time`. The kernel calls this, in the
    /// order the components were attached, before it runs any event scheduled at `time`
    /// (so an event sees the state at its own time, and inputs it changes act from then on).
    func advance(to time: SimTime) throws
}
