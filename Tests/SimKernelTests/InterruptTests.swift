import Testing
import SimKernel

@Suite("Interrupts")
struct InterruptTests {
    @Test func interruptCancelsAHoldAndCarriesTheCause() throws {
        let sim = Simulation()
        var remaining: SimTime?
        var cause: String?
        var holdEnds = SimTime.zero
        let machine = sim.start(ScriptedProcess("machine") { p, wake in
            switch wake {
            case .started:
                holdEnds = p.now + .hours(Int64(10))
                p.hold(.hours(Int64(10)))
            case .interrupted:
                remaining = holdEnds - p.now
                if case .custom(let reason, _) = p.interruption?.cause { cause = reason }
            default:
                Issue.record("the hold should never complete")
            }
        })
        sim.schedule(at: .hours(Int64(4))) { _ in #expect(machine.interrupt(.custom("breakdown"))) }
        try sim.run()
        #expect(remaining == .hours(Int64(6)))
        #expect(cause == "breakdown")
        #expect(sim.now == .hours(Int64(4)))
        #expect(!machine.interrupt(.custom("too late")))
    }

    @Test func interruptWithdrawsAQueuedRequest() throws {
        let sim = Simulation()
        let pool = Resource(name: "technician", capacity: 1)
        sim.start(ScriptedProcess("holder") { p, _ in
            switch p.step {
            case 0: p.request(pool)
            case 1: p.hold(.hours(Int64(5)))
            default: p.release(pool)
            }
        })
        let impatient = sim.start(ScriptedProcess("impatient") { p, wake in
            if case .started = wake { p.request(pool) }
            if case .granted = wake { Issue.record("a withdrawn request must not be granted") }
        })
        var thirdGrantedAt: SimTime?
        sim.start(ScriptedProcess("third") { p, wake in
            if case .started = wake { p.request(pool) } else if case .granted = wake { thirdGrantedAt = p.now; p.release(pool) }
        })
        sim.schedule(at: .hours(Int64(1))) { _ in impatient.interrupt(.custom("gave up")) }
        try sim.run()
        #expect(impatient.wakes == [.started, .interrupted])
        #expect(thirdGrantedAt == .hours(Int64(5)))
        #expect(pool.holders.isEmpty)
    }

    @Test func aGrantNotYetSeenIsHandedBack() throws {
        let sim = Simulation()
        let pool = Resource(name: "dryer", capacity: 1)
        var order: [String] = []
        let first = sim.start(ScriptedProcess("first") { p, wake in
            if case .started = wake { p.request(pool) }
            if case .interrupted = wake { order.append("first interrupted") }
            if case .granted = wake { Issue.record("grant should have been handed back") }
        })
        // Second starts after first was granted the unit but before first resumed with it.
        sim.start(ScriptedProcess("second") { p, wake in
            if case .started = wake {
                #expect(first.interrupt(.custom("cancel")))
                p.request(pool)
            }
            if case .granted = wake { order.append("second granted at \(p.now.inSeconds)"); p.release(pool) }
        })
        try sim.run()
        #expect(order == ["first interrupted", "second granted at 0.0"])
        #expect(pool.holders.isEmpty)
    }

    @Test func anItemHandedOverButNotYetSeenGoesBackToTheStore() throws {
        let sim = Simulation()
        let racks = Store<String>(name: "racks")
        let trimmer = sim.start(ScriptedProcess("trimmer") { p, wake in
            if wake == .started { p.get(from: racks) }
            if wake == .received { Issue.record("the hand-over should have been reclaimed") }
        })
        sim.schedule(at: .hours(Int64(1))) { sim in
            racks.insert("batch-7", at: sim.now)          // handed to the waiting trimmer
            #expect(racks.count == 0)
            #expect(trimmer.interrupt(.custom("shift end")))
            #expect(racks.items == ["batch-7"])           // back at the front, nothing lost
        }
        try sim.run()
        #expect(trimmer.wakes == [.started, .interrupted])
    }

    @Test func preemptionInterruptsTheLeastImportantHolder() throws {
        let sim = Simulation()
        let line = Resource(name: "line", capacity: 1)
        var preemptedBy: String?
        var heldSince: SimTime?
        sim.start(ScriptedProcess("routine batch") { p, wake in
            switch wake {
            case .started: p.request(line, priority: 5)
            case .granted: p.hold(.hours(Int64(8)))
            case .interrupted:
                if case let .preempted(by, _, since) = p.interruption?.cause { preemptedBy = by.name; heldSince = since }
            default: Issue.record("routine batch should be preempted, not finish")
            }
        })
        var rushDoneAt: SimTime?
        sim.start(ScriptedProcess("rush order") { p, wake in
            switch wake {
            case .started: p.request(line, priority: 0, preempt: true)
            case .granted: p.hold(.hours(Int64(1)))
            default: p.release(line); rushDoneAt = p.now
            }
        }, at: .hours(Int64(2)))
        try sim.run()
        #expect(preemptedBy == "rush order")
        #expect(heldSince == .zero)
        #expect(rushDoneAt == .hours(Int64(3)))
    }
}
