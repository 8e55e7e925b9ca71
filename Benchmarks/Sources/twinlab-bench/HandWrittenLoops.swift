import SimKernel

/// The three reference models hand-written as bare event loops, the baseline for the kernel.
///
/// No processes, no resources, no statistics objects, no fingerprint: one binary heap of
/// (time, sequence, entity, kind) records with `Double` time, the model's state in plain
/// arrays, and the same SplitMix64 draws as SimPy. Because time is `Double` and the draws
/// and event order are SimPy's, each loop reproduces SimPy's reference outputs bit for bit
/// (a: final time 1118.741846722531; b: sum of waits 287763.60051000316; c: 53 212 failures,
/// availability 0.9451900533266854), which proves it runs the same model.
///
/// The ratio kernel ÷ loop says what the process-interaction kernel costs over code written
/// for one model: the premise is that such a loop (about 11.5 M events/s on the
/// timeout model) is the floor a kernel approaches. The heap is the textbook one (pop, then
/// push); the kernel's own heap does better on (a), so there the loop is no floor.
enum HandWrittenLoops {
    /// One pending event of a hand-written loop.
    struct Entry {
        var time: Double
        var sequence: UInt64
        var entity: Int32
        var kind: Int32

        @inline(__always) func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    /// A textbook binary min-heap (sift-up on push, sift-down on pop).
    struct Heap {
        var items: [Entry] = []
        var nextSequence: UInt64 = 0

        init(capacity: Int) { items.reserveCapacity(capacity) }

        mutating func push(_ time: Double, entity: Int, kind: Int32 = 0) {
            let entry = Entry(time: time, sequence: nextSequence, entity: Int32(entity), kind: kind)
            nextSequence &+= 1
            items.append(entry)
            var i = items.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if !entry.precedes(items[parent]) { break }
                items[i] = items[parent]
                i = parent
            }
            items[i] = entry
        }

        mutating func pop() -> Entry? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            if !items.isEmpty {
                let n = items.count
                var i = 0
                while true {
                    var child = 2 * i + 1
                    if child >= n { break }
                    if child + 1 < n && items[child + 1].precedes(items[child]) { child += 1 }
                    if !items[child].precedes(last) { break }
                    items[i] = items[child]
                    i = child
                }
                items[i] = last
            }
            return top
        }
    }

    /// What one hand-written run produced.
    struct Outcome {
        var modelEvents: Int
        var outputs: [(String, JSONValue)]
    }

    /// (a): 1000 entities, each holding 1000 times for Exp(1) h.
    static func timeouts(seed: UInt64 = 42, processes: Int = 1_000, holdsEach: Int = 1_000) -> Outcome {
        var rngs = (0..<processes).map { SplitMix64(seed: seed, stream: UInt64($0)) }
        var left = [Int](repeating: holdsEach, count: processes)
        var heap = Heap(capacity: processes)
        // SimPy starts every process at t = 0 in order; each draws its first hold then.
        for p in 0..<processes {
            left[p] -= 1
            heap.push(rngs[p].exponential(rate: 1), entity: p)
        }
        var finalTime = 0.0
        while let event = heap.pop() {
            let p = Int(event.entity)
            if left[p] == 0 {
                finalTime = max(finalTime, event.time)
                continue
            }
            left[p] -= 1
            heap.push(event.time + rngs[p].exponential(rate: 1), entity: p)
        }
        return Outcome(modelEvents: processes * holdsEach, outputs: [("final_time", .number(finalTime))])
    }

    /// (b): M/M/3, λ = 2.5, μ = 1, 200 000 customers served first come, first served.
    static func queue(seed: UInt64 = 42, customers: Int = 200_000, servers: Int = 3) -> Outcome {
        let arrivalRate = 2.5, serviceRate = 1.0
        var arrivals = SplitMix64(seed: seed, stream: 0)
        var services = SplitMix64(seed: seed, stream: 1)
        var heap = Heap(capacity: 16)
        var line: [(arrival: Double, service: Double)] = []
        line.reserveCapacity(customers)
        var head = 0, free = servers, created = 1
        var sumOfWaits = 0.0
        let arrival: Int32 = 0, departure: Int32 = 1
        heap.push(arrivals.exponential(mean: 1 / arrivalRate), entity: 0, kind: arrival)
        while let event = heap.pop() {
            let now = event.time
            if event.kind == arrival {
                let service = services.exponential(mean: 1 / serviceRate)
                if free > 0 {
                    free -= 1
                    heap.push(now + service, entity: 0, kind: departure)
                } else {
                    line.append((now, service))
                }
                if created < customers {
                    created += 1
                    heap.push(now + arrivals.exponential(mean: 1 / arrivalRate), entity: 0, kind: arrival)
                }
            } else if head < line.count {
                let next = line[head]
                head += 1
                sumOfWaits += now - next.arrival
                heap.push(now + next.service, entity: 0, kind: departure)
            } else {
                free += 1
            }
        }
        return Outcome(modelEvents: 2 * customers, outputs: [("sum_wait", .number(sumOfWaits))])
    }

    /// (c): 50 machines, Weibull(2, 100 h) to failure, 3 technicians (FIFO), lognormal repairs.
    static func factory(seed: UInt64 = 42, machines: Int = 50, technicians: Int = 3,
                        horizon: Double = 100_000) -> Outcome {
        let repair = SplitMix64.lognormalParameters(mean: 4, sd: 2)
        var rngs = (0..<machines).map { SplitMix64(seed: seed, stream: UInt64($0)) }
        var repairHours = [Double](repeating: 0, count: machines)
        var downSince = [Double?](repeating: nil, count: machines)
        var repairStart = [Double?](repeating: nil, count: machines)
        var heap = Heap(capacity: machines)
        var waiting: [Int] = []
        var head = 0, free = technicians
        var failures = 0, repairs = 0
        var downtime = 0.0, busy = 0.0
        let failure: Int32 = 0, repaired: Int32 = 1
        for i in 0..<machines { heap.push(rngs[i].weibull(shape: 2, scale: 100), entity: i, kind: failure) }
        while let first = heap.items.first, first.time < horizon, let event = heap.pop() {
            let i = Int(event.entity), now = event.time
            if event.kind == failure {
                failures += 1
                downSince[i] = now
                repairHours[i] = rngs[i].lognormal(mu: repair.mu, sigma: repair.sigma)
                if free > 0 {
                    free -= 1
                    repairStart[i] = now
                    heap.push(now + repairHours[i], entity: i, kind: repaired)
                } else {
                    waiting.append(i)
                }
            } else {
                repairs += 1
                busy += repairHours[i]
                downtime += now - downSince[i]!
                downSince[i] = nil
                repairStart[i] = nil
                if head < waiting.count {
                    let j = waiting[head]
                    head += 1
                    repairStart[j] = now
                    heap.push(now + repairHours[j], entity: j, kind: repaired)
                } else {
                    free += 1
                }
                heap.push(now + rngs[i].weibull(shape: 2, scale: 100), entity: i, kind: failure)
            }
        }
        for i in 0..<machines {
            if let since = downSince[i] { downtime += horizon - since }
            if let start = repairStart[i] { busy += horizon - start }
        }
        return Outcome(modelEvents: failures + repairs,
                       outputs: [("availability", .number(1 - downtime / (Double(machines) * horizon))),
                                 ("failures", .int(failures)), ("repairs_completed", .int(repairs)),
                                 ("tech_utilisation", .number(busy / (Double(technicians) * horizon)))])
    }

    static func run(_ args: Arguments) -> JSONValue {
        let models: [(String, () -> Outcome)] = [("a", { timeouts() }), ("b", { queue() }), ("c", { factory() })]
        var fields: [(String, JSONValue)] = [("benchmark", .string("handwritten")), ("engine", .string("hand-written loop"))]
        for (key, body) in models {
            let m = Measurement.repeating(args.runs, warmup: args.warmup, body)
            let outcome = m.results[0]
            var entry: [(String, JSONValue)] = [
                ("median_s", .number(m.median)), ("min_s", .number(m.minimum)),
                ("model_events", .int(outcome.modelEvents)),
                ("model_events_per_s", .number(Double(outcome.modelEvents) / m.median)),
            ]
            entry += outcome.outputs
            fields.append((key, .object(entry)))
        }
        return .object(fields)
    }
}
