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
    @exclusivity(unchecked) public internal(set) final var id: Int = 0
    /// What the process returns to processes joined on it (see `completion`).
    public var result: Any? {
        get { attachments?.result }
        set { attached.result = newValue }
    }

    // The simulation owns its live processes; a process must not outlive it. Unmanaged
    // because every event touches it: a strong reference would cycle, and even an
    // unowned one costs a retain/release pair per access.
    @usableFromInline @exclusivity(unchecked) final var simulationHandle: Unmanaged<Simulation>?
    // Touched on every event; exclusivity is guaranteed by the single-threaded kernel,
    // so the dynamic checks (half the per-event cost when measured) are switched off.
    @usableFromInline @exclusivity(unchecked) final var slot: UInt32 = 0
    @usableFromInline @exclusivity(unchecked) final var armedKey: UInt64 = 0
    /// The key of the event being handled (valid during `resume`).
    @usableFromInline @exclusivity(unchecked) final var currentEventKey: UInt64 = 0
    /// How the pending wake-up ends the wait.
    @usableFromInline @exclusivity(unchecked) final var wakeKind: Wake = .started
    /// The wake being handled, readable during `resume`.
    @exclusivity(unchecked) final var currentWake: Wake = .started
    // Bit 0: a wake payload was set; bit 1: a current payload is held (both live in
    // `attachments`), so the common wake-up tests one byte.
    @usableFromInline @exclusivity(unchecked) final var payloadFlags: UInt8 = 0
    @usableFromInline @exclusivity(unchecked) final var waiting: Waiting = .notStarted
    /// The resource, store, container or signal waited on (nil for holds and passivity).
    @usableFromInline @exclusivity(unchecked) final var waitTarget: AnyObject?
    /// The amount of a container take or fill.
    @usableFromInline @exclusivity(unchecked) final var waitAmount = 0.0
    /// True while the wait has ended and its wake-up is scheduled for this instant.
    @usableFromInline @exclusivity(unchecked) final var delivering = false
    /// What few processes use: payloads, a result, a completion signal.
    @exclusivity(unchecked) final var attachments: ProcessAttachments?

    /// `attachments`, created on first use.
    final var attached: ProcessAttachments {
        if let attachments { return attachments }
        let created = ProcessAttachments()
        attachments = created
        return created
    }

    public init(name: String) {
        self.name = name
    }

    /// Called by the kernel; override it with the process's behaviour.
    open func resume(_ wake: Wake) throws {}

    /// The simulation this process runs in (valid once started).
    @inlinable public var simulation: Simulation {
        guard let simulationHandle else { preconditionFailure("process '\(name)' has not been started") }
        return simulationHandle.takeUnretainedValue()
    }

    /// Calls `body` with the simulation borrowed, without retaining it.
    @inlinable func withSimulation<R>(_ body: (Simulation) -> R) -> R {
        guard let simulationHandle else { preconditionFailure("process '\(name)' has not been started") }
        return simulationHandle._withUnsafeGuaranteedRef(body)
    }

    /// The current simulated time.
    @inlinable public var now: SimTime { withSimulation { $0.now } }

    /// True once the process has returned from `resume` without starting a wait.
    public var isFinished: Bool { waiting == .finished }

    /// During a `.signalled` resume: the signal (or condition) that triggered.
    public var triggeredSignal: Signal? { currentWake == .signalled ? attachments?.currentPayload as? Signal : nil }
    /// During an `.interrupted` resume: the interrupt and its cause.
    public var interruption: Interrupt? { currentWake == .interrupted ? attachments?.currentPayload as? Interrupt : nil }

    /// A signal triggered when this process finishes, with `result` as its value.
    public var completion: Signal {
        if let signal = attachments?.completionSignal { return signal }
        let signal = Signal(label: "\(name) finished")
        attached.completionSignal = signal
        if isFinished { signal.trigger(value: result) }
        return signal
    }

    /// What the process is waiting for right now.
    public var waitDescription: String { waiting.description }

    // MARK: Waiting

    @inlinable func beginWait(_ what: Waiting) {
        if waiting != .running {
            preconditionFailure("process '\(name)' started a second wait (\(what)) while \(waiting)")
        }
        waiting = what
    }

    @inlinable func beginWait(_ what: Waiting, on target: AnyObject, amount: Double = 0) {
        beginWait(what)
        waitTarget = target
        waitAmount = amount
    }

    /// Waits for `duration` of simulated time, then resumes with `.timeout`.
    @inlinable public func hold(_ duration: SimTime, priority: EventPriority = .normal) {
        beginWait(.timeout)
        precondition(duration.ticks >= 0, "process '\(name)' tried to hold for a negative time \(duration)")
        withSimulation { sim in
            sim.arm(self, at: sim.now.ticks &+ duration.ticks, priority: priority, kind: .timeout)
        }
    }

    /// Waits until `time`, then resumes with `.timeout`.
    public func hold(until time: SimTime) {
        hold(time > now ? time - now : .zero)
    }

    /// Waits for `signal`; resumes with `.signalled` (at once if it already triggered).
    public func wait(for signal: Signal) {
        beginWait(.signal, on: signal)
        signal.addWaiter(self)
    }

    /// Waits until every signal has triggered; resumes with `.signalled` (the condition).
    public func waitAll(_ signals: [Signal]) {
        wait(for: Signal.allOf(signals))
    }

    /// Waits until any signal triggers; resumes with `.signalled`; the condition's value
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
        guard waiting == .passive else { return false }
        deliver(.activated)
        return true
    }

    /// Schedules the end of the current wait at the current instant.
    @usableFromInline func deliver(_ kind: Wake) {
        delivering = true
        withSimulation { $0.arm(self, at: $0.now.ticks, kind: kind) }
    }

    /// Schedules the end of the current wait with a payload (store item, signal).
    @usableFromInline func deliver(_ kind: Wake, payload: Any) {
        setWakePayload(payload)
        deliver(kind)
    }

    func setWakePayload(_ payload: Any) {
        attached.wakePayload = payload
        payloadFlags |= 1
    }

    /// Makes the pending wake-up current before `resume`; returns it.
    @inline(__always) func takeWake() -> Wake {
        currentWake = wakeKind
        if payloadFlags != 0, let attachments {
            attachments.currentPayload = attachments.wakePayload
            attachments.wakePayload = nil
            payloadFlags = attachments.currentPayload == nil ? 0 : 2
        }
        return wakeKind
    }
}

/// The parts of a process few processes use, kept out of line.
///
/// A model that starts a process per customer or batch creates and destroys millions of
/// them; three `Any?` fields and a signal in every one made each process larger and its
/// teardown a chain of existential destroys (a tenth of M/M/3's time with customer
/// processes). Out of line they cost one nil pointer until used.
final class ProcessAttachments {
    /// See `SimProcess.result`.
    var result: Any?
    /// The store item, signal or interrupt of the pending wake-up, if it has one.
    var wakePayload: Any?
    /// The payload of the wake being handled, readable during `resume`.
    var currentPayload: Any?
    /// Triggered when the process finishes (see `SimProcess.completion`).
    var completionSignal: Signal?
}
