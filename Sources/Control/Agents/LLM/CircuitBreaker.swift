/// A count-based circuit breaker: after `failureThreshold` consecutive failures it opens and
/// refuses the next `cooldown` calls, then lets one trial call through (half-open); a
/// success closes it, a failure opens it again.
///
/// Counting calls instead of wall-clock seconds keeps runs deterministic: a recorded run and
/// its replay open and close the breaker at the same decisions.
public struct CircuitBreaker: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case closed
        /// Refusing; `remaining` more calls will be refused.
        case open(remaining: Int)
        case halfOpen
    }

    /// Consecutive failures that open the breaker, ≥ 1.
    public let failureThreshold: Int
    /// Calls refused while open, ≥ 1.
    public let cooldown: Int
    public private(set) var state: State = .closed
    public private(set) var consecutiveFailures = 0

    public init(failureThreshold: Int, cooldown: Int) {
        self.failureThreshold = max(1, failureThreshold)
        self.cooldown = max(1, cooldown)
    }

    /// Asks for one call; false while open (and counts the refusal towards the cooldown).
    public mutating func allowsCall() -> Bool {
        guard case .open(let remaining) = state else { return true }
        state = remaining <= 1 ? .halfOpen : .open(remaining: remaining - 1)
        return false
    }

    public mutating func recordSuccess() {
        consecutiveFailures = 0
        state = .closed
    }

    public mutating func recordFailure() {
        consecutiveFailures += 1
        if state == .halfOpen || consecutiveFailures >= failureThreshold { state = .open(remaining: cooldown) }
    }
}
