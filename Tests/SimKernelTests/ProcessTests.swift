import Testing
import SimKernel

@Suite("Processes")
struct ProcessTests {
    @Test func holdAdvancesTimeAndReturningFinishes() throws {
        let sim = Simulation()
        let journal = Journal()
        let p = sim.start(ScriptedProcess("p") { p, _ in
            journal.log("step \(p.step)", p.now)
            if p.step < 3 { p.hold(.seconds(Int64(10))) }
        })
        try sim.run()
        #expect(journal.entries == ["step 0@0.0", "step 1@10.0", "step 2@20.0", "step 3@30.0"])
        #expect(p.isFinished)
        #expect(p.wakes == [.started, .timeout, .timeout, .timeout])
        #expect(sim.liveProcessCount == 0)
    }

    @Test func startAtALaterTime() throws {
        let sim = Simulation()
        let p = sim.start(ScriptedProcess("late") { _, _ in }, at: .hours(Int64(2)))
        try sim.run()
        #expect(p.isFinished)
        #expect(sim.now == .hours(Int64(2)))
    }

    @Test func joiningAProcessDeliversItsResult() throws {
        let sim = Simulation()
        let worker = ScriptedProcess("worker") { p, _ in
            if p.step == 0 { p.hold(.minutes(Int64(5))) } else { p.result = 42 }
        }
        var seen: (Int?, SimTime)?
        sim.start(worker)
        sim.start(ScriptedProcess("boss") { p, wake in
            if case .signalled = wake { seen = (p.triggeredSignal?.value as? Int, p.now) } else { p.wait(for: worker.completion) }
        })
        try sim.run()
        #expect(seen?.0 == 42)
        #expect(seen?.1 == .minutes(Int64(5)))
    }

    @Test func passivateAndActivate() throws {
        let sim = Simulation()
        let sleeper = sim.start(ScriptedProcess("sleeper") { p, _ in if p.step == 0 { p.passivate() } })
        sim.schedule(at: .seconds(Int64(3))) { _ in #expect(sleeper.activate()) }
        try sim.run()
        #expect(sleeper.wakes == [.started, .activated])
        #expect(!sleeper.activate())
    }

    @Test func waitAllAndWaitAny() throws {
        let sim = Simulation()
        let a = sim.timeout(after: .seconds(Int64(2)), label: "a")
        let b = sim.timeout(after: .seconds(Int64(5)), label: "b")
        var anyAt: SimTime?, allAt: SimTime?, anyFired: [String] = []
        sim.start(ScriptedProcess("any") { p, wake in
            if case .signalled = wake {
                anyAt = p.now
                anyFired = (p.triggeredSignal?.value as? [Signal] ?? []).map(\.label)
            } else { p.waitAny([b, a]) }
        })
        sim.start(ScriptedProcess("all") { p, wake in
            if case .signalled = wake { allAt = p.now } else { p.waitAll([a, b]) }
        })
        try sim.run()
        #expect(anyAt == .seconds(Int64(2)))
        #expect(anyFired == ["a"])
        #expect(allAt == .seconds(Int64(5)))
    }

    @Test func waitingOnATriggeredSignalResumesAtOnce() throws {
        let sim = Simulation()
        let done = Signal(label: "done")
        done.trigger(value: "ok")
        var value: String?
        sim.start(ScriptedProcess("late") { p, wake in
            if case .signalled = wake { value = p.triggeredSignal?.value as? String } else { p.wait(for: done) }
        })
        try sim.run()
        #expect(value == "ok")
        #expect(!done.trigger())
    }
}
