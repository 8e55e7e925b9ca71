import Foundation
import SimKernel

/// Benchmark (c) of the SimPy reference and the demo model: machines, failures, technicians.
///
/// `machines` machines run for a Weibull(shape, scale) time to failure (hours), then
/// wait for one of `technicians` (a FIFO `Resource`) and are repaired for a lognormal
/// time with the given mean and standard deviation (hours); with `exponential` both
/// times are exponential with the same means, which makes the model the M/M/c//N
/// machine-repairman system whose availability `analyticAvailability` gives exactly.
/// Availability is the time-average fraction of machines up over `horizon` hours.
public struct MachineRepairShop: Sendable, Codable, Equatable {
    public var machines = 50
    public var technicians = 3
    public var horizonHours = 100_000.0
    public var weibullShape = 2.0
    public var weibullScaleHours = 100.0
    public var repairMeanHours = 4.0
    public var repairSDHours = 2.0
    public var exponential = false
    public var seed: UInt64 = 42
    public var variates = VariateScheme.portable

    public init() {}

    /// Results of one run.
    public struct Outcome: Sendable, Codable, Equatable {
        public var availability: Double
        public var technicianUtilisation: Double
        public var failures: Int
        public var repairsCompleted: Int
        /// Mean wait from failure to the start of repair, hours.
        public var meanWaitForTechnician: Double
        public var events: UInt64
        public var fingerprint: String
    }

    /// Mean time to failure, hours: scale·Γ(1 + 1/shape).
    public var meanTimeToFailure: Double { weibullScaleHours * tgamma(1 + 1 / weibullShape) }

    /// Exact availability of the exponential variant (birth–death solution of M/M/c//N).
    public var analyticAvailability: Double {
        let λ = 1 / meanTimeToFailure, μ = 1 / repairMeanHours
        var p = [1.0]
        for n in 0..<machines {
            p.append(p[n] * Double(machines - n) * λ / (Double(min(n + 1, technicians)) * μ))
        }
        let total = p.reduce(0, +)
        let meanDown = p.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element } / total
        return 1 - meanDown / Double(machines)
    }

    public func run(observers: [any SimulationObserver] = []) throws -> Outcome {
        let sim = Simulation(seed: seed)
        for observer in observers { sim.addObserver(observer) }
        let shop = ShopLedger(machines: machines)
        let technicianPool = Resource(name: "technicians", capacity: technicians)
        for i in 0..<machines {
            switch variates {
            case .portable:
                sim.start(RepairableMachine(index: i, model: self, technicians: technicianPool, ledger: shop,
                                            rng: SplitMix64(seed: seed, stream: UInt64(i))))
            case .streams:
                sim.start(RepairableMachine(index: i, model: self, technicians: technicianPool, ledger: shop,
                                            rng: StreamVariates(sim.streams.stream("machine/\(i)"))))
            }
        }
        let horizon = SimTime.hours(horizonHours)
        try sim.run(until: horizon)
        let h = horizon.inHours
        var down = shop.downtime, busy = shop.busy
        for i in 0..<machines {
            if let since = shop.downSince[i] { down += h - since }
            if let start = shop.repairStart[i] { busy += h - start }
        }
        return Outcome(availability: 1 - down / (Double(machines) * h),
                       technicianUtilisation: busy / (Double(technicians) * h),
                       failures: shop.failures, repairsCompleted: shop.repairs,
                       meanWaitForTechnician: shop.repairs > 0 ? shop.waitSum / Double(shop.repairs) : 0,
                       events: sim.eventsProcessed, fingerprint: sim.fingerprint.hex)
    }
}

/// Running totals of the shop, hours.
final class ShopLedger {
    var downSince: [Double?]
    var repairStart: [Double?]
    var downtime = 0.0, busy = 0.0, waitSum = 0.0
    var failures = 0, repairs = 0

    init(machines: Int) {
        downSince = Array(repeating: nil, count: machines)
        repairStart = Array(repeating: nil, count: machines)
    }
}

/// One machine: run → fail → wait for a technician → repair → run.
final class RepairableMachine<V: ReferenceVariates>: SimProcess {
    enum Phase { case running, awaitingTechnician, inRepair }
    let index: Int
    let model: MachineRepairShop
    let technicians: Resource
    let ledger: ShopLedger
    var rng: V
    var phase = Phase.running
    var failedAt = 0.0
    var repairHours = 0.0
    let lognormal: (mu: Double, sigma: Double)

    init(index: Int, model: MachineRepairShop, technicians: Resource, ledger: ShopLedger, rng: V) {
        self.index = index
        self.model = model
        self.technicians = technicians
        self.ledger = ledger
        self.rng = rng
        self.lognormal = SplitMix64.lognormalParameters(mean: model.repairMeanHours, sd: model.repairSDHours)
        super.init(name: "machine \(index)")
    }

    override func resume(_ wake: Wake) throws {
        switch (wake, phase) {
        case (.started, _):
            hold(.hours(timeToFailure()))
        case (_, .running):
            failedAt = now.inHours
            ledger.failures += 1
            ledger.downSince[index] = failedAt
            repairHours = model.exponential
                ? rng.exponential(mean: model.repairMeanHours)
                : rng.lognormal(mu: lognormal.mu, sigma: lognormal.sigma)
            phase = .awaitingTechnician
            request(technicians)
        case (_, .awaitingTechnician):
            let start = now.inHours
            ledger.waitSum += start - failedAt
            ledger.repairStart[index] = start
            phase = .inRepair
            hold(.hours(repairHours))
        case (_, .inRepair):
            release(technicians)
            let end = now.inHours
            ledger.busy += repairHours
            ledger.repairStart[index] = nil
            ledger.downtime += end - failedAt
            ledger.downSince[index] = nil
            ledger.repairs += 1
            phase = .running
            hold(.hours(timeToFailure()))
        }
    }

    private func timeToFailure() -> Double {
        model.exponential
            ? rng.exponential(mean: model.meanTimeToFailure)
            : rng.weibull(shape: model.weibullShape, scale: model.weibullScaleHours)
    }
}
