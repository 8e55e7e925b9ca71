import SimKernel

/// Benchmark (b) of the SimPy reference and the kernel's queueing validation: M/M/c.
///
/// A source process creates one customer process per Poisson arrival (rate λ per
/// hour); each customer requests one of `servers` units of a FIFO `Resource`, holds it
/// for an exponential service time (rate μ per hour) and leaves — SimPy's canonical
/// style, so the kernel's process, resource and zero-delay paths all get exercised.
/// Draws: stream 0 inter-arrival times, stream 1 service times in customer order.
/// The Erlang-C mean wait for c = 3, λ = 2.5, μ = 1 is 1.404494 h (`erlangC`).
public struct MMcQueue: Sendable {
    public var servers = 3
    public var arrivalRate = 2.5
    public var serviceRate = 1.0
    public var customers = 200_000
    public var seed: UInt64 = 42
    public var variates = VariateScheme.portable

    public init() {}

    /// Waiting-time statistics of one run (hours).
    public struct Outcome: Sendable {
        public var meanWait: Double
        public var sumOfWaits: Double
        public var fractionWaiting: Double
        public var maxWait: Double
        public var lastDeparture: Double
        public var served: Int
        public var serverUtilisation: Double
        public var events: UInt64
        public var fingerprint: String
    }

    /// Erlang C: probability of waiting and mean wait in queue (hours) for M/M/c.
    public static func erlangC(servers c: Int, arrivalRate λ: Double, serviceRate μ: Double)
        -> (probabilityOfWait: Double, meanWait: Double)
    {
        let a = λ / μ
        let rho = a / Double(c)
        precondition(rho < 1, "M/M/c is unstable at utilisation \(rho)")
        var term = 1.0
        var sum = 0.0
        for k in 0..<c {
            sum += term
            term *= a / Double(k + 1)
        }
        let top = term / (1 - rho)
        let pWait = top / (sum + top)
        return (pWait, pWait / (Double(c) * μ - λ))
    }

    public func run() throws -> Outcome {
        let sim = Simulation(seed: seed)
        let server = Resource(name: "servers", capacity: servers)
        let stats = WaitStatistics()
        switch variates {
        case .portable:
            sim.start(Source(model: self, server: server, stats: stats,
                             arrivals: SplitMix64(seed: seed, stream: 0), services: SplitMix64(seed: seed, stream: 1)))
        case .streams:
            sim.start(Source(model: self, server: server, stats: stats,
                             arrivals: StreamVariates(sim.streams.stream("arrivals")),
                             services: StreamVariates(sim.streams.stream("services"))))
        }
        try sim.run()
        return Outcome(meanWait: stats.sum / Double(max(stats.served, 1)), sumOfWaits: stats.sum,
                       fractionWaiting: Double(stats.waited) / Double(max(stats.served, 1)),
                       maxWait: stats.max, lastDeparture: sim.now.inHours, served: stats.served,
                       serverUtilisation: server.utilisation(until: sim.now),
                       events: sim.eventsProcessed, fingerprint: sim.fingerprint.hex)
    }
}

final class WaitStatistics {
    var sum = 0.0
    var waited = 0
    var max = 0.0
    var served = 0
}

final class Source<V: VariateSource>: SimProcess {
    let model: MMcQueue
    let server: Resource
    let stats: WaitStatistics
    var arrivals: V
    var services: V
    var created = 0

    init(model: MMcQueue, server: Resource, stats: WaitStatistics, arrivals: V, services: V) {
        self.model = model
        self.server = server
        self.stats = stats
        self.arrivals = arrivals
        self.services = services
        super.init(name: "source")
    }

    override func resume(_ wake: Wake) throws {
        if case .timeout = wake {
            let service = services.draw(.exponential(mean: 1 / model.serviceRate))
            simulation.start(Customer(server: server, stats: stats, service: .hours(service)))
        }
        guard created < model.customers else { return }
        created += 1
        hold(.hours(arrivals.draw(.exponential(mean: 1 / model.arrivalRate))))
    }
}

final class Customer: SimProcess {
    enum Phase { case arriving, queueing, inService }
    let server: Resource
    let stats: WaitStatistics
    let service: SimTime
    var phase = Phase.arriving
    var arrival = SimTime.zero

    init(server: Resource, stats: WaitStatistics, service: SimTime) {
        self.server = server
        self.stats = stats
        self.service = service
        super.init(name: "customer")
    }

    override func resume(_ wake: Wake) throws {
        switch phase {
        case .arriving:
            arrival = now
            if tryAcquire(server) {
                startService()
            } else {
                phase = .queueing
                request(server)
            }
        case .queueing:
            startService()
        case .inService:
            release(server)
            stats.served += 1
        }
    }

    private func startService() {
        let wait = (now - arrival).inHours
        stats.sum += wait
        if wait > 0 {
            stats.waited += 1
            if wait > stats.max { stats.max = wait }
        }
        phase = .inService
        hold(service)
    }
}
