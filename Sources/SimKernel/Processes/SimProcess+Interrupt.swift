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
        default:
            if delivering { undoDelivery() } else { withdraw() }
        }
        waiting = .interruptPending
        waitTarget = nil
        delivering = false
        let sim = simulation
        setWakePayload(Interrupt(cause: cause, time: sim.now))
        sim.arm(self, at: sim.now.ticks, priority: .urgent, kind: .interrupted)
        return true
    }

    private func withdraw() {
        switch waiting {
        case .resource: (waitTarget as? Resource)?.withdraw(self)
        case .storeGet: (waitTarget as? StoreBase)?.withdrawGet(self)
        case .storePut: (waitTarget as? StoreBase)?.withdrawPut(self)
        case .containerTake, .containerFill: (waitTarget as? Container)?.withdraw(self)
        case .signal: (waitTarget as? Signal)?.removeWaiter(self)
        default: break  // timeouts and passivity have nothing to withdraw
        }
    }

    private func undoDelivery() {
        switch waiting {
        case .resource: (waitTarget as? Resource)?.giveBack(self)
        case .storeGet:
            (waitTarget as? StoreBase)?.reclaim(from: self)
        case .containerTake: (waitTarget as? Container)?.refund(waitAmount)
        default: break
        }
    }
}
