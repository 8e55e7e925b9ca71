import Testing
import Control

/// The count-based breaker: N failures open it for K calls, then one trial call decides.
@Suite("Circuit breaker")
struct CircuitBreakerTests {
    @Test("opens after N consecutive failures, refuses K calls, then half-opens")
    func openCooldownHalfOpen() {
        var breaker = CircuitBreaker(failureThreshold: 2, cooldown: 3)
        let first = breaker.allowsCall()
        #expect(first)
        breaker.recordFailure()
        #expect(breaker.state == .closed)
        breaker.recordSuccess()
        breaker.recordFailure()
        #expect(breaker.state == .closed, "a success in between resets the count")
        breaker.recordFailure()
        #expect(breaker.state == .open(remaining: 3))
        let refused = (0..<3).map { _ in breaker.allowsCall() }
        #expect(refused == [false, false, false])
        #expect(breaker.state == .halfOpen)
        let trial = breaker.allowsCall()
        #expect(trial)
        breaker.recordFailure()
        #expect(breaker.state == .open(remaining: 3), "a failed trial reopens at once")
        for _ in 0..<3 { _ = breaker.allowsCall() }
        let second = breaker.allowsCall()
        #expect(second)
        breaker.recordSuccess()
        #expect(breaker.state == .closed && breaker.consecutiveFailures == 0)
    }

    @Test("thresholds below one are raised to one")
    func clamps() {
        var breaker = CircuitBreaker(failureThreshold: 0, cooldown: 0)
        breaker.recordFailure()
        #expect(breaker.state == .open(remaining: 1))
        let refused = breaker.allowsCall()
        let trial = breaker.allowsCall()
        #expect(!refused && trial)
    }
}
