// Throughput of RuleEngine.evaluate: 20 rules (3 machines × the document defaults, the grow-room
// preset and one rate rule) on 1-minute readings, 1,000,000 evaluations, with the thread's CPU
// time and the malloc calls made inside the loop. Built by ../run-rules-benchmark.sh.
// Default readings sit at ±2.5 % around the thresholds (≈ 10 % of calls emit an event: the
// worst case for branch prediction and the alert log); `quiet` scales them to 80 % (no events).
import Foundation

@_silgen_name("twinlab_alloc_count") func allocCount() -> UInt64

var sets: [RuleSet] = (1...3).map { RuleSet.documentDefaults.scoped(to: "m\($0)") }   // 15 rules
sets.append(RuleSet.growRoom)                                                     // 4 rules
let extra = try! RuleSpec(id: "warming", signal: "measured_air_temperature",
                          condition: .rateAbove(perHour: 4, windowSeconds: 1800), severity: .info, hysteresis: 1)
let set = RuleSet(name: "bench", rules: RuleSet.combined(sets, name: "b").rules + [extra])   // 20 rules
var engine = try! RuleEngine(signals: set.signals, rules: set.rules)
let n = 1_000_000
var values = [Double](repeating: 0, count: set.signals.count)
var state: UInt64 = 42
@MainActor func noise() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1.0p-53 - 0.5
}
// Precompute inputs so only evaluate is timed.
let rows = 4096
var table = [Double](repeating: 0, count: rows * values.count)
for r in 0..<rows {
    for (s, name) in set.signals.enumerated() {
        let base: Double = name.hasSuffix("temperature") ? (name.hasPrefix("m") && !name.hasPrefix("measured") ? 74 : 29) :
            name.hasSuffix("power") ? 10 : name.hasSuffix("vibration") ? 2.4 : name.hasSuffix("humidity") ? 84 : 1900
        table[r * values.count + s] = base * (CommandLine.arguments.contains("quiet") ? 0.8 : 1) * (1 + 0.05 * noise())
    }
}
var events = 0
let a0 = allocCount()
var c0 = timespec(); clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0)
table.withUnsafeBufferPointer { t in
    let w = values.count
    for k in 0..<n {
        let row = UnsafeBufferPointer(rebasing: t[(k % rows) * w ..< (k % rows) * w + w])
        events += engine.evaluate(time: Double(k) * 60, values: row)
    }
}
var c1 = timespec(); clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1)
let a1 = allocCount()
let seconds = Double(c1.tv_sec - c0.tv_sec) + Double(c1.tv_nsec - c0.tv_nsec) * 1e-9
print("rules: \(set.rules.count), evaluations: \(n), events: \(events), alerts: \(engine.alerts.count)")
print(String(format: "%.1f ns per evaluation (%.2f ns per rule), %.3f s thread CPU time", seconds / Double(n) * 1e9, seconds / Double(n * set.rules.count) * 1e9, seconds))
print("allocations during the loop: \(a1 - a0)")
