import Lab
import SimKernel

/// The three reference models of the SimPy benchmarks, timed and reported as JSON.
///
/// Event counts follow the SimPy reference scripts (docs/kernel.md) so the two engines compare
/// on equal terms: `model_events` is engine-neutral (a: timeouts, b: 2 × customers,
/// c: failures + repairs); `kernel_events` is what TwinLab's own loop dispatched (`eventsProcessed`).
enum ModelBenchmarks {
    /// What one run contributes to the report, independent of the model.
    struct RunSummary {
        var modelEvents: UInt64
        var kernelEvents: UInt64
        var fingerprint: String
        var outputs: [(String, JSONValue)]
    }

    static func run(_ args: Arguments) throws -> JSONValue {
        let name: String
        let measurement: Measurement<RunSummary>
        switch args.mode {
        case .a:
            guard args.variates == "portable" else {
                throw UsageError("benchmark a (TimeoutChurn) only has portable SplitMix64 variates")
            }
            name = "a_timeouts"
            measurement = try Measurement.repeating(args.runs, warmup: args.warmup) { try timeouts(seed: args.seed) }
        case .b:
            name = "b_mmc"
            measurement = try Measurement.repeating(args.runs, warmup: args.warmup) {
                try mmc(seed: args.seed, variates: args.variates, style: .customerProcesses)
            }
        case .bs:
            name = "b_mmc_servers"
            measurement = try Measurement.repeating(args.runs, warmup: args.warmup) {
                try mmc(seed: args.seed, variates: args.variates, style: .serverProcesses)
            }
        case .c:
            name = "c_factory"
            measurement = try Measurement.repeating(args.runs, warmup: args.warmup) { try factory(seed: args.seed, variates: args.variates) }
        case .handwritten, .hold, .recorder, .facility, .fleet, .iforest, .summary, .experiment, .selftest:
            preconditionFailure("not a model benchmark")
        }
        return report(name: name, args: args, measurement)
    }

    static func timeouts(seed: UInt64) throws -> RunSummary {
        var model = TimeoutChurn()
        model.seed = seed
        let out = try model.run()
        return RunSummary(modelEvents: UInt64(model.timeouts / model.processes * model.processes),
                          kernelEvents: out.events, fingerprint: out.fingerprint,
                          outputs: [("final_time", .number(out.finalTime)),
                                    ("sum_completion_times", .number(out.sumOfCompletionTimes))])
    }

    static func mmc(seed: UInt64, variates: String, style: MMcQueue.Style) throws -> RunSummary {
        var model = MMcQueue()
        model.seed = seed
        model.style = style
        model.variates = VariateScheme(rawValue: variates) ?? .portable
        let out = try model.run()
        return RunSummary(modelEvents: 2 * UInt64(model.customers), kernelEvents: out.events,
                          fingerprint: out.fingerprint,
                          outputs: [("mean_wait", .number(out.meanWait)), ("sum_wait", .number(out.sumOfWaits)),
                                    ("p_wait", .number(out.fractionWaiting)), ("max_wait", .number(out.maxWait)),
                                    ("end_time", .number(out.lastDeparture)), ("served", .int(out.served)),
                                    ("server_utilisation", .number(out.serverUtilisation))])
    }

    static func factory(seed: UInt64, variates: String) throws -> RunSummary {
        var model = MachineRepairShop()
        model.seed = seed
        model.variates = VariateScheme(rawValue: variates) ?? .portable
        let out = try model.run()
        return RunSummary(modelEvents: UInt64(out.failures + out.repairsCompleted), kernelEvents: out.events,
                          fingerprint: out.fingerprint,
                          outputs: [("availability", .number(out.availability)),
                                    ("tech_utilisation", .number(out.technicianUtilisation)),
                                    ("failures", .int(out.failures)),
                                    ("repairs_completed", .int(out.repairsCompleted)),
                                    ("mean_wait_for_tech", .number(out.meanWaitForTechnician))])
    }

    static func report(name: String, args: Arguments, _ m: Measurement<RunSummary>) -> JSONValue {
        let first = m.results[0]
        let median = m.median
        let allocations = m.warmAllocations
        var fields: [(String, JSONValue)] = [
            ("benchmark", .string(name)),
            ("engine", .string("twinlab")),
            ("variates", .string(args.variates)),
            ("seed", .uint(args.seed)),
            ("warmup_runs", .int(m.warmupRuns)),
            ("runs_s", .array(m.seconds.map { .number($0) })),
            ("median_s", .number(median)),
            ("min_s", .number(m.minimum)),
            ("cpu_runs_s", .array(m.cpuSeconds.map { .number($0) })),
            ("median_cpu_s", .number(m.medianCPU)),
            ("model_events", .uint(first.modelEvents)),
            ("kernel_events", .uint(first.kernelEvents)),
            ("model_events_per_s", .number(Double(first.modelEvents) / median)),
            ("kernel_events_per_s", .number(Double(first.kernelEvents) / median)),
            ("model_events_per_cpu_s", .number(Double(first.modelEvents) / m.medianCPU)),
            ("best_model_events_per_s", .number(Double(first.modelEvents) / m.minimum)),
            ("allocations_per_run", .uint(allocations)),
            ("allocations_first_run", .uint(m.coldAllocations)),
            ("allocations_per_model_event", .number(Double(allocations) / Double(first.modelEvents))),
            ("allocations_per_kernel_event", .number(Double(allocations) / Double(first.kernelEvents))),
            ("alloc_counter_verified", .bool(AllocationCounterCheck.isWorking)),
        ]
        fields += first.outputs
        fields.append(("fingerprint", .string(first.fingerprint)))
        fields.append(("deterministic_across_runs",
                       .bool(m.results.allSatisfy { $0.fingerprint == first.fingerprint })))
        fields.append(("loadavg_1min", .number(LoadAverage.oneMinute)))
        return .object(fields)
    }
}
