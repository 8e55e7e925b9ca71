import SimKernel

/// One trimming machine: it fails after a random number of operating hours and is then
/// repaired for a random time (repairs run around the clock; failures only while trimming).
final class TrimmingMachine {
    let index: Int
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) var stream: RandomStream
    let timeToFailure: Distribution
    let repairTime: Distribution
    /// Operating hours left until the next failure.
    @exclusivity(unchecked) var hoursToFailure: Double
    /// End of the current repair, hours; nil when the machine is up.
    @exclusivity(unchecked) var downUntil: Double?
    /// (start, end) of every breakdown, hours.
    @exclusivity(unchecked) var breakdowns: [(start: Double, end: Double)] = []
    @exclusivity(unchecked) var operatingHours = 0.0

    init(index: Int, stream: RandomStream, timeToFailure: Distribution, repairTime: Distribution) {
        self.index = index
        self.stream = stream
        self.timeToFailure = timeToFailure
        self.repairTime = repairTime
        hoursToFailure = max(1e-3, timeToFailure.sample(using: &self.stream))
    }

    func isDown(atHours hours: Double) -> Bool { downUntil.map { hours < $0 } ?? false }

    /// Books `hours` of trimming ending at `now`; fails the machine if its clock ran out.
    /// - Returns: true when the machine broke down.
    func operate(hours: Double, endingAt now: Double) -> Bool {
        operatingHours += hours
        hoursToFailure -= hours
        guard hoursToFailure <= 1e-6 else { return false }
        let repair = max(1e-3, repairTime.sample(using: &stream))
        downUntil = now + repair
        breakdowns.append((now, now + repair))
        hoursToFailure = max(1e-3, timeToFailure.sample(using: &stream))
        return true
    }
}
