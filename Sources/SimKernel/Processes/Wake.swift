/// Why the kernel resumed a process.
///
/// A process is an explicit state machine: its own state says what it was waiting
/// for, and the wake says how the wait ended — normally, or by an interrupt. Payloads
/// (a store item, the signal, the interrupt) are read from the process during the
/// resume (`received(from:)`, `triggeredSignal`, `interruption`), which keeps the wake a
/// one-byte value: copying an enum with payloads cost ~50 instructions per event.
public enum Wake: UInt8, Sendable, CaseIterable {
    /// The process was just started.
    case started
    /// A `hold(_:)` elapsed.
    case timeout
    /// A resource unit, container amount or store slot the process asked for is now its own.
    case granted
    /// A store delivered an item; take it with `received(from: store)`.
    case received
    /// A signal the process waited on triggered (conditions are signals too); see `triggeredSignal`.
    case signalled
    /// Another process called `activate()` on this passive process.
    case activated
    /// Another process interrupted the wait, which has been withdrawn; see `interruption`.
    case interrupted
}

/// An interruption delivered to a process, with its cause.
public struct Interrupt {
    /// Why a process was interrupted.
    public enum Cause {
        /// A higher-priority request took the resource unit this process held.
        case preempted(by: SimProcess, resource: Resource, heldSince: SimTime)
        /// A model-defined reason (e.g. "breakdown", "shift end") with an optional payload.
        case custom(String, payload: Any? = nil)
    }

    public let cause: Cause
    /// When the interrupt was issued.
    public let time: SimTime
}
