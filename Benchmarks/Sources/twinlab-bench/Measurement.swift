import CAllocCounter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall time and allocations of repeated runs of one workload.
///
/// Wall time comes from `ContinuousClock` (monotonic). Allocations are the malloc-family
/// calls counted by `CAllocCounter` while one run executes; the last run is reported
/// because the first also pays one-time runtime costs (type metadata, lazy globals).
struct Measurement<Result> {
    var seconds: [Double] = []
    /// CPU time of the process per run; on a loaded shared host it shows how much of the
    /// wall time the run was actually on a core.
    var cpuSeconds: [Double] = []
    var allocations: [UInt64] = []
    var results: [Result] = []

    var median: Double { Self.median(seconds) }
    var medianCPU: Double { Self.median(cpuSeconds) }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    var minimum: Double { seconds.min() ?? .nan }

    /// Allocations of the last (warm) run.
    var warmAllocations: UInt64 { allocations.last ?? 0 }

    /// Runs `body` `runs` times, timing and counting each.
    static func repeating(_ runs: Int, _ body: () throws -> Result) rethrows -> Measurement {
        var m = Measurement()
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let before = twinlab_alloc_count()
            let cpuStart = processCPUSeconds()
            let start = clock.now
            let result = try body()
            let elapsed = clock.now - start
            m.cpuSeconds.append(processCPUSeconds() - cpuStart)
            m.allocations.append(twinlab_alloc_count() &- before)
            m.seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            m.results.append(result)
        }
        return m
    }
}

/// CPU time consumed by this process so far, seconds.
func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Checks that the interposed malloc really sees the process's allocations.
///
/// Swift objects are allocated by libswiftCore (`swift_allocObject` → `malloc`), a
/// shared library, so this proves the executable's definition won symbol resolution.
enum AllocationCounterCheck {
    final class Probe { var value = 0 }

    /// Allocations counted while creating and dropping `count` class instances.
    static func countFor(instances count: Int) -> UInt64 {
        let before = twinlab_alloc_count()
        var keep: [Probe] = []
        keep.reserveCapacity(count)
        for i in 0..<count {
            let p = Probe()
            p.value = i
            keep.append(p)
        }
        let after = twinlab_alloc_count()
        // Keep the instances alive until counted, so the optimiser cannot stack-promote them.
        precondition(keep.count == count)
        return after &- before
    }

    /// True when 1000 instances cost at least 1000 counted allocations.
    static var isWorking: Bool { countFor(instances: 1_000) >= 1_000 }
}
