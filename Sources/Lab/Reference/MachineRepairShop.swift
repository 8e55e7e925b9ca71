import Foundation
import SimKernel

/// Machines that fail and queue for technicians: benchmark (c) of the SimPy reference and the demo.
///
/// `machines` machines run for a random time to failure, then wait for one of
/// `technicians` (a FIFO `Resource`) and are repaired for a random time; all times in
/// hours. The defaults are the SimPy reference factory: Weibull(shape 2, scale 100 h)
/// time to failure and lognormal repair with mean 4 h and sd 2 h. With exponential
/// times it is the M/M/c//N machine-repairman system whose availability
/// `analyticAvailability` gives exactly (Gross & Harris, *Fundamentals of Queueing
/// Theory*, finite-source model). Availability is the time-average fraction of
/// machines up over the horizon.
public struct MachineRepairShop: Sendable, Codable, Equatable {
    public var machines = 50
    public var technicians = 3
    public var horizonHours = 100_000.0
    /// Time from (re)start to failure, hours.
    public var timeToFailure = Distribution.weibull(shape: 2, scale: 100)
    /// Repair duration once a technician starts, hours.
    public var repairTime = Distribution.lognormal(mean: 4, sd: 2)
    public var seed: UInt64 = 42
    public var variates = VariateScheme.portable

    public init() {}

    /// The SimPy reference's `--exponential` variant: the same means, exponential times.
    public static var exponentialReference: MachineRepairShop {
        var model = MachineRepairShop()
        model.timeToFailure = .exponential(mean: 100 * tgamma(1.5))
        model.repairTime = .exponential(mean: 4)
        return model
    }

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

    /// The shop's state at one sampling instant.
    public struct Sample: Sendable {
        public var hours: Double
        public var machinesDown: Int
        public var techniciansBusy: Int
        public var waitingForTechnician: Int
    }

    /// Something that happened to one machine, for event logs and ground-truth labels.
    public struct Event: Sendable {
        public enum Kind: Int, Sendable, CaseIterable {
            case failure = 0, repairStart = 1, repairEnd = 2
            public var name: String {
                switch self {
                case .failure: "failure"
                case .repairStart: "repair_start"
                case .repairEnd: "repair_end"
                }
            }
        }
        public var hours: Double
        public var machine: Int
        public var kind: Kind
    }

    /// Exact availability when both times are exponential (birth–death solution), else nil.
    public var analyticAvailability: Double? {
        guard case .exponential(let mttf) = timeToFailure, case .exponential(let mttr) = repairTime else { return nil }
        let λ = 1 / mttf, μ = 1 / mttr
        var p = [1.0]
        for n in 0..<machines {
            p.append(p[n] * Double(machines - n) * λ / (Double(min(n + 1, technicians)) * μ))
        }
        let total = p.reduce(0, +)
        let meanDown = p.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element } / total
        return 1 - meanDown / Double(machines)
    }

    /// Runs the model; `sample` (if given) is called every `sampleEvery`, after other events of that instant.
    public func run(sampleEvery: SimTime? = nil, sample: ((Sample) throws -> Void)? = nil,
                    events: ((Event) throws -> Void)? = nil, until stopTime: SimTime? = nil) throws -> Outcome {
        let sim = Simulation(seed: seed)
        let ledger = ShopLedger()
        ledger.onEvent = events
        let pool = Resource(name: "technicians", capacity: technicians)
        var shop: [RepairableMachine] = []
        for i in 0..<machines {
            let rng: ReferenceVariates = switch variates {
            case .portable: .portable(seed: seed, stream: UInt64(i))
            case .streams: .streams(sim.streams.stream("machine/\(i)"))
            }
            let machine = RepairableMachine(index: i, model: self, technicians: pool, ledger: ledger, rng: rng)
            shop.append(machine)
            sim.start(machine)
        }
        if let interval = sampleEvery, let sample {
            sim.every(interval, priority: .low, label: "sampler") { sim in
                try sample(Sample(hours: sim.now.inHours, machinesDown: ledger.machinesDown, techniciansBusy: pool.holders.count,
                                  waitingForTechnician: pool.waitingCount))
                return true
            }
        }
        let horizon = min(SimTime.hours(horizonHours), stopTime ?? .infinity)
        try sim.run(until: horizon)
        let h = horizon.inHours
        var down = ledger.downtime, busy = ledger.busy
        for machine in shop {
            if let since = machine.downSince { down += h - since }
            if let start = machine.repairStartedAt { busy += h - start }
        }
        return Outcome(availability: 1 - down / (Double(machines) * h),
                       technicianUtilisation: busy / (Double(technicians) * h),
                       failures: ledger.failures, repairsCompleted: ledger.repairs,
                       meanWaitForTechnician: ledger.repairs > 0 ? ledger.waitSum / Double(ledger.repairs) : 0,
                       events: sim.eventsProcessed, fingerprint: sim.fingerprint.hex)
    }
}

/// Running totals of the shop, hours.
///
/// Per-machine state (down since, repair start) lives in the machine processes, not in
/// arrays here: an array element written through a class reference costs a uniqueness check
/// and retain/release per write, a tenth of the model's time in benchmark (c).
final class ShopLedger {
    // A run is single-threaded: the stored properties of this file's classes skip the dynamic
    // exclusivity checks, which cost more than the models' work (docs/kernel.md).
    @exclusivity(unchecked) var downtime = 0.0, busy = 0.0, waitSum = 0.0
    @exclusivity(unchecked) var failures = 0, repairs = 0, machinesDown = 0
    @exclusivity(unchecked) var onEvent: ((MachineRepairShop.Event) throws -> Void)? {
        didSet { reportsEvents = onEvent != nil }
    }
    /// Whether anyone listens: checked first, so a run without a listener never touches
    /// the closure.
    @exclusivity(unchecked) private(set) var reportsEvents = false


    @inline(__always)
    func report(_ event: @autoclosure () -> MachineRepairShop.Event) throws {
        if reportsEvents, let onEvent { try onEvent(event()) }
    }
}

/// One machine: run → fail → wait for a technician → repair → run.
final class RepairableMachine: SimProcess {
    enum Phase { case running, awaitingTechnician, inRepair }
    let index: Int
    let model: MachineRepairShop
    let technicians: Resource
    let ledger: ShopLedger
    @exclusivity(unchecked) var rng: ReferenceVariates
    @exclusivity(unchecked) var phase = Phase.running
    @exclusivity(unchecked) var failedAt = 0.0
    @exclusivity(unchecked) var repairHours = 0.0
    /// When the machine last failed, if it is down now (read by the end-of-run accounting).
    @exclusivity(unchecked) var downSince: Double?
    /// When its current repair started, if it is in repair now.
    @exclusivity(unchecked) var repairStartedAt: Double?
    let timeToFailure: PreparedDistribution
    let repairTime: PreparedDistribution

    init(index: Int, model: MachineRepairShop, technicians: Resource, ledger: ShopLedger, rng: ReferenceVariates) {
        self.index = index
        self.model = model
        self.timeToFailure = PreparedDistribution(model.timeToFailure)
        self.repairTime = PreparedDistribution(model.repairTime)
        self.technicians = technicians
        self.ledger = ledger
        self.rng = rng
        super.init(name: "machine \(index)")
    }

    override func resume(_ wake: Wake) throws {
        switch (wake, phase) {
        case (.started, _):
            hold(.hours(rng.draw(timeToFailure)))
        case (_, .running):
            failedAt = now.inHours
            ledger.failures += 1
            ledger.machinesDown += 1
            downSince = failedAt
            try ledger.report(.init(hours: failedAt, machine: index, kind: .failure))
            // Drawn at failure, before queueing, as the SimPy reference does.
            repairHours = rng.draw(repairTime)
            if tryAcquire(technicians) {
                try startRepair()
            } else {
                phase = .awaitingTechnician
                request(technicians)
            }
        case (_, .awaitingTechnician):
            try startRepair()
        case (_, .inRepair):
            release(technicians)
            ledger.busy += repairHours
            repairStartedAt = nil
            ledger.downtime += now.inHours - failedAt
            downSince = nil
            ledger.machinesDown -= 1
            ledger.repairs += 1
            try ledger.report(.init(hours: now.inHours, machine: index, kind: .repairEnd))
            phase = .running
            hold(.hours(rng.draw(timeToFailure)))
        }
    }
    private func startRepair() throws {
        let start = now.inHours
        ledger.waitSum += start - failedAt
        repairStartedAt = start
        try ledger.report(.init(hours: start, machine: index, kind: .repairStart))
        phase = .inRepair
        hold(.hours(repairHours))
    }
}
