/// Type-erased store operations the kernel needs for interrupts.
public class StoreBase {
    public let name: String
    /// Items handed to getters and not yet collected. Kept outside the generic subclass so
    /// the kernel can skip `discardUncollected` without touching generic metadata.
    @usableFromInline @exclusivity(unchecked) final var uncollectedCount = 0
    init(name: String) { self.name = name }
    func withdrawGet(_ process: SimProcess) {}
    func withdrawPut(_ process: SimProcess) {}
    /// Puts an item handed to `process` but not yet collected back at the front.
    func reclaim(from process: SimProcess) {}
    /// Drops what `process` did not collect during its `.received` resume.
    func discardUncollected(by process: SimProcess) {}
}

/// A buffer of discrete items (batches, spare parts) with an optional capacity.
///
/// `get` takes the oldest item, or the oldest item matching a filter (SimPy's
/// `FilterStore`); getters are served in arrival order, each by the first item its
/// filter accepts. `put` waits while the store is full. Statistics: time-weighted
/// number of items.
public final class Store<Item>: StoreBase {
    @usableFromInline struct Getter {
        @usableFromInline let process: SimProcess
        @usableFromInline let filter: ((Item) -> Bool)?
        @inlinable init(process: SimProcess, filter: ((Item) -> Bool)?) {
            self.process = process
            self.filter = filter
        }
    }

    @usableFromInline struct Putter {
        @usableFromInline let process: SimProcess
        @usableFromInline let item: Item
        @inlinable init(process: SimProcess, item: Item) {
            self.process = process
            self.item = item
        }
    }

    /// Maximum number of items held (`Int.max` for unbounded).
    public let capacity: Int
    /// Items in the store are `storage[head...]`, oldest first; taking the oldest just
    /// advances `head`, so a FIFO store costs O(1) per item.
    @usableFromInline @exclusivity(unchecked) var storage: [Item] = []
    @usableFromInline @exclusivity(unchecked) var head = 0
    @usableFromInline @exclusivity(unchecked) var getters: [Getter] = []
    @usableFromInline @exclusivity(unchecked) var putters: [Putter] = []
    /// Items given to getters, keyed by the wake-up event that tells the getter: typed
    /// hand-over, so receiving costs no boxing into `Any` and no dynamic cast.
    @usableFromInline @exclusivity(unchecked) var handedOver: [(event: UInt64, item: Item)] = []
    /// Items held over time.
    public var level: TimeWeightedStatistic { levelRecord }
    @usableFromInline @exclusivity(unchecked) var levelRecord: TimeWeightedStatistic

    public init(name: String, capacity: Int = .max, start: SimTime = .zero) {
        precondition(capacity > 0, "store '\(name)' needs a positive capacity, got \(capacity)")
        self.capacity = capacity
        self.levelRecord = TimeWeightedStatistic(at: start)
        super.init(name: name)
    }

    /// Items in the store, oldest first.
    public var items: [Item] { Array(storage[head...]) }
    @inlinable public var count: Int { storage.count - head }

    /// Adds an item without waiting (from an action, a source or set-up); false if full.
    @inlinable @discardableResult
    public func insert(_ item: Item, at time: SimTime) -> Bool {
        guard count < capacity else { return false }
        storage.append(item)
        settle(at: time)
        return true
    }

    /// Removes and returns the oldest item now, or nil if the store is empty.
    ///
    /// Processes waiting to get are served first by `insert`, so an item is only ever
    /// left in the store when nobody unfiltered is waiting; taking it here is fair.
    @inlinable public func removeOldest(at time: SimTime) -> Item? {
        guard head < storage.count else { return nil }
        let item = takeItem(at: head)
        settle(at: time)
        return item
    }

    @inlinable func takeItem(at index: Int) -> Item {
        if index == head {
            let item = storage[head]
            head += 1
            if head == storage.count {
                storage.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 1024 && head * 2 > storage.count {
                storage.removeFirst(head)
                head = 0
            }
            return item
        }
        return storage.remove(at: index)
    }

    @inlinable func enqueueGet(_ process: SimProcess, filter: ((Item) -> Bool)?) {
        getters.append(Getter(process: process, filter: filter))
        settle(at: process.now)
    }

    @inlinable func enqueuePut(_ process: SimProcess, item: Item) {
        putters.append(Putter(process: process, item: item))
        settle(at: process.now)
    }

    /// Matches waiting putters to free space and waiting getters to items until stable.
    @inlinable func settle(at time: SimTime) {
        var changed = !(putters.isEmpty && getters.isEmpty)
        while changed {
            changed = false
            while !putters.isEmpty && count < capacity {
                let putter = putters.removeFirst()
                storage.append(putter.item)
                putter.process.deliver(.granted)
                changed = true
            }
            var g = 0
            while g < getters.count && head < storage.count {
                let getter = getters[g]
                let index = getter.filter.map { f in storage[head...].firstIndex(where: f) } ?? head
                if let index {
                    let item = takeItem(at: index)
                    getters.remove(at: g)
                    getter.process.deliver(.received)
                    handedOver.append((getter.process.armedKey, item))
                    uncollectedCount += 1
                    changed = true
                } else {
                    g += 1
                }
            }
        }
        levelRecord.update(level: Double(count), at: time)
    }

    override func withdrawGet(_ process: SimProcess) {
        getters.removeAll { $0.process === process }
    }

    override func withdrawPut(_ process: SimProcess) {
        putters.removeAll { $0.process === process }
    }

    /// The item handed over with wake-up event `event`, removed from the hand-over list.
    @inlinable func collect(event: UInt64) -> Item? {
        // A plain loop: `firstIndex(where:)` on this tuple array is not specialised and
        // looks up generic metadata on every call.
        var index = 0
        while index < handedOver.count {
            if handedOver[index].event == event {
                uncollectedCount -= 1
                return handedOver.remove(at: index).item
            }
            index += 1
        }
        return nil
    }

    override func reclaim(from process: SimProcess) {
        guard let item = collect(event: process.armedKey) else { return }
        storage.insert(item, at: head)
        settle(at: process.now)
    }

    override func discardUncollected(by process: SimProcess) {
        _ = collect(event: process.currentEventKey)
    }
}

extension SimProcess {
    /// Takes the oldest item now if there is one, without waiting; nil otherwise.
    ///
    /// The fast path for "take the next item, or wait for one": the process carries on
    /// inside the same resume when the store is not empty, then calls `get` otherwise.
    @inlinable public func tryGet<Item>(from store: Store<Item>) -> Item? {
        precondition(waiting == .running, "process '\(name)' called tryGet while \(waiting)")
        return store.removeOldest(at: now)
    }

    /// During a `.received` resume: the item `store` delivered to this process.
    ///
    /// Call it once in that resume; an item not collected there is dropped afterwards.
    @inlinable public func received<Item>(from store: Store<Item>) -> Item? {
        store.collect(event: currentEventKey)
    }

    /// Takes the oldest item (matching `filter`, if given); resumes with `.received`
    /// (then read it with `received(from:)`).
    @inlinable public func get<Item>(from store: Store<Item>, where filter: ((Item) -> Bool)? = nil) {
        beginWait(.storeGet, on: store)
        store.enqueueGet(self, filter: filter)
    }

    /// Adds `item`, waiting while the store is full; resumes with `.granted`.
    @inlinable public func put<Item>(_ item: Item, into store: Store<Item>) {
        beginWait(.storePut, on: store)
        store.enqueuePut(self, item: item)
    }
}
