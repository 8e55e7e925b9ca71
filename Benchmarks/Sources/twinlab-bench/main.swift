#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Entry point: parse, run one benchmark, print one JSON object on stdout.
///
/// Errors go to stderr with a non-zero exit so the driver script can tell a broken
/// run from a slow one.
func main() -> Int32 {
    do {
        let args = try Arguments(Array(CommandLine.arguments.dropFirst()))
        let result: JSONValue
        switch args.mode {
        case .a, .b, .bs, .c: result = try ModelBenchmarks.run(args)
        case .handwritten: result = HandWrittenLoops.run(args)
        case .hold: result = try HoldBenchmark.run(args)
        case .recorder: result = try RecorderBenchmark.run(args)
        case .facility: result = try FacilityBenchmark.run(args)
        case .fleet: result = try FleetBenchmark.run(args)
        case .iforest: result = try IsolationForestBenchmark.run(args)
        case .summary: result = try SummaryBenchmark.run(args)
        case .experiment: result = try ExperimentBenchmark.run(args)
        case .selftest:
            let counted = AllocationCounterCheck.countFor(instances: 1_000)
            result = .object([("benchmark", .string("selftest")),
                              ("allocations_for_1000_instances", .uint(counted)),
                              ("alloc_counter_verified", .bool(counted >= 1_000))])
        }
        print(result.rendered)
        return 0
    } catch let error as UsageError {
        printToStandardError("twinlab-bench: \(error.message)")
        return 2
    } catch {
        printToStandardError("twinlab-bench: run failed: \(error)")
        return 1
    }
}

/// Writes one line to fd 2 directly; C's `stderr` global is not concurrency-safe in Swift 6.
func printToStandardError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

exit(main())
