/// Receives the kernel's trace: every event fired and every process started or finished.
///
/// Recorders and tracers implement this; all methods have empty defaults, so an
/// observer implements only what it needs. Observers run synchronously on the
/// simulation's thread, in the order they were added, and must not schedule events
/// (they watch; models act). With no observers the kernel pays one branch per event.
public protocol SimulationObserver: AnyObject {
    func simulation(_ simulation: Simulation, willFire event: EventInfo)
    func simulation(_ simulation: Simulation, started process: SimProcess)
    func simulation(_ simulation: Simulation, finished process: SimProcess)
}

extension SimulationObserver {
    public func simulation(_ simulation: Simulation, willFire event: EventInfo) {}
    public func simulation(_ simulation: Simulation, started process: SimProcess) {}
    public func simulation(_ simulation: Simulation, finished process: SimProcess) {}
}

/// One fired event as observers see it.
public struct EventInfo: Sendable, CustomStringConvertible {
    /// Who handles the event.
    public enum Target: Sendable, Equatable {
        case process(id: Int, name: String, wake: Wake)
        case action(label: String)
    }

    public let time: SimTime
    /// The sequence number taken when the event was scheduled (unique within a run).
    public let sequence: UInt64
    public let priority: EventPriority
    public let target: Target

    public var description: String {
        switch target {
        case let .process(id, name, wake): "\(time) #\(sequence) process \(id) '\(name)' \(wake)"
        case let .action(label): "\(time) #\(sequence) action '\(label)'"
        }
    }
}

/// Collects a readable line per event; for debugging and golden-trace tests.
public final class TraceLog: SimulationObserver {
    public private(set) var lines: [String] = []
    /// Stop collecting after this many lines, so a long run cannot exhaust memory.
    public let limit: Int

    public init(limit: Int = 100_000) { self.limit = limit }

    public func simulation(_ simulation: Simulation, willFire event: EventInfo) {
        if lines.count < limit { lines.append(event.description) }
    }
}
