/// Why the kernel resumed a process.
///
/// A process is an explicit state machine: its own state says what it was waiting
/// for, and the wake says how the wait ended — normally, or by an interrupt.
public enum Wake {
    /// The process was just started.
    case started
    /// A `hold(_:)` elapsed.
    case timeout
    /// A resource unit, container amount or store slot the process asked for is now its own.
    case granted
    /// An item the process asked a store for; cast it to the store's item type.
    case received(Any)
    /// A signal the process waited on triggered (conditions are signals too).
    case signalled(Signal)
    /// Another process called `activate()` on this passive process.
    case activated
    /// Another process interrupted the wait; what was waited for has been withdrawn.
    case interrupted(Interrupt)

    /// The kind of wake without its payload, for tracing.
    public var kind: Kind {
        switch self {
        case .started: .started
        case .timeout: .timeout
        case .granted: .granted
        case .received: .received
        case .signalled: .signalled
        case .activated: .activated
        case .interrupted: .interrupted
        }
    }

    /// Payload-free wake kinds.
    public enum Kind: UInt8, Sendable, CaseIterable {
        case started, timeout, granted, received, signalled, activated, interrupted
    }

    @usableFromInline var code: UInt64 { UInt64(kind.rawValue) }
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
