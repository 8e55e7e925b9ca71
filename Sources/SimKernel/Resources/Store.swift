/// Type-erased store operations the kernel needs for interrupts.
public class StoreBase {
    public let name: String
    init(name: String) { self.name = name }
    func withdrawGet(_ process: SimProcess) {}
    func withdrawPut(_ process: SimProcess) {}
    func returnToFront(_ item: Any) {}
}

/// A buffer of discrete items (batches, spare parts) with an optional capacity.
///
/// `get` takes the oldest item, or the oldest item matching a filter (SimPy's
/// `FilterStore`); getters are served in arrival order, each by the first item its
/// filter accepts. `put` waits while the store is full. Statistics: time-weighted
/// number of items.
public final class Store<Item>: StoreBase {
    struct Getter {
        let process: SimProcess
        let filter: ((Item) -> Bool)?
    }

    struct Putter {
        let process: SimProcess
        let item: Item
    }

    /// Maximum number of items held (`Int.max` for unbounded).
    public let capacity: Int
    /// Items in the store, oldest first.
    @exclusivity(unchecked) public private(set) var items: [Item] = []
    @exclusivity(unchecked) var getters: [Getter] = []
    @exclusivity(unchecked) var putters: [Putter] = []
    /// Items held over time.
    @exclusivity(unchecked) public private(set) var level: TimeWeightedStatistic

    public init(name: String, capacity: Int = .max, start: SimTime = .zero) {
        precondition(capacity > 0, "store '\(name)' needs a positive capacity, got \(capacity)")
        self.capacity = capacity
        self.level = TimeWeightedStatistic(at: start)
        super.init(name: name)
    }

    public var count: Int { items.count }

    /// Adds an item without waiting (from an action, a source or set-up); false if full.
    @discardableResult
    public func insert(_ item: Item, at time: SimTime) -> Bool {
        guard items.count < capacity else { return false }
        items.append(item)
        settle(at: time)
        return true
    }

    func enqueueGet(_ process: SimProcess, filter: ((Item) -> Bool)?) {
        getters.append(Getter(process: process, filter: filter))
        settle(at: process.now)
    }

    func enqueuePut(_ process: SimProcess, item: Item) {
        putters.append(Putter(process: process, item: item))
        settle(at: process.now)
    }

    /// Matches waiting putters to free space and waiting getters to items until stable.
    private func settle(at time: SimTime) {
        var changed = true
        while changed {
            changed = false
            while !putters.isEmpty && items.count < capacity {
                let putter = putters.removeFirst()
                items.append(putter.item)
                putter.process.deliver(.granted)
                changed = true
            }
            var g = 0
            while g < getters.count && !items.isEmpty {
                let getter = getters[g]
                let index = getter.filter.map { f in items.firstIndex(where: f) } ?? 0
                if let index {
                    let item = items.remove(at: index)
                    getters.remove(at: g)
                    getter.process.deliver(.received, payload: item)
                    changed = true
                } else {
                    g += 1
                }
            }
        }
        level.update(level: Double(items.count), at: time)
    }

    override func withdrawGet(_ process: SimProcess) {
        getters.removeAll { $0.process === process }
    }

    override func withdrawPut(_ process: SimProcess) {
        putters.removeAll { $0.process === process }
    }

    override func returnToFront(_ item: Any) {
        guard let item = item as? Item else { return }
        items.insert(item, at: 0)
        if let first = getters.first { settle(at: first.process.now) }
    }
}

extension SimProcess {
    /// Takes the oldest item (matching `filter`, if given); resumes with `.received` (see `receivedItem`).
    public func get<Item>(from store: Store<Item>, where filter: ((Item) -> Bool)? = nil) {
        beginWait(.storeGet, on: store)
        store.enqueueGet(self, filter: filter)
    }

    /// Adds `item`, waiting while the store is full; resumes with `.granted`.
    public func put<Item>(_ item: Item, into store: Store<Item>) {
        beginWait(.storePut, on: store)
        store.enqueuePut(self, item: item)
    }
}
