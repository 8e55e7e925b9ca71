/// The future-event list: an implicit binary heap plus a FIFO lane for "now" events.
///
/// Most zero-delay events (resource grants, signal wake-ups, process starts) are
/// scheduled at the current instant with normal priority. Such events arrive in
/// increasing sequence order, so a plain ring keeps them sorted and they never touch
/// the heap — the trick OMNeT++'s `cEventHeap` uses. `popMin` compares the lane's head
/// with the heap's root by the full key, so the order is exactly the order a single
/// heap would give; the lane is only a faster container, never a different rule.
///
/// `takeMin` leaves a heap-sourced event at the root while it is dispatched: most
/// handlers schedule exactly one follow-up (a process holds again), and that push then
/// overwrites the root with one sift-down instead of a pop and a push (docs/kernel.md,
/// "Event list": lazy pop). Valid because a sift-down from the root restores the heap for any
/// value placed there.
@usableFromInline
struct EventQueue {
    @usableFromInline var heap: [EventRecord] = []
    /// Lane entries live in `lane[laneHead..<laneEnd]`; slots past `laneEnd` are reused.
    @usableFromInline var lane: [EventRecord] = []
    @usableFromInline var laneHead: Int = 0
    @usableFromInline var laneEnd: Int = 0
    /// The root is the event being dispatched and no longer pending.
    @usableFromInline var rootInFlight = false

    /// Heap sizes up to which `replaceRoot` picks children without branching (196 KB).
    @usableFromInline static let branchFreeLimit = 8_192

    @inlinable init() {
        heap.reserveCapacity(1024)
        lane.reserveCapacity(256)
    }

    @inlinable var count: Int { heap.count + laneEnd - laneHead - (rootInFlight ? 1 : 0) }

    /// Adds an event; `now` decides whether it can take the lane.
    @inlinable mutating func push(_ record: EventRecord, now: Int64) {
        if record.time == now && record.key >> 56 == EventRecord.normalPriorityBits {
            if laneHead == laneEnd {
                laneHead = 0
                laneEnd = 0
            }
            if laneEnd < lane.count { lane[laneEnd] = record } else { lane.append(record) }
            laneEnd += 1
        } else if rootInFlight {
            rootInFlight = false
            replaceRoot(record)
        } else {
            heapPush(record)
        }
    }

    /// Removes the in-flight root if the handler scheduled nothing to take its place.
    @inlinable mutating func settle() {
        if rootInFlight {
            rootInFlight = false
            _ = heapPop()
        }
    }

    /// The earliest pending event if it is before `limit`; a heap event stays in flight.
    @inlinable mutating func takeMin(before limit: Int64) -> EventRecord? {
        settle()
        if laneHead < laneEnd {
            let head = lane[laneHead]
            if let root = heap.first, root.precedes(head) {
                guard root.time < limit else { return nil }
                rootInFlight = true
                return root
            }
            guard head.time < limit else { return nil }
            laneHead += 1
            return head
        }
        guard let root = heap.first, root.time < limit else { return nil }
        rootInFlight = true
        return root
    }

    /// The earliest pending event, if any (call `settle()` first).
    @inlinable func peek() -> EventRecord? {
        if laneHead < laneEnd {
            let head = lane[laneHead]
            if let root = heap.first, root.precedes(head) { return root }
            return head
        }
        return heap.first
    }

    /// Removes and returns the earliest pending event.
    @inlinable mutating func popMin() -> EventRecord? {
        settle()
        if laneHead < laneEnd {
            let head = lane[laneHead]
            if let root = heap.first, root.precedes(head) { return heapPop() }
            laneHead += 1
            return head
        }
        return heap.isEmpty ? nil : heapPop()
    }

    @inlinable mutating func heapPush(_ record: EventRecord) {
        heap.append(record)
        heap.withUnsafeMutableBufferPointer { h in
            var hole = h.count - 1
            while hole > 0 {
                let parent = (hole - 1) >> 1
                if !record.precedes(h[parent]) { break }
                h[hole] = h[parent]
                hole = parent
            }
            h[hole] = record
        }
    }

    @inlinable mutating func heapPop() -> EventRecord {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty { replaceRoot(last) }
        return top
    }

    /// Puts `record` at the root and restores the heap.
    ///
    /// Floyd's bottom-up variant: the hole left at the root descends to a leaf along the
    /// smaller children (one comparison per level), then `record` rises from there. A new
    /// event is usually later than most pending ones, so it rises little, and this takes
    /// about half the comparisons of a classic sift-down.
    ///
    /// Which child is smaller is picked without a branch while the heap fits in the L2
    /// cache: a mispredicted branch there costs more than the loads. In a larger heap the
    /// loads miss the cache, and a predicted branch lets the CPU start the next level's
    /// loads early, which wins (a bare heap of 100,000 records: 120 against 147 ns per hold).
    @inlinable mutating func replaceRoot(_ record: EventRecord) {
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            var hole = 0
            var child = 1
            if n <= EventQueue.branchFreeLimit {
                while child &+ 1 < n {
                    child &+= h[child &+ 1].precedesWithoutBranching(h[child]) ? 1 : 0
                    h[hole] = h[child]
                    hole = child
                    child = 2 &* hole &+ 1
                }
            } else {
                while child &+ 1 < n {
                    if h[child &+ 1].precedes(h[child]) { child &+= 1 }
                    h[hole] = h[child]
                    hole = child
                    child = 2 &* hole &+ 1
                }
            }
            if child < n {
                h[hole] = h[child]
                hole = child
            }
            while hole > 0 {
                let parent = (hole - 1) >> 1
                if !record.precedes(h[parent]) { break }
                h[hole] = h[parent]
                hole = parent
            }
            h[hole] = record
        }
    }
}
