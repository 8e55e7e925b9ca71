import Testing
@testable import SimKernel

@Suite("Resources, stores and containers")
struct ResourceTests {
    /// Starts a process that requests `pool` at `at`, holds it for `hold`, and logs the grant.
    func customer(_ sim: Simulation, _ name: String, _ pool: Resource, at: Double, hold: Double,
                  priority: Int = 0, journal: Journal) {
        sim.start(ScriptedProcess(name) { p, wake in
            switch wake {
            case .started: p.request(pool, priority: priority)
            case .granted: journal.log(name, p.now); p.hold(.seconds(hold))
            default: p.release(pool)
            }
        }, at: .seconds(at))
    }

    @Test func fifoAmongEqualPriorities() throws {
        let sim = Simulation()
        let pool = Resource(name: "servers", capacity: 2)
        let journal = Journal()
        for (i, name) in ["a", "b", "c", "d"].enumerated() {
            customer(sim, name, pool, at: Double(i), hold: 10, journal: journal)
        }
        try sim.run()
        #expect(journal.entries == ["a@0.0", "b@1.0", "c@10.0", "d@11.0"])
        #expect(pool.waits.count == 4)
        // Busy 2 units from 1 to 20, 1 unit 0-1 and 20-21: mean over 21 s = (1 + 38 + 1) / 21 units.
        #expect(abs(pool.inUse.mean(until: sim.now) - 40.0 / 21.0) < 1e-12)
        #expect(abs(pool.utilisation(until: sim.now) - 20.0 / 21.0) < 1e-12)
    }

    @Test func lowerPriorityValueIsServedFirst() throws {
        let sim = Simulation()
        let pool = Resource(name: "tech", capacity: 1)
        let journal = Journal()
        customer(sim, "first", pool, at: 0, hold: 5, journal: journal)
        customer(sim, "low", pool, at: 1, hold: 1, priority: 9, journal: journal)
        customer(sim, "high", pool, at: 2, hold: 1, priority: 1, journal: journal)
        customer(sim, "high2", pool, at: 3, hold: 1, priority: 1, journal: journal)
        try sim.run()
        #expect(journal.entries == ["first@0.0", "high@5.0", "high2@6.0", "low@7.0"])
        #expect(abs(pool.queueLength.mean(until: sim.now) - (1 + 2 * 1 + 3 * 2 + 2 + 1) / 8.0) < 1e-12)
    }

    @Test func fastPathsTakeWithoutAnEventOnlyWhenFree() throws {
        let sim = Simulation()
        let pool = Resource(name: "tech", capacity: 1)
        let queue = Store<Int>(name: "queue")
        var log: [String] = []
        sim.start(ScriptedProcess("first") { p, wake in
            if wake == .started {
                #expect(p.tryAcquire(pool))
                #expect(p.tryGet(from: queue) == nil)
                queue.insert(7, at: p.now)
                #expect(p.tryGet(from: queue) == 7)
                log.append("first holds at \(p.now.inSeconds)")
                p.hold(.seconds(Int64(5)))
            } else {
                p.release(pool)
            }
        })
        sim.start(ScriptedProcess("second") { p, wake in
            switch wake {
            case .started:
                #expect(!p.tryAcquire(pool))
                p.request(pool)
            case .granted:
                log.append("second granted at \(p.now.inSeconds)")
                p.release(pool)
            default: break
            }
        })
        try sim.run()
        #expect(log == ["first holds at 0.0", "second granted at 5.0"])
        // The fast path made no event: start, hold end, second's start and grant only.
        #expect(sim.eventsProcessed == 4)
    }

    @Test func storeWithFilteredGetAndCapacity() throws {
        let sim = Simulation()
        let racks = Store<String>(name: "racks", capacity: 2)
        var received: [String] = []
        var putDoneAt: [SimTime] = []
        sim.start(ScriptedProcess("producer") { p, _ in
            let batches = ["veg-1", "flower-1", "flower-2"]
            if p.step > 0 { putDoneAt.append(p.now) }
            if p.step < batches.count { p.put(batches[p.step], into: racks) }
        })
        sim.start(ScriptedProcess("flower trimmer") { p, wake in
            if case .received = wake, let item = p.received(from: racks) { received.append("\(item)@\(p.now.inSeconds)") }
            if p.step < 1 { p.hold(.seconds(Int64(10))) } else if p.step < 3 {
                p.get(from: racks, where: { $0.hasPrefix("flower") })
            }
        })
        try sim.run()
        #expect(received == ["flower-1@10.0", "flower-2@10.0"])
        #expect(putDoneAt == [.zero, .zero, .seconds(Int64(10))])
        #expect(racks.items == ["veg-1"])
    }

    /// An item handed to a getter that does not collect it during that resume is dropped,
    /// and the store keeps nothing behind: the next delivery is read back alone.
    @Test func uncollectedHandOverIsDroppedAfterTheResume() throws {
        let sim = Simulation()
        let racks = Store<String>(name: "racks")
        var collected: [String?] = []
        var pendingAfterResume: [Int] = []
        sim.start(ScriptedProcess("trimmer") { p, wake in
            if wake == .received, p.step == 2 { collected.append(p.received(from: racks)) }
            if p.step < 2 { p.get(from: racks) }
        })
        sim.start(ScriptedProcess("dryer") { p, _ in
            pendingAfterResume.append(racks.uncollectedCount)
            switch p.step {
            case 0: p.hold(.seconds(Int64(1)))
            case 1: racks.insert("ignored", at: p.now); p.hold(.seconds(Int64(1)))
            case 2: racks.insert("kept", at: p.now); p.hold(.seconds(Int64(1)))
            default: break
            }
        })
        try sim.run()
        #expect(collected == ["kept"])
        #expect(racks.count == 0)
        #expect(racks.uncollectedCount == 0)
        #expect(racks.handedOver.isEmpty)
        // Each insert hands over at once; by the dryer's next resume the trimmer has run.
        #expect(pendingAfterResume == [0, 0, 0, 0])
    }

    @Test func containerBlocksUntilLevelAllows() throws {
        let sim = Simulation()
        let tank = Container(name: "CO2 tank (kg)", capacity: 50, initialLevel: 10)
        var tookAt: SimTime?
        sim.start(ScriptedProcess("injector") { p, wake in
            if case .started = wake { p.take(30, from: tank) } else { tookAt = p.now }
        })
        sim.schedule(at: .hours(Int64(1))) { sim in tank.add(upTo: 25, at: sim.now) }
        try sim.run()
        #expect(tookAt == .hours(Int64(1)))
        #expect(tank.level == 5)
        #expect(tank.draw(upTo: 100, at: sim.now) == 5)
    }
}
