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

    /// Untimed runs made before the timed ones.
    var warmupRuns = 0
    /// Allocations of the very first (cold) run, warm-up included.
    var coldAllocations: UInt64 = 0

    /// Runs `body` untimed for at least `warmup` seconds (at least once when `warmup` > 0),
    /// then `runs` times, timing and counting each.
    ///
    /// Why warm up: on this VM the first runs of a freshly started process — more so right
    /// after another CPU-bound process such as the SimPy reference — take up to 1.5× the
    /// steady time for about 0.7 s (measured: 94, 95, 93, 85, 77, 66 … 63 ms for benchmark
    /// a). A SimPy run lasts seconds and absorbs this; a TwinLab run lasts tens of
    /// milliseconds, so without a warm-up the median would time the machine's ramp.
    static func repeating(_ runs: Int, warmup: Double = 0, _ body: () throws -> Result) rethrows -> Measurement {
        var m = Measurement()
        let clock = ContinuousClock()
        let warmupEnd = clock.now + .milliseconds(Int64(warmup * 1000))
        while warmup > 0 && (m.warmupRuns == 0 || clock.now < warmupEnd) {
            let before = twinlab_alloc_count()
            _ = try body()
            if m.warmupRuns == 0 { m.coldAllocations = twinlab_alloc_count() &- before }
            m.warmupRuns += 1
        }
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
        if m.warmupRuns == 0 { m.coldAllocations = m.allocations.first ?? 0 }
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
