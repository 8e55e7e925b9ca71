/// What a process is doing between two resumes; drives interrupts and finishing.
@usableFromInline
enum Waiting: CustomStringConvertible {
    case notStarted
    case starting
    case running
    case finished
    case timeout
    case resource(Resource)
    case storeGet(StoreBase)
    case storePut(StoreBase)
    case containerTake(Container, amount: Double)
    case containerFill(Container, amount: Double)
    case signal(Signal)
    case passive
    /// The wait ended and its wake is scheduled for this instant; holds what ended.
    indirect case delivering(Waiting)
    /// An interrupt is scheduled for this instant.
    case interruptPending

    @inlinable var isRunning: Bool {
        if case .running = self { return true }
        return false
    }

    @usableFromInline var description: String {
        switch self {
        case .notStarted: "not started"
        case .starting: "starting"
        case .running: "running"
        case .finished: "finished"
        case .timeout: "holding"
        case .resource(let r): "requesting '\(r.name)'"
        case .storeGet(let s): "getting from '\(s.name)'"
        case .storePut(let s): "putting into '\(s.name)'"
        case .containerTake(let c, let amount): "taking \(amount) from '\(c.name)'"
        case .containerFill(let c, let amount): "filling '\(c.name)' with \(amount)"
        case .signal(let s): "waiting for '\(s.label)'"
        case .passive: "passive"
        case .delivering(let w): "resuming after \(w)"
        case .interruptPending: "being interrupted"
        }
    }
}

extension SimProcess {
    /// Interrupts the current wait of this process with `cause`.
    ///
    /// What the process waited for is withdrawn: a pending timeout is cancelled, a
    /// queued request leaves its queue, a signal wait is dropped. A grant already made
    /// at this instant but not yet seen (a resource unit, a store item, a container
    /// amount) is handed back, so nothing leaks; a completed put or fill stays done.
    /// The process resumes with `.interrupted` at the current time before ordinary
    /// events (priority `.urgent`); it learns the remaining hold time from its own
    /// bookkeeping. Returns false, changing nothing, when the process is not
    /// waiting (not started, running, finished) or already has an interrupt pending.
    @discardableResult
    public func interrupt(_ cause: Interrupt.Cause) -> Bool {
        switch waiting {
        case .notStarted, .starting, .running, .finished, .interruptPending:
            return false
        case .delivering(let ended):
            undoDelivery(of: ended)
        default:
            withdraw(from: waiting)
        }
        waiting = .interruptPending
        let sim = simulation
        sim.arm(self, at: sim.now.ticks, priority: .urgent, wake: .interrupted(Interrupt(cause: cause, time: sim.now)))
        return true
    }

    private func withdraw(from wait: Waiting) {
        switch wait {
        case .resource(let r): r.withdraw(self)
        case .storeGet(let s): s.withdrawGet(self)
        case .storePut(let s): s.withdrawPut(self)
        case .containerTake(let c, _), .containerFill(let c, _): c.withdraw(self)
        case .signal(let s): s.removeWaiter(self)
        default: break  // timeouts and passivity have nothing to withdraw
        }
    }

    private func undoDelivery(of wait: Waiting) {
        switch wait {
        case .resource(let r): r.giveBack(self)
        case .storeGet(let s):
            if case .received(let item) = pendingWake { s.returnToFront(item) }
        case .containerTake(let c, let amount): c.refund(amount)
        default: break
        }
    }
}
