import Foundation

/// One named number reported by one replication (a KPI such as "availability").
public struct ReplicationMetric: Sendable, Hashable, Codable {
    public let name: String
    public let value: Double

    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

/// Runs a model once per seed, in parallel across threads, and summarises the results.
///
/// Each replication is independent and single-threaded (the determinism contract); threads
/// only run different seeds side by side. Results are stored by seed index, never in
/// completion order, so the summary is identical for any parallelism and any thread timing.
///
///     let summary = try Replications.run(seeds: Array(1...20)) { seed in
///         let result = try MyModel(seed: seed).run()
///         return [ReplicationMetric("availability", result.availability)]
///     }
///     print(summary["availability"]!.interval)
public enum Replications {
    /// The number of processors the system makes available: the default parallelism.
    public static var defaultParallelism: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `body(seed)` for every seed, results in seed order, using up to `parallelism` threads.
    ///
    /// If any replication throws, the error of the failing seed that comes first in `seeds`
    /// is thrown as a `ReplicationError` (code `replicationFailed`) wrapping the original —
    /// the same error whatever the timing: once seed i has failed, seeds after i are skipped
    /// but seeds before i still run, since one of them might fail too.
    public static func map<T: Sendable>(
        seeds: [UInt64],
        parallelism: Int = defaultParallelism,
        _ body: @Sendable (UInt64) throws -> T
    ) throws -> [T] {
        precondition(parallelism >= 1, "Replications: parallelism \(parallelism) must be at least 1")
        if parallelism == 1 || seeds.count <= 1 {
            var results: [T] = []
            results.reserveCapacity(seeds.count)
            for (index, seed) in seeds.enumerated() {
                do {
                    results.append(try body(seed))
                } catch {
                    throw ReplicationError.failed(seed: seed, index: index, error: error)
                }
            }
            return results
        }

        let board = Board<T>(count: seeds.count)
        DispatchQueue.concurrentPerform(iterations: Swift.min(parallelism, seeds.count)) { _ in
            while let index = board.claim() {
                do {
                    board.store(try body(seeds[index]), at: index)
                } catch {
                    board.fail(at: index, error: error)
                }
            }
        }
        if let failure = board.firstFailure {
            throw ReplicationError.failed(seed: seeds[failure.index], index: failure.index, error: failure.error)
        }
        return board.results.map { $0! }
    }

    /// Runs `body` once per seed and summarises every metric with a t-interval at `level`.
    ///
    /// Metrics appear in the summary in first-seen order (seed order, then the order each run
    /// reported them). A run that reports the same metric name twice is an error
    /// (`duplicateMetric`); a metric that only some runs report is summarised over those runs.
    public static func run(
        seeds: [UInt64],
        level: Double = 0.95,
        parallelism: Int = defaultParallelism,
        _ body: @Sendable (UInt64) throws -> [ReplicationMetric]
    ) throws -> ReplicationSummary {
        let runs = try map(seeds: seeds, parallelism: parallelism, body)
        return try ReplicationSummary(seeds: seeds, runs: runs, level: level)
    }

    /// Shared state of one parallel `map`: the next index to hand out, the results by index and
    /// the earliest failure. Every access holds the lock; the body runs outside it.
    private final class Board<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private(set) var results: [T?]
        private(set) var firstFailure: (index: Int, error: any Error)?

        init(count: Int) { results = Array(repeating: nil, count: count) }

        /// The next index still worth running, or nil when none is left.
        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            // Indices are handed out in increasing order, so once the next one is past a known
            // failure, every remaining one is too.
            guard next < results.count, next < (firstFailure?.index ?? .max) else { return nil }
            next += 1
            return next - 1
        }

        func store(_ value: T, at index: Int) {
            lock.lock()
            results[index] = value
            lock.unlock()
        }

        func fail(at index: Int, error: any Error) {
            lock.lock()
            if index < (firstFailure?.index ?? .max) { firstFailure = (index, error) }
            lock.unlock()
        }
    }
}
