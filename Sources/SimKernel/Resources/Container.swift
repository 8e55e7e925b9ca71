/// A continuous quantity with a capacity, such as a CO2 tank (kg) or a water buffer (L).
///
/// Processes `take` an amount (waiting until the level allows) or `fill` an amount
/// (waiting until there is room); requests are served first come first served, and a
/// large request at the head blocks later small ones, as in SimPy's `Container`.
/// Continuous models draw without waiting through `draw(upTo:at:)`.
public final class Container {
    struct Request {
        let process: SimProcess
        let amount: Double
        let isTake: Bool
    }

    public let name: String
    /// Maximum level, in the quantity's unit.
    public let capacity: Double
    /// Current level, in the quantity's unit.
    public var level: Double { @inlinable get { levelStorage } }
    // Models read the level every control step; a direct read of a public stored property
    // from another module would be checked dynamically despite the attribute.
    @usableFromInline @exclusivity(unchecked) var levelStorage: Double
    @exclusivity(unchecked) var takers: [Request] = []
    @exclusivity(unchecked) var fillers: [Request] = []
    /// Level over time.
    @exclusivity(unchecked) public private(set) var levelStatistic: TimeWeightedStatistic

    public init(name: String, capacity: Double, initialLevel: Double = 0, start: SimTime = .zero) {
        precondition(capacity > 0, "container '\(name)' needs a positive capacity, got \(capacity)")
        precondition(initialLevel >= 0 && initialLevel <= capacity,
                     "container '\(name)' initial level \(initialLevel) is outside 0...\(capacity)")
        self.name = name
        self.capacity = capacity
        self.levelStorage = initialLevel
        self.levelStatistic = TimeWeightedStatistic(level: initialLevel, at: start)
    }

    /// Removes up to `amount` at once without waiting; returns what was removed.
    @discardableResult
    public func draw(upTo amount: Double, at time: SimTime) -> Double {
        precondition(amount >= 0, "container '\(name)': cannot draw a negative amount \(amount)")
        let taken = min(amount, level)
        levelStorage -= taken
        settle(at: time)
        return taken
    }

    /// Adds up to `amount` at once without waiting; returns what was added.
    @discardableResult
    public func add(upTo amount: Double, at time: SimTime) -> Double {
        precondition(amount >= 0, "container '\(name)': cannot add a negative amount \(amount)")
        let added = min(amount, capacity - level)
        levelStorage += added
        settle(at: time)
        return added
    }

    func enqueue(_ process: SimProcess, amount: Double, isTake: Bool) {
        precondition(amount >= 0 && amount <= capacity,
                     "container '\(name)': amount \(amount) is outside 0...\(capacity)")
        let request = Request(process: process, amount: amount, isTake: isTake)
        if isTake { takers.append(request) } else { fillers.append(request) }
        settle(at: process.now)
    }

    func withdraw(_ process: SimProcess) {
        takers.removeAll { $0.process === process }
        fillers.removeAll { $0.process === process }
    }

    func refund(_ amount: Double) {
        levelStorage = min(capacity, level + amount)
    }

    private func settle(at time: SimTime) {
        var changed = true
        while changed {
            changed = false
            if let head = fillers.first, level + head.amount <= capacity {
                fillers.removeFirst()
                levelStorage += head.amount
                head.process.deliver(.granted)
                changed = true
            }
            if let head = takers.first, head.amount <= level {
                takers.removeFirst()
                levelStorage -= head.amount
                head.process.deliver(.granted)
                changed = true
            }
        }
        levelStatistic.update(level: level, at: time)
    }
}

extension SimProcess {
    /// Takes `amount` from `container`, waiting until the level allows; resumes with `.granted`.
    public func take(_ amount: Double, from container: Container) {
        beginWait(.containerTake, on: container, amount: amount)
        container.enqueue(self, amount: amount, isTake: true)
    }

    /// Adds `amount` to `container`, waiting until there is room; resumes with `.granted`.
    public func fill(_ container: Container, with amount: Double) {
        beginWait(.containerFill, on: container, amount: amount)
        container.enqueue(self, amount: amount, isTake: false)
    }
}
