/// The discrete-event kernel: a clock, a future-event list and the processes on it.
///
/// A `Simulation` runs one model on one thread. Events are ordered by
/// (time, priority, sequence number taken at schedule time), `now` is set before any
/// handler runs, and everything at one instant runs in sequence order, so the same
/// model and seed always replay the same way (docs/design.md, determinism contract).
/// Parallelism belongs across runs: create one `Simulation` per replication.
///
/// Behaviour comes in three forms:
/// - processes (`SimProcess` subclasses), explicit state machines resumed by the kernel
///   each time what they wait for happens — the fast path, no allocation per event;
/// - scheduled actions (closures), for one-off or periodic work;
/// - continuous components (`ContinuousProcess`), advanced to each event's time before
///   the event runs.
public final class Simulation {
    /// The current simulated time; set before any handler runs.
    public var now: SimTime { @inlinable get { nowStorage } }
    /// The master seed every random stream of this run derives from.
    public let seed: UInt64
    /// Named random streams derived from `seed`, one per component.
    public let streams: RandomStreams
    /// Hash over every event fired (time, target, kind) and every value models add.
    public var fingerprint: RunFingerprint {
        @inlinable get { fingerprintStorage }
        @inlinable _modify { yield &fingerprintStorage }
    }
    /// Events dispatched so far (cancelled events are not counted).
    public var eventsProcessed: UInt64 { @inlinable get { eventsProcessedStorage } }

    // Storage of the public state above. `@exclusivity(unchecked)` covers only accesses the
    // compiler emits in this module (inlinable bodies included): a direct access to a public
    // stored property from another module is checked dynamically whatever the attribute says.
    // Models read `now` and add to `fingerprint` on every step, so they go through inlinable
    // accessors whose bodies carry this module's enforcement.
    @usableFromInline @exclusivity(unchecked) var nowStorage: SimTime = .zero
    @usableFromInline @exclusivity(unchecked) var fingerprintStorage = RunFingerprint()
    @usableFromInline @exclusivity(unchecked) var eventsProcessedStorage: UInt64 = 0

    // The event loop's state. A simulation runs on one thread, so the dynamic
    // exclusivity checks Swift would emit on every access are switched off.
    @usableFromInline @exclusivity(unchecked) var queue = EventQueue()
    @usableFromInline @exclusivity(unchecked) var nextSequence: UInt64 = 1
    /// Process slots. Each holds one retain, released when the slot is reused or the
    /// simulation ends, so dispatch can use a process without retaining it per event and a
    /// stale event for a finished process still finds a live (disarmed) object.
    @usableFromInline @exclusivity(unchecked) var processes: ContiguousArray<Unmanaged<SimProcess>> = []
    @exclusivity(unchecked) var freeProcessSlots: [UInt32] = []
    @exclusivity(unchecked) var actions: ContiguousArray<ScheduledAction> = []
    @exclusivity(unchecked) var freeActionSlots: [UInt32] = []
    @exclusivity(unchecked) var continuous: [any ContinuousProcess] = []
    @exclusivity(unchecked) var continuousTime: SimTime = .zero
    @exclusivity(unchecked) var observers: [any SimulationObserver] = []
    @exclusivity(unchecked) var stopConditions: [(Simulation) -> Bool] = []
    @exclusivity(unchecked) var stopReason: String?
    @exclusivity(unchecked) var deferredFailure: SimulationError?
    /// Set when the loop must look at stop requests, failures or stop conditions after an
    /// event; one flag test per event instead of three optional checks.
    @exclusivity(unchecked) var needsAttention = false
    @exclusivity(unchecked) var processCount = 0

    /// Action slots are told apart from process slots by the top bit of the target.
    @usableFromInline static let actionBit: UInt32 = 1 << 31

    deinit {
        for process in processes { process.release() }
    }

    /// Creates an empty simulation whose random streams derive from `seed`.
    public init(seed: UInt64 = 1_234_567) {
        self.seed = seed
        self.streams = RandomStreams(masterSeed: seed)
    }

    // MARK: Scheduling

    @inlinable
    func push(time: Int64, priority: EventPriority, target: UInt32) -> UInt64 {
        let key = EventRecord.makeKey(priority: priority, sequence: nextSequence)
        nextSequence &+= 1
        queue.push(EventRecord(time: time, key: key, target: target), now: now.ticks)
        return key
    }

    /// Runs `action` at absolute time `time` (not before `now`).
    @discardableResult
    public func schedule(at time: SimTime, priority: EventPriority = .normal, label: String = "action",
                         _ action: @escaping (Simulation) throws -> Void) -> EventHandle {
        var when = time
        if time < now {
            fail(.scheduleInPast, "'\(label)' was scheduled at \(time), before the current time \(now)")
            when = now
        }
        let slot: UInt32
        let entry = ScheduledAction(label: label, body: action)
        if let free = freeActionSlots.popLast() {
            slot = free
            actions[Int(slot)] = entry
        } else {
            slot = UInt32(actions.count)
            actions.append(entry)
        }
        let key = push(time: when.ticks, priority: priority, target: slot | Self.actionBit)
        actions[Int(slot)].armedKey = key
        return EventHandle(slot: slot, key: key)
    }

    /// Runs `action` after `delay` of simulated time.
    @discardableResult
    public func schedule(after delay: SimTime, priority: EventPriority = .normal, label: String = "action",
                         _ action: @escaping (Simulation) throws -> Void) -> EventHandle {
        schedule(at: now + delay, priority: priority, label: label, action)
    }

    /// Runs `action` every `period`, first at `start` (default: now), until it returns false.
    public func every(_ period: SimTime, startingAt start: SimTime? = nil, priority: EventPriority = .normal,
                      label: String = "periodic", _ action: @escaping (Simulation) throws -> Bool) {
        precondition(period > .zero, "a periodic action needs a positive period")
        func tick(_ sim: Simulation) throws {
            if try action(sim) {
                sim.schedule(after: period, priority: priority, label: label, tick)
            }
        }
        schedule(at: start ?? now, priority: priority, label: label, tick)
    }

    /// Cancels a scheduled action; returns false if it already ran or was cancelled.
    @discardableResult
    public func cancel(_ handle: EventHandle) -> Bool {
        let index = Int(handle.slot)
        guard index < actions.count, actions[index].armedKey == handle.key else { return false }
        releaseAction(slot: handle.slot)
        return true
    }

    /// Whether the action behind `handle` is still waiting to run.
    public func isPending(_ handle: EventHandle) -> Bool {
        let index = Int(handle.slot)
        return index < actions.count && actions[index].armedKey == handle.key
    }

    /// A signal that triggers after `delay`; combine it with others in `SimProcess.waitAny`.
    public func timeout(after delay: SimTime, label: String = "timeout") -> Signal {
        let signal = Signal(label: label)
        schedule(after: delay, label: label) { _ in signal.trigger() }
        return signal
    }

    // MARK: Processes

    /// Starts `process` at `time` (default: now); its first wake is `.started`.
    @discardableResult
    public func start<P: SimProcess>(_ process: P, at time: SimTime? = nil, priority: EventPriority = .normal) -> P {
        precondition(process.simulationHandle == nil, "process '\(process.name)' was already started")
        process.simulationHandle = Unmanaged.passUnretained(self)
        processCount += 1
        process.id = processCount
        let slot: UInt32
        if let free = freeProcessSlots.popLast() {
            slot = free
            processes[Int(slot)].release()
            processes[Int(slot)] = .passRetained(process)
        } else {
            slot = UInt32(processes.count)
            processes.append(.passRetained(process))
        }
        process.slot = slot
        var when = time ?? now
        if when < now {
            fail(.scheduleInPast, "process '\(process.name)' was started at \(when), before \(now)")
            when = now
        }
        process.waiting = .starting
        process.wakeKind = .started
        process.armedKey = push(time: when.ticks, priority: priority, target: slot)
        for observer in observers { observer.simulation(self, started: process) }
        return process
    }

    /// Arms the single pending wake-up of a process.
    @inlinable
    func arm(_ process: SimProcess, at time: Int64, priority: EventPriority = .normal, kind: Wake) {
        process.wakeKind = kind
        process.armedKey = push(time: time, priority: priority, target: process.slot)
    }

    /// Number of processes started and not yet finished.
    public var liveProcessCount: Int { processes.count - freeProcessSlots.count }

    // MARK: Continuous state and observation

    /// Attaches a continuous component; it is advanced to each event's time before the event runs.
    public func attach(_ component: any ContinuousProcess) {
        continuous.append(component)
    }

    /// Adds an observer (recorder, tracer). Observers are called in the order added.
    public func addObserver(_ observer: any SimulationObserver) {
        observers.append(observer)
    }

    /// Adds a condition checked after every event; the run stops when it returns true.
    public func addStopCondition(_ condition: @escaping (Simulation) -> Bool) {
        stopConditions.append(condition)
        needsAttention = true
    }

    /// Asks the run to stop after the current event.
    public func stop(reason: String) {
        stopReason = reason
        needsAttention = true
    }

    /// Records a contract violation; the run stops with it after the current event.
    func fail(_ code: SimulationError.Code, _ message: String, source: String? = nil) {
        if deferredFailure == nil {
            deferredFailure = SimulationError(code: code, message: message, time: now, source: source)
            needsAttention = true
        }
    }

    /// Time of the next pending event, or nil if none remain.
    public func peek() -> SimTime? {
        queue.settle()
        return queue.peek().map { SimTime(ticks: $0.time) }
    }

    /// Number of pending events (including cancelled ones not yet surfaced).
    public var pendingEventCount: Int { queue.count }

    func releaseAction(slot: UInt32) {
        actions[Int(slot)].armedKey = 0
        actions[Int(slot)].body = nil
        freeActionSlots.append(slot)
    }

    func releaseProcess(_ process: SimProcess) {
        freeProcessSlots.append(process.slot)
    }
}

/// Identifies a scheduled action so it can be cancelled.
public struct EventHandle: Hashable, Sendable {
    let slot: UInt32
    let key: UInt64
}

/// A closure waiting in the event list.
struct ScheduledAction {
    var label: String
    var body: ((Simulation) throws -> Void)?
    var armedKey: UInt64 = 0
}
