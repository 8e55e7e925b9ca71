/// The future-event list: an implicit binary heap plus a FIFO lane for "now" events.
///
/// Most zero-delay events (resource grants, signal wake-ups, process starts) are
/// scheduled at the current instant with normal priority. Such events arrive in
/// increasing sequence order, so a plain ring keeps them sorted and they never touch
/// the heap — the trick OMNeT++'s `cEventHeap` uses. `popMin` compares the lane's head
/// with the heap's root by the full key, so the order is exactly the order a single
/// heap would give; the lane is only a faster container, never a different rule.
@usableFromInline
struct EventQueue {
    @usableFromInline var heap: [EventRecord] = []
    @usableFromInline var lane: [EventRecord] = []
    @usableFromInline var laneHead: Int = 0

    @inlinable init() {
        heap.reserveCapacity(1024)
        lane.reserveCapacity(256)
    }

    @inlinable var count: Int { heap.count + lane.count - laneHead }
    @inlinable var isEmpty: Bool { heap.isEmpty && laneHead == lane.count }

    /// Adds an event; `now` decides whether it can take the lane.
    @inlinable mutating func push(_ record: EventRecord, now: Int64) {
        if record.time == now && record.key >> 56 == UInt64(EventPriority.normal.rawValue) {
            if laneHead == lane.count && laneHead > 0 {
                lane.removeAll(keepingCapacity: true)
                laneHead = 0
            }
            lane.append(record)
        } else {
            heapPush(record)
        }
    }

    /// The earliest pending event, if any.
    @inlinable func peek() -> EventRecord? {
        if laneHead < lane.count {
            let head = lane[laneHead]
            if let root = heap.first, root.precedes(head) { return root }
            return head
        }
        return heap.first
    }

    /// Removes and returns the earliest pending event.
    @inlinable mutating func popMin() -> EventRecord? {
        if laneHead < lane.count {
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
        if heap.isEmpty { return top }
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            var hole = 0
            while true {
                var child = 2 * hole + 1
                if child >= n { break }
                if child + 1 < n && h[child + 1].precedes(h[child]) { child += 1 }
                if !h[child].precedes(last) { break }
                h[hole] = h[child]
                hole = child
            }
            h[hole] = last
        }
        return top
    }
}
