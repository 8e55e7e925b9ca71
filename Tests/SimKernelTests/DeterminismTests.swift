import Testing
import SimKernel

/// Same seed ⇒ same fingerprint; different seeds differ; an unrelated component changes
/// nobody else's draws.
@Suite("Determinism")
struct DeterminismTests {
    /// A small shop: machines with named streams fail and queue for two technicians.
    func runShop(seed: UInt64, machines: Int = 6, extraComponent: Bool = false) throws -> (String, [Double]) {
        let sim = Simulation(seed: seed)
        let techs = Resource(name: "techs", capacity: 2)
        var firstDraws: [Double] = []
        if extraComponent {
            var noise = sim.streams.stream("ventilation fan")
            sim.every(.minutes(Int64(7))) { _ in _ = noise.uniform(); return true }
        }
        for i in 0..<machines {
            var rng = sim.streams.stream("machine/\(i)")
            firstDraws.append(rng.uniform())
            sim.start(ScriptedProcess("machine \(i)") { p, wake in
                switch p.step % 3 {
                case 0: p.hold(.hours(Distribution.weibull(shape: 2, scale: 50).sample(using: &rng)))
                case 1: p.request(techs)
                default:
                    p.release(techs)
                    p.hold(.hours(Distribution.exponential(mean: 3).sample(using: &rng)))
                }
                sim.fingerprint.combine(p.now.inHours)
            })
        }
        try sim.run(until: .days(Int64(60)))
        return (sim.fingerprint.hex, firstDraws)
    }

    @Test func sameSeedSameFingerprint() throws {
        let a = try runShop(seed: 2024)
        let b = try runShop(seed: 2024)
        #expect(a.0 == b.0)
        #expect(a.1 == b.1)
    }

    @Test func differentSeedsDiffer() throws {
        var seen = Set<String>()
        for seed in UInt64(1)...20 { seen.insert(try runShop(seed: seed).0) }
        #expect(seen.count == 20)
    }

    @Test func anUnrelatedComponentDoesNotChangeAnotherComponentsDraws() throws {
        let plain = try runShop(seed: 7)
        let withFan = try runShop(seed: 7, extraComponent: true)
        #expect(plain.1 == withFan.1)
        // The fan's events are part of the run, so the run fingerprint must change.
        #expect(plain.0 != withFan.0)
        let moreMachines = try runShop(seed: 7, machines: 8)
        #expect(Array(moreMachines.1.prefix(6)) == plain.1)
    }

    @Test func traceIsIdenticalAcrossRuns() throws {
        func trace() throws -> [String] {
            let sim = Simulation(seed: 5)
            let log = TraceLog()
            sim.addObserver(log)
            var rng = sim.streams.stream("p")
            sim.start(ScriptedProcess("p") { p, _ in
                if p.step < 50 { p.hold(.seconds(Distribution.exponential(mean: 3).sample(using: &rng))) }
            })
            try sim.run()
            return log.lines
        }
        let first = try trace()
        #expect(first.count == 51)
        #expect(first == (try trace()))
    }
}
