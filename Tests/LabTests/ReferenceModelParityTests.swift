import Testing
import SimKernel
import Lab

/// The kernel's reference models against the SimPy reference outputs (seed 42, portable RNG).
///
/// SimPy keeps time in `Double`; TwinLab rounds every delay to a 1 µs tick, so the
/// results agree to the rounding the tick imposes rather than bit for bit. Reference
/// values: docs/kernel.md, "Seed-42 reference outputs" (SimPy 4.1.2 and salabim agree bit for bit).
@Suite("Reference models agree with SimPy")
struct ReferenceModelParityTests {
    @Test func timeoutChurnEndsWhereSimPyEnds() throws {
        let outcome = try TimeoutChurn().run()
        // 1000 delays per process, each rounded by at most 0.5 µs = 1.4e-10 h.
        #expect(abs(outcome.finalTime - 1118.741846722531) < 1e-6)
        #expect(abs(outcome.sumOfCompletionTimes - 999920.2525281959) < 1e-3)
        #expect(outcome.events == 1_001_000)
    }

    @Test func mm3MatchesSimPyWaits() throws {
        let outcome = try MMcQueue().run()
        #expect(outcome.served == 200_000)
        #expect(abs(outcome.sumOfWaits - 287763.60051000316) / 287763.6 < 1e-6)
        #expect(abs(outcome.fractionWaiting - 0.708705) < 1e-5)
        #expect(abs(outcome.maxWait - 15.170543250715127) < 1e-5)
        #expect(abs(outcome.lastDeparture - 79878.25719600366) < 1e-5)
    }

    @Test func serverProcessFormulationGivesTheSameWaits() throws {
        var servers = MMcQueue()
        servers.style = .serverProcesses
        let a = try MMcQueue().run()
        let b = try servers.run()
        #expect(a.sumOfWaits == b.sumOfWaits)
        #expect(a.fractionWaiting == b.fractionWaiting)
        #expect(a.lastDeparture == b.lastDeparture)
        #expect(abs(a.serverUtilisation - b.serverUtilisation) < 1e-9)
        #expect(b.events < a.events)
    }

    @Test func factoryMatchesSimPy() throws {
        let outcome = try MachineRepairShop().run()
        #expect(outcome.failures == 53212)
        #expect(outcome.repairsCompleted == 53205)
        #expect(abs(outcome.availability - 0.9451900533266854) < 1e-7)
        #expect(abs(outcome.technicianUtilisation - 0.7089973973120565) < 1e-7)
        #expect(abs(outcome.meanWaitForTechnician - 1.1529657153275636) < 1e-5)
    }
}
