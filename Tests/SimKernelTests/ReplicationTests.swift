import Foundation
import Testing
@testable import SimKernel

@Suite struct ReplicationTests {
    struct ModelFault: Error, Equatable { let seed: UInt64 }

    /// A small M/M/1 queue (Lindley recursion), one named stream per role.
    @Sendable static func queueModel(_ seed: UInt64) throws -> [ReplicationMetric] {
        let streams = RandomStreams(masterSeed: seed)
        var arrivals = streams.stream("arrivals")
        var services = streams.stream("services")
        let interArrival = Distribution.exponential(mean: 1.25)
        let service = Distribution.exponential(mean: 1.0)
        var wait = 0.0
        var waits = Tally()
        for _ in 0..<5_000 {
            waits.add(wait)
            wait = max(0, wait + service.sample(using: &services) - interArrival.sample(using: &arrivals))
        }
        var metrics = [ReplicationMetric("meanWait", waits.mean), ReplicationMetric("maxWait", waits.max)]
        if seed % 2 == 0 { metrics.append(ReplicationMetric("evenOnly", Double(seed))) }
        return metrics
    }

    @Test func identicalSummariesForAnyParallelism() throws {
        let seeds = Array(UInt64(1)...24)
        let serial = try Replications.run(seeds: seeds, parallelism: 1, Self.queueModel)
        let two = try Replications.run(seeds: seeds, parallelism: 2, Self.queueModel)
        let many = try Replications.run(seeds: seeds, parallelism: 7, Self.queueModel)
        #expect(serial == two)
        #expect(serial == many)
        #expect(serial.metrics.map(\.name) == ["meanWait", "maxWait", "evenOnly"])
        #expect(serial.seeds == seeds)
        let meanWait = try #require(serial["meanWait"])
        #expect(meanWait.values.count == 24 && meanWait.seeds == seeds)
        #expect(meanWait.values[4] == (try Self.queueModel(5))[0].value)
        #expect(meanWait.interval == ConfidenceInterval(samples: meanWait.values))
        let even = try #require(serial["evenOnly"])
        #expect(even.seeds == seeds.filter { $0 % 2 == 0 })
        #expect(even.values == even.seeds.map { Double($0) })
        // M/M/1 with ρ = 0.8: Wq = ρ/(μ − λ) = 3.2; 24 short runs put the estimate roughly there.
        #expect(meanWait.interval.mean > 2 && meanWait.interval.mean < 4.5)
    }

    @Test func mapKeepsSeedOrder() throws {
        let seeds: [UInt64] = (0..<50).map { UInt64(($0 * 37) % 50) }
        let results = try Replications.map(seeds: seeds, parallelism: 2) { seed -> UInt64 in
            // Uneven work so that completion order differs from seed order.
            var s = RandomStream(seed: seed)
            for _ in 0..<Int(seed % 5) * 20_000 { _ = s.next() }
            return seed * 10
        }
        #expect(results == seeds.map { $0 * 10 })
    }

    @Test func firstFailingSeedInSeedOrderIsReported() {
        let seeds = Array(UInt64(1)...40)
        for parallelism in [1, 2, 4] {
            do {
                _ = try Replications.run(seeds: seeds, parallelism: parallelism) { seed in
                    // Seed 31 fails fast; seed 12 fails after some work, so it finishes later.
                    if seed == 31 { throw ModelFault(seed: seed) }
                    if seed == 12 {
                        var s = RandomStream(seed: 1)
                        for _ in 0..<200_000 { _ = s.next() }
                        throw ModelFault(seed: seed)
                    }
                    return [ReplicationMetric("x", Double(seed))]
                }
                Issue.record("no error with parallelism \(parallelism)")
            } catch let error as ReplicationError {
                #expect(error.code == .replicationFailed)
                #expect(error.seed == 12 && error.index == 11)
                #expect(error.underlying as? ModelFault == ModelFault(seed: 12))
                #expect(error.message.contains("seed 12"))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func duplicateMetricIsAnError() {
        #expect(throws: ReplicationError.self) {
            try Replications.run(seeds: [1, 2], parallelism: 1) { _ in
                [ReplicationMetric("a", 1), ReplicationMetric("a", 2)]
            }
        }
        do {
            _ = try ReplicationSummary(seeds: [5], runs: [[ReplicationMetric("a", 1), ReplicationMetric("a", 1)]])
        } catch let error as ReplicationError {
            #expect(error.code == .duplicateMetric && error.seed == 5)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func emptySeedListGivesAnEmptySummary() throws {
        let summary = try Replications.run(seeds: [], parallelism: 2) { _ in [ReplicationMetric("a", 1)] }
        #expect(summary.metrics.isEmpty && summary.seeds.isEmpty)
    }

    @Test func summaryRoundTripsThroughJSON() throws {
        let summary = try Replications.run(seeds: [1, 2, 3], parallelism: 1, Self.queueModel)
        let data = try JSONEncoder().encode(summary)
        #expect(try JSONDecoder().decode(ReplicationSummary.self, from: data) == summary)
    }
}
