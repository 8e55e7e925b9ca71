/// A pool of identical units (technicians, machines, dryer slots) that processes hold.
///
/// Requests are served by priority (lower value first), then first come first served.
/// A request with `preempt: true` may take a unit from the holder with the largest
/// priority value (latest-granted among equals) if that value is larger than its own;
/// the holder is interrupted with `.preempted`. This follows SimPy's `Resource`,
/// `PriorityResource` and `PreemptiveResource` in one type.
///
/// Statistics: time-weighted units in use and queue length, and a tally of waits.
///
/// Like every kernel object, a resource belongs to one simulation on one thread; its
/// stored properties skip Swift's dynamic exclusivity checks, which cost more than the
/// work itself on the request/release path.
public final class Resource {
    /// A unit held by a process.
    public struct Holder {
        public let process: SimProcess
        public let priority: Int
        public let since: SimTime
        let order: UInt64
    }

    struct Request {
        let process: SimProcess
        let priority: Int
        let preempt: Bool
        let arrival: SimTime
        let order: UInt64
    }

    public let name: String
    /// Number of units; at most this many processes hold the resource at once.
    public let capacity: Int
    /// Current holders, in grant order.
    public var holders: [Holder] { @inlinable get { holdersStorage } }
    // Samplers in other modules read the holders; a direct read of a public stored property
    // from another module would be checked dynamically despite the attribute.
    @usableFromInline @exclusivity(unchecked) var holdersStorage: [Holder] = []
    @exclusivity(unchecked) var queue: [Request] = []
    @exclusivity(unchecked) var queueHead = 0
    @exclusivity(unchecked) var nextOrder: UInt64 = 0

    /// Units in use over time (mean / capacity = utilisation).
    @exclusivity(unchecked) public private(set) var inUse: TimeWeightedStatistic
    /// Requests waiting over time.
    @exclusivity(unchecked) public private(set) var queueLength: TimeWeightedStatistic
    /// Time from request to grant, in hours, one sample per grant.
    @exclusivity(unchecked) public private(set) var waits = Tally()

    public init(name: String, capacity: Int, start: SimTime = .zero) {
        precondition(capacity > 0, "resource '\(name)' needs a positive capacity, got \(capacity)")
        self.name = name
        self.capacity = capacity
        self.inUse = TimeWeightedStatistic(at: start)
        self.queueLength = TimeWeightedStatistic(at: start)
    }

    /// Requests waiting for a unit.
    public var waitingCount: Int { queue.count - queueHead }
    /// Units not held.
    public var available: Int { capacity - holders.count }

    /// Mean fraction of units in use from the start until `time`.
    public func utilisation(until time: SimTime) -> Double {
        inUse.mean(until: time) / Double(capacity)
    }

    func enqueue(_ process: SimProcess, priority: Int, preempt: Bool) {
        let now = process.now
        nextOrder &+= 1
        let request = Request(process: process, priority: priority, preempt: preempt, arrival: now, order: nextOrder)
        if holders.count < capacity && waitingCount == 0 {
            grant(request, now: now)
            return
        }
        if preempt, let victimIndex = preemptionVictim(for: priority) {
            let victim = holdersStorage.remove(at: victimIndex)
            victim.process.interrupt(.preempted(by: process, resource: self, heldSince: victim.since))
            grant(request, now: now)
            return
        }
        insert(request)
        queueLength.update(level: Double(waitingCount), at: now)
    }

    /// Grants a unit at once when one is free and nobody is queued.
    func tryGrant(_ process: SimProcess, priority: Int) -> Bool {
        guard holders.count < capacity && queueHead == queue.count else { return false }
        nextOrder &+= 1
        let now = process.now
        holdersStorage.append(Holder(process: process, priority: priority, since: now, order: nextOrder))
        inUse.update(level: Double(holders.count), at: now)
        waits.add(0)
        return true
    }

    func release(_ process: SimProcess) {
        guard let index = holders.firstIndex(where: { $0.process === process }) else {
            preconditionFailure("process '\(process.name)' released resource '\(name)' it does not hold")
        }
        holdersStorage.remove(at: index)
        let now = process.now
        inUse.update(level: Double(holders.count), at: now)
        serveQueue(now: now)
    }

    /// Returns a unit granted at this instant to a process that was interrupted before it saw it.
    func giveBack(_ process: SimProcess) {
        guard let index = holders.firstIndex(where: { $0.process === process }) else { return }
        holdersStorage.remove(at: index)
        let now = process.now
        inUse.update(level: Double(holders.count), at: now)
        serveQueue(now: now)
    }

    /// Removes a queued request (the process was interrupted while waiting).
    func withdraw(_ process: SimProcess) {
        guard let index = queue[queueHead...].firstIndex(where: { $0.process === process }) else { return }
        queue.remove(at: index)
        queueLength.update(level: Double(waitingCount), at: process.now)
    }

    private func serveQueue(now: SimTime) {
        while holders.count < capacity && queueHead < queue.count {
            let next = queue[queueHead]
            queueHead += 1
            if queueHead > 64 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            queueLength.update(level: Double(waitingCount), at: now)
            grant(next, now: now)
        }
    }

    private func grant(_ request: Request, now: SimTime) {
        holdersStorage.append(Holder(process: request.process, priority: request.priority, since: now,
                                     order: request.order))
        inUse.update(level: Double(holders.count), at: now)
        waits.add((now - request.arrival).inHours)
        request.process.deliver(.granted)
    }

    /// Inserts by (priority, arrival order); equal priorities keep FIFO order.
    private func insert(_ request: consuming Request) {
        var index = queue.count
        while index > queueHead && queue[index - 1].priority > request.priority { index -= 1 }
        if index == queue.count { queue.append(request) } else { queue.insert(request, at: index) }
    }

    private func preemptionVictim(for priority: Int) -> Int? {
        var best: Int?
        for (i, holder) in holders.enumerated() where holder.priority > priority {
            if let b = best {
                let current = holders[b]
                if holder.priority > current.priority
                    || (holder.priority == current.priority && holder.order > current.order) {
                    best = i
                }
            } else {
                best = i
            }
        }
        return best
    }
}

extension SimProcess {
    /// Asks for one unit of `resource`; resumes with `.granted` when it is this process's.
    ///
    /// - Parameters:
    ///   - priority: lower values are served first (default 0); FIFO among equals.
    ///   - preempt: take a unit from a holder with a larger priority value if none is free.
    public func request(_ resource: Resource, priority: Int = 0, preempt: Bool = false) {
        beginWait(.resource, on: resource)
        resource.enqueue(self, priority: priority, preempt: preempt)
    }

    /// Takes a unit of `resource` now if one is free and nobody is queued; no wait, no event.
    ///
    /// The fast path for "request, and if it is free carry on": the process keeps running
    /// inside the same resume. Returns false (and changes nothing) otherwise; then call
    /// `request` to queue.
    public func tryAcquire(_ resource: Resource, priority: Int = 0) -> Bool {
        precondition(waiting == .running, "process '\(name)' called tryAcquire while \(waiting)")
        return resource.tryGrant(self, priority: priority)
    }

    /// Gives back the unit of `resource` this process holds; the next request is served now.
    public func release(_ resource: Resource) {
        resource.release(self)
    }
}
