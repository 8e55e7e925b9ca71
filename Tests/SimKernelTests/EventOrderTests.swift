import Testing
import SimKernel

/// The event list fires in (time, priority, schedule order), whatever the structure inside.
@Suite("Event order")
struct EventOrderTests {
    struct Planned: Comparable {
        let time: Int64
        let priority: UInt8
        let order: Int
        static func < (a: Planned, b: Planned) -> Bool {
            (a.time, a.priority, a.order) < (b.time, b.priority, b.order)
        }
    }

    /// Property test: random times, priorities and zero-delay follow-ups over many seeds.
    @Test(arguments: 0..<200)
    func firesInKeyOrder(seed: Int) throws {
        let sim = Simulation(seed: UInt64(seed))
        var rng = sim.streams.stream("test")
        var planned: [Planned] = []
        var fired: [Int] = []
        let priorities: [EventPriority] = [.urgent, .high, .normal, .low]
        for order in 0..<300 {
            // Few distinct times so that ties are common.
            let time = Int64(rng.next() % 20)
            let priority = priorities[Int(rng.next() % 4)]
            planned.append(Planned(time: time, priority: priority.rawValue, order: order))
            sim.schedule(at: SimTime(ticks: time), priority: priority) { _ in fired.append(order) }
        }
        try sim.run()
        #expect(fired == planned.sorted().map(\.order))
    }

    @Test func zeroDelayEventsRunAfterEarlierScheduledSameTimeEvents() throws {
        let sim = Simulation()
        var log: [String] = []
        sim.schedule(at: .seconds(Int64(1))) { sim in
            log.append("a")
            sim.schedule(after: .zero) { _ in log.append("a-followup") }
            sim.schedule(after: .zero, priority: .urgent) { _ in log.append("a-urgent") }
        }
        sim.schedule(at: .seconds(Int64(1))) { _ in log.append("b") }
        sim.schedule(at: .seconds(Int64(1)), priority: .low) { _ in log.append("c-low") }
        try sim.run()
        #expect(log == ["a", "a-urgent", "b", "a-followup", "c-low"])
    }

    @Test func runUntilStopsBeforeTheLimitAndSetsNow() throws {
        let sim = Simulation()
        var fired: [Double] = []
        for s in [1.0, 2.0, 3.0] { sim.schedule(at: .seconds(s)) { sim in fired.append(sim.now.inSeconds) } }
        let outcome = try sim.run(until: .seconds(2.0))
        #expect(outcome == .reachedLimit)
        #expect(fired == [1.0])
        #expect(sim.now == .seconds(2.0))
        #expect(sim.peek() == .seconds(2.0))
        #expect(try sim.run() == .exhausted)
        #expect(fired == [1.0, 2.0, 3.0])
    }

    @Test func stepAndPeek() throws {
        let sim = Simulation()
        #expect(sim.peek() == nil)
        #expect(try sim.step() == false)
        let handle = sim.schedule(at: .minutes(5.0)) { _ in }
        sim.schedule(at: .minutes(7.0)) { _ in }
        #expect(sim.cancel(handle))
        #expect(!sim.cancel(handle))
        #expect(try sim.step())
        #expect(sim.now == .minutes(7.0))
        #expect(sim.eventsProcessed == 1)
    }

    @Test func stopAndStopConditions() throws {
        let sim = Simulation()
        var count = 0
        sim.every(.seconds(Int64(1))) { sim in
            count += 1
            if count == 5 { sim.stop(reason: "enough") }
            return true
        }
        #expect(try sim.run() == .stopped(reason: "enough"))
        #expect(count == 5)
        sim.addStopCondition { $0.now >= .seconds(Int64(9)) }
        #expect(try sim.run() == .conditionMet)
        #expect(sim.now == .seconds(Int64(9)))
    }

    @Test func schedulingInThePastIsATypedError() {
        let sim = Simulation()
        sim.schedule(at: .seconds(Int64(10))) { sim in sim.schedule(at: .seconds(Int64(5))) { _ in } }
        let error = #expect(throws: SimulationError.self) { try sim.run() }
        #expect(error?.code == .scheduleInPast)
        #expect(error?.time == .seconds(Int64(10)))
    }

    @Test func modelFaultsStopTheRunWithWhereAndWhen() {
        struct Overheated: Error {}
        let sim = Simulation()
        sim.start(ScriptedProcess("pump 7") { p, wake in
            if case .started = wake { p.hold(.hours(2.0)) } else { throw Overheated() }
        })
        sim.schedule(at: .hours(3.0)) { _ in Issue.record("the run should have stopped") }
        let error = #expect(throws: SimulationError.self) { try sim.run() }
        #expect(error?.code == .modelFault)
        #expect(error?.source == "process 'pump 7'")
        #expect(error?.time == .hours(2.0))
        #expect(error?.underlying is Overheated)
    }
}
