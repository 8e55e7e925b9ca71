import SimKernel

/// The classic hold model on the TwinLab kernel: the floor a process-based model can reach.
///
/// `n` processes start at t = 0; each then holds for Exp(1) h again and again until a
/// shared budget of holds is spent. The pending-event list stays at `n` entries, so
/// the cost per hold is one heap pop + push plus the kernel's dispatch and one random
/// draw, the same work as the hand-written C++ hold loop (`hold.cpp`, docs/kernel.md "Event
/// list") plus what processes cost.
enum HoldBenchmark {
    /// Counts down the holds left; shared so all processes stop after exactly `holds`.
    final class Budget {
        var remaining: Int
        init(_ remaining: Int) { self.remaining = remaining }
    }

    final class Holder: SimProcess {
        var rng: SplitMix64
        let budget: Budget

        init(stream: UInt64, budget: Budget) {
            rng = SplitMix64(seed: 42, stream: stream)
            self.budget = budget
            super.init(name: "holder")
        }

        override func resume(_ wake: Wake) throws {
            guard budget.remaining > 0 else { return }
            budget.remaining -= 1
            hold(.hours(rng.exponential(rate: 1)))
        }
    }

    /// One run: returns the kernel events dispatched.
    static func once(processes n: Int, holds: Int) throws -> UInt64 {
        let sim = Simulation(seed: 42)
        let budget = Budget(holds)
        for p in 0..<n { sim.start(Holder(stream: UInt64(p), budget: budget)) }
        try sim.run()
        return sim.eventsProcessed
    }

    static func run(_ args: Arguments) throws -> JSONValue {
        var sizes: [JSONValue] = []
        for n in args.sizes {
            let m = try Measurement.repeating(args.runs, warmup: args.warmup) { try once(processes: n, holds: args.holds) }
            let holds = Double(args.holds)
            sizes.append(.object([
                ("processes", .int(n)),
                ("holds", .int(args.holds)),
                ("kernel_events", .uint(m.results[0])),
                ("median_s", .number(m.median)),
                ("min_s", .number(m.minimum)),
                ("ns_per_hold_median", .number(m.median / holds * 1e9)),
                ("ns_per_hold_min", .number(m.minimum / holds * 1e9)),
                ("ns_per_hold_cpu_median", .number(m.medianCPU / holds * 1e9)),
                ("holds_per_s", .number(holds / m.median)),
                ("allocations_per_run", .uint(m.warmAllocations)),
                ("allocations_per_hold", .number(Double(m.warmAllocations) / holds)),
            ]))
        }
        return .object([
            ("benchmark", .string("hold")),
            ("engine", .string("twinlab")),
            ("runs", .int(args.runs)),
            ("sizes", .array(sizes)),
            ("loadavg_1min", .number(LoadAverage.oneMinute)),
        ])
    }
}
