import SimKernel

/// Benchmark (a) of the SimPy reference: many processes, each holding for Exp(rate) many times.
///
/// `processes` processes each hold `timeouts / processes` times for an exponential
/// delay (mean 1/rate hours) drawn from their own SplitMix64 stream, then finish.
/// Pure event scheduling: the cheapest possible process-interaction workload.
/// SimPy's reference output for seed 42 is a final time of 1118.741846722531.
public struct TimeoutChurn: Sendable {
    public var processes = 1_000
    public var timeouts = 1_000_000
    public var rate = 1.0
    public var seed: UInt64 = 42

    public init() {}

    /// What one run produced.
    public struct Outcome: Sendable {
        /// Time the last process finished, hours.
        public var finalTime: Double
        /// Sum of all completion times, hours (compensated summation).
        public var sumOfCompletionTimes: Double
        public var events: UInt64
        public var fingerprint: String
    }

    public func run() throws -> Outcome {
        let sim = Simulation(seed: seed)
        let perProcess = timeouts / processes
        var completions: [Double] = []
        completions.reserveCapacity(processes)
        let collector = CompletionCollector()
        for p in 0..<processes {
            let rng = SplitMix64(seed: seed, stream: UInt64(p))
            sim.start(Churner(rng: rng, rate: rate, remaining: perProcess, collector: collector))
        }
        try sim.run()
        completions = collector.times
        return Outcome(finalTime: completions.max() ?? 0,
                       sumOfCompletionTimes: CompensatedSum.of(completions),
                       events: sim.eventsProcessed, fingerprint: sim.fingerprint.hex)
    }
}

final class CompletionCollector {
    // A run is single-threaded: the stored properties of this file's classes skip the dynamic
    // exclusivity checks, which cost more than the models' work (docs/kernel.md).
    @exclusivity(unchecked) var times: [Double] = []
}

final class Churner: SimProcess {
    @exclusivity(unchecked) var rng: SplitMix64
    let rate: Double
    @exclusivity(unchecked) var remaining: Int
    let collector: CompletionCollector

    init(rng: SplitMix64, rate: Double, remaining: Int, collector: CompletionCollector) {
        self.rng = rng
        self.rate = rate
        self.remaining = remaining
        self.collector = collector
        super.init(name: "churner")
    }

    override func resume(_ wake: Wake) throws {
        guard remaining > 0 else {
            collector.times.append(now.inHours)
            return
        }
        remaining -= 1
        hold(.hours(rng.exponential(rate: rate)))
    }
}

/// Neumaier's compensated summation, so sums compare with Python's `math.fsum` to the last digits.
enum CompensatedSum {
    static func of(_ values: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for v in values {
            let t = sum + v
            if abs(sum) >= abs(v) { compensation += (sum - t) + v } else { compensation += (v - t) + sum }
            sum = t
        }
        return sum + compensation
    }
}
