/// A one-shot event with a value that processes can wait on (SimPy's `Event`).
///
/// `trigger(value:)` wakes every waiting process at the current instant, in the order
/// they began waiting, and notifies conditions built on it. Waiting on a signal that
/// already triggered resumes the process at once (still through the event list, so
/// ordering stays deterministic). `allOf` / `anyOf` build condition signals whose
/// value is the list of member signals that had triggered, in the order given.
public final class Signal {
    public let label: String
    @exclusivity(unchecked) public private(set) var isTriggered = false
    /// The value passed to `trigger`; for conditions, the `[Signal]` that triggered.
    @exclusivity(unchecked) public private(set) var value: Any?
    @exclusivity(unchecked) private var waiters: [SimProcess] = []
    @exclusivity(unchecked) private var observers: [(Signal) -> Void] = []

    public init(label: String = "signal") {
        self.label = label
    }

    /// Triggers the signal; false (and no effect) if it had already triggered.
    ///
    /// Waiting processes resume at their simulation's current time.
    @discardableResult
    public func trigger(value: Any? = nil) -> Bool {
        guard !isTriggered else { return false }
        isTriggered = true
        self.value = value
        let pending = waiters
        waiters.removeAll()
        for process in pending { process.deliver(.signalled, payload: self) }
        let callbacks = observers
        observers.removeAll()
        for callback in callbacks { callback(self) }
        return true
    }

    func addWaiter(_ process: SimProcess) {
        if isTriggered {
            process.deliver(.signalled, payload: self)
        } else {
            waiters.append(process)
        }
    }

    func removeWaiter(_ process: SimProcess) {
        waiters.removeAll { $0 === process }
    }

    /// Calls `callback` once when the signal triggers (immediately if it has).
    public func onTrigger(_ callback: @escaping (Signal) -> Void) {
        if isTriggered { callback(self) } else { observers.append(callback) }
    }

    /// A signal that triggers once every member has; an empty list triggers at once.
    public static func allOf(_ signals: [Signal]) -> Signal {
        condition(signals, label: "all of \(signals.count)") { $0.count == signals.count }
    }

    /// A signal that triggers as soon as any member does; an empty list triggers at once.
    public static func anyOf(_ signals: [Signal]) -> Signal {
        condition(signals, label: "any of \(signals.count)") { fired in !fired.isEmpty || signals.isEmpty }
    }

    private static func condition(_ signals: [Signal], label: String,
                                  satisfied: @escaping ([Signal]) -> Bool) -> Signal {
        let result = Signal(label: label)
        func check() {
            guard !result.isTriggered else { return }
            let fired = signals.filter(\.isTriggered)
            if satisfied(fired) { result.trigger(value: fired) }
        }
        check()
        for signal in signals where !signal.isTriggered {
            signal.onTrigger { _ in check() }
        }
        return result
    }
}
