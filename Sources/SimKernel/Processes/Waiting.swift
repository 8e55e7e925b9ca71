/// What a process is doing between two resumes; drives interrupts and finishing.
///
/// A one-byte kind; the object waited on (resource, store, container, signal) is kept
/// in `SimProcess.waitTarget`, so the common timeout path copies no references.
@usableFromInline
enum Waiting: UInt8, CustomStringConvertible {
    case notStarted, starting, running, finished
    case timeout, resource, storeGet, storePut, containerTake, containerFill, signal, passive
    /// An interrupt is scheduled for this instant.
    case interruptPending

    @usableFromInline var description: String {
        switch self {
        case .notStarted: "not started"
        case .starting: "starting"
        case .running: "running"
        case .finished: "finished"
        case .timeout: "holding"
        case .resource: "requesting a resource unit"
        case .storeGet: "getting from a store"
        case .storePut: "putting into a store"
        case .containerTake: "taking from a container"
        case .containerFill: "filling a container"
        case .signal: "waiting for a signal"
        case .passive: "passive"
        case .interruptPending: "being interrupted"
        }
    }
}
