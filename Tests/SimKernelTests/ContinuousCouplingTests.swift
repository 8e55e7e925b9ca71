import Testing
import Foundation
import SimKernel

/// The kernel advances continuous components to each event's time before the event runs.
@Suite("Continuous state between events")
struct ContinuousCouplingTests {
    /// Newton cooling of a room towards a setpoint the events change: dT/dt = k (T_set − T).
    final class Room: ContinuousProcess {
        var temperature = 30.0
        var setpoint = 30.0
        var time = SimTime.zero
        let k = 1.0 / 3600.0
        var advances: [SimTime] = []

        func advance(to target: SimTime) throws {
            let dt = (target - time).inSeconds
            temperature = setpoint + (temperature - setpoint) * exp(-k * dt)
            time = target
            advances.append(target)
        }
    }

    @Test func eventsSeeStateAtTheirOwnTime() throws {
        let sim = Simulation()
        let room = Room()
        sim.attach(room)
        var seen: [Double] = []
        sim.schedule(at: .hours(Int64(1))) { _ in room.setpoint = 20 }
        sim.schedule(at: .hours(Int64(2))) { _ in seen.append(room.temperature) }
        try sim.run(until: .hours(Int64(3)))
        #expect(room.advances == [.hours(Int64(1)), .hours(Int64(2)), .hours(Int64(3))])
        #expect(abs(seen[0] - (20 + 10 * exp(-1.0))) < 1e-12)
        #expect(abs(room.temperature - (20 + 10 * exp(-2.0))) < 1e-12)
    }

    @Test func integrationFailureStopsTheRun() {
        struct Diverged: Error {}
        final class Broken: ContinuousProcess {
            func advance(to time: SimTime) throws { if time > .hours(Int64(1)) { throw Diverged() } }
        }
        let sim = Simulation()
        sim.attach(Broken())
        sim.every(.minutes(Int64(30))) { _ in true }
        let error = #expect(throws: SimulationError.self) { try sim.run(until: .hours(Int64(5))) }
        #expect(error?.code == .integration)
        #expect(error?.underlying is Diverged)
    }
}
