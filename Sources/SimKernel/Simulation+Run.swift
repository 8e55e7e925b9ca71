/// Running the event loop.
extension Simulation {
    /// Why `run(until:)` returned.
    public enum RunOutcome: Equatable, Sendable {
        /// No events remain.
        case exhausted
        /// The time limit was reached; `now` equals the limit.
        case reachedLimit
        /// A model called `stop(reason:)`.
        case stopped(reason: String)
        /// A stop condition returned true.
        case conditionMet
    }

    /// Runs events strictly before `limit` (default: until none remain).
    ///
    /// When the limit is reached, continuous components are advanced to it and `now`
    /// becomes `limit`, so statistics can be closed at the horizon. Events scheduled
    /// exactly at `limit` stay pending and run on the next call.
    /// - Throws: `SimulationError` when a model faults; the run stops at that event.
    @discardableResult
    public func run(until limit: SimTime = .infinity) throws -> RunOutcome {
        stopReason = nil
        needsAttention = !stopConditions.isEmpty
        defer { queue.settle() }
        while let next = queue.takeMin(before: limit.ticks) {
            if try dispatch(next) && needsAttention {
                if let failure = deferredFailure { throw failure }
                if let reason = stopReason { return .stopped(reason: reason) }
                if stopConditions.contains(where: { $0(self) }) { return .conditionMet }
            }
        }
        queue.settle()
        if limit != .infinity && (queue.peek() != nil || limit > now) {
            try advanceContinuous(to: limit)
            nowStorage = limit
            return .reachedLimit
        }
        return .exhausted
    }

    /// Runs the next live event; returns false when none remain.
    @discardableResult
    public func step() throws -> Bool {
        while let next = queue.popMin() {
            if try dispatch(next) {
                if let failure = deferredFailure { throw failure }
                return true
            }
        }
        return false
    }

    /// Dispatches one record; returns false when it was stale (cancelled or superseded).
    func dispatch(_ record: EventRecord) throws -> Bool {
        if record.target & Simulation.actionBit != 0 {
            return try dispatchAction(record)
        }
        return try processes[Int(record.target)]._withUnsafeGuaranteedRef { process in
            try dispatch(record, to: process)
        }
    }

    func dispatch(_ record: EventRecord, to process: SimProcess) throws -> Bool {
        guard process.armedKey == record.key else { return false }
        try enter(record)
        process.currentEventKey = record.key
        process.armedKey = 0
        fingerprintStorage.combine(event: record.time,
                                   target: UInt64(process.id) << 8 | UInt64(process.wakeKind.rawValue))
        let wake = process.takeWake()
        process.waiting = .running
        process.delivering = false
        // Two paths rather than one with an optional store: merged, every wake-up carries the
        // optional and its checks (callgrind: 1.4–2.8 % more instructions per event).
        if _slowPath(wake == .received), let store = process.waitTarget as? StoreBase {
            // A store that handed over an item drops it after the resume if it was not collected.
            process.waitTarget = nil
            try resume(process, wake)
            if store.uncollectedCount != 0 { store.discardUncollected(by: process) }
        } else {
            if process.waitTarget != nil { process.waitTarget = nil }
            try resume(process, wake)
        }
        if process.waiting == .running { finish(process) }
        return true
    }

    @inline(__always)
    func resume(_ process: SimProcess, _ wake: Wake) throws {
        do {
            try process.resume(wake)
        } catch {
            throw wrap(error, source: process)
        }
    }

    func dispatchAction(_ record: EventRecord) throws -> Bool {
        let slot = record.target & ~Simulation.actionBit
        let entry = actions[Int(slot)]
        guard entry.armedKey == record.key, let body = entry.body else { return false }
        try enter(record)
        fingerprintStorage.combine(event: record.time, target: UInt64(slot) << 8 | 0xAC)
        releaseAction(slot: slot)
        do {
            try body(self)
        } catch {
            throw wrap(error, source: "action '\(entry.label)'")
        }
        return true
    }

    /// Moves the clock to a live event's time, advancing continuous state first.
    @inline(__always)
    func enter(_ record: EventRecord) throws {
        let time = SimTime(ticks: record.time)
        if !continuous.isEmpty && time > continuousTime { try advanceContinuous(to: time) }
        nowStorage = time
        eventsProcessedStorage &+= 1
        if !observers.isEmpty { notifyFired(record) }
    }

    func notifyFired(_ record: EventRecord) {
        let info: EventInfo
        if record.target & Simulation.actionBit != 0 {
            let slot = Int(record.target & ~Simulation.actionBit)
            info = EventInfo(time: SimTime(ticks: record.time), sequence: record.sequence,
                             priority: record.priority, target: .action(label: actions[slot].label))
        } else {
            let process = processes[Int(record.target)].takeUnretainedValue()
            info = EventInfo(time: SimTime(ticks: record.time), sequence: record.sequence,
                             priority: record.priority,
                             target: .process(id: process.id, name: process.name, wake: process.wakeKind))
        }
        for observer in observers { observer.simulation(self, willFire: info) }
    }

    func advanceContinuous(to time: SimTime) throws {
        guard time > continuousTime else { return }
        for component in continuous {
            do {
                try component.advance(to: time)
            } catch {
                throw SimulationError(code: .integration, message: "could not advance to \(time)",
                                      time: continuousTime, source: String(describing: type(of: component)),
                                      underlying: error)
            }
        }
        continuousTime = time
    }

    func finish(_ process: SimProcess) {
        process.waiting = .finished
        releaseProcess(process)
        for observer in observers { observer.simulation(self, finished: process) }
        if let attachments = process.attachments { attachments.completionSignal?.trigger(value: attachments.result) }
    }

    @inline(never)
    func wrap(_ error: any Error, source process: SimProcess) -> SimulationError {
        wrap(error, source: "process '\(process.name)'")
    }

    func wrap(_ error: any Error, source: String) -> SimulationError {
        if let failure = error as? SimulationError { return failure }
        return SimulationError(code: .modelFault, message: "\(error)", time: now, source: source, underlying: error)
    }
}
