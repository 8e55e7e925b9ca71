/// A simulated activity written as an explicit state machine.
///
/// Subclass and override `resume(_:)`. The kernel calls it once when the process
/// starts and again each time what it waits for happens. Inside `resume` the process
/// does its work and then starts exactly one wait — `hold`, `request`, `get`, `put`,
/// `take`, `fill`, `wait`, `waitAll`, `waitAny` or `passivate` — or returns without
/// one, which finishes it. A machine's life reads like its description:
///
/// ```swift
/// final class Machine: SimProcess {
///     enum Phase { case running, awaitingTechnician, inRepair }
///     var phase = Phase.running
///     override func resume(_ wake: Wake) throws {
///         switch phase {
///         case .running:            phase = .awaitingTechnician; request(technicians)
///         case .awaitingTechnician: phase = .inRepair; hold(repairTime())
///         case .inRepair:           release(technicians); phase = .running; hold(timeToFailure())
///         }
///     }
/// }
/// ```
///
/// State machines, not Swift `async` tasks: a resume is one direct call with no
/// allocation, and order is decided by the event list alone (see docs/kernel.md for
/// the benchmark behind this choice, after OMNeT++'s `handleMessage`).
open class SimProcess {
    /// A readable name for traces and error messages.
    public let name: String
    /// A number unique within the simulation, assigned in start order (1, 2, ...).
    public internal(set) var id: Int = 0
    /// What the process returns to processes joined on it (see `completion`).
    public var result: Any?

    // The simulation owns its live processes; a process must not outlive it. Unowned
    // and unchecked because every event touches it and a strong reference would cycle.
    @usableFromInline unowned(unsafe) var simulationRef: Simulation?
    @usableFromInline var slot: UInt32 = 0
    @usableFromInline var armedKey: UInt64 = 0
    @usableFromInline var pendingWake: Wake = .started
    @usableFromInline var waiting: Waiting = .notStarted
    var completionSignal: Signal?

    public init(name: String) {
        self.name = name
    }

    /// Called by the kernel; override it with the process's behaviour.
    open func resume(_ wake: Wake) throws {}

    /// The simulation this process runs in (valid once started).
    @inlinable public var simulation: Simulation {
        guard let simulationRef else { preconditionFailure("process '\(name)' has not been started") }
        return simulationRef
    }

    /// The current simulated time.
    @inlinable public var now: SimTime { simulation.now }

    /// True once the process has returned from `resume` without starting a wait.
    public var isFinished: Bool { if case .finished = waiting { true } else { false } }

    /// A signal triggered when this process finishes, with `result` as its value.
    public var completion: Signal {
        if let completionSignal { return completionSignal }
        let signal = Signal(label: "\(name) finished")
        completionSignal = signal
        if isFinished { signal.trigger(value: result) }
        return signal
    }

    /// What the process is waiting for right now.
    public var waitDescription: String { waiting.description }

    // MARK: Waiting

    @inlinable func beginWait(_ what: Waiting) {
        if !waiting.isRunning {
            preconditionFailure("process '\(name)' started a second wait (\(what)) while \(waiting)")
        }
        waiting = what
    }

    /// Waits for `duration` of simulated time, then resumes with `.timeout`.
    @inlinable public func hold(_ duration: SimTime, priority: EventPriority = .normal) {
        beginWait(.timeout)
        precondition(duration.ticks >= 0, "process '\(name)' tried to hold for a negative time \(duration)")
        let sim = simulation
        sim.arm(self, at: sim.now.ticks &+ duration.ticks, priority: priority, wake: .timeout)
    }

    /// Waits until `time`, then resumes with `.timeout`.
    public func hold(until time: SimTime) {
        hold(time > now ? time - now : .zero)
    }

    /// Waits for `signal`; resumes with `.signalled(signal)` (at once if it already triggered).
    public func wait(for signal: Signal) {
        beginWait(.signal(signal))
        signal.addWaiter(self)
    }

    /// Waits until every signal has triggered; resumes with `.signalled(condition)`.
    public func waitAll(_ signals: [Signal]) {
        wait(for: Signal.allOf(signals))
    }

    /// Waits until any signal triggers; resumes with `.signalled(condition)` whose value
    /// lists the signals that had triggered, in the order given.
    public func waitAny(_ signals: [Signal]) {
        wait(for: Signal.anyOf(signals))
    }

    /// Sleeps until another process calls `activate()`; resumes with `.activated`.
    public func passivate() {
        beginWait(.passive)
    }

    /// Wakes a passive process now; returns false if it was not passive.
    @discardableResult
    public func activate() -> Bool {
        guard case .passive = waiting else { return false }
        deliver(.activated)
        return true
    }

    /// Schedules the end of the current wait at the current instant.
    @usableFromInline func deliver(_ wake: Wake) {
        waiting = .delivering(waiting)
        simulation.arm(self, at: simulation.now.ticks, wake: wake)
    }
}

