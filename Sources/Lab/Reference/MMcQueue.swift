import SimKernel

/// Benchmark (b) of the SimPy reference and the kernel's queueing validation: M/M/c.
///
/// Two ways to write the same system, chosen by `style`:
/// - `.customerProcesses` (SimPy's canonical style): a source process creates one
///   customer process per Poisson arrival (rate λ per hour); each customer requests one
///   of `servers` units of a FIFO `Resource`, holds it for an exponential service time
///   (rate μ per hour) and leaves. Exercises process creation, resources and zero-delay
///   wake-ups.
/// - `.serverProcesses`: customers are values queued in a FIFO `Store`; `servers` server
///   processes take the next customer (or wait for one) and serve it. The same queue
///   discipline and the same draws, with no object per customer.
/// Draws: stream 0 inter-arrival times, stream 1 service times in customer order.
/// The Erlang-C mean wait for c = 3, λ = 2.5, μ = 1 is 1.404494 h (`erlangC`).
public struct MMcQueue: Sendable {
    public var servers = 3
    public var arrivalRate = 2.5
    public var serviceRate = 1.0
    public var customers = 200_000
    public var seed: UInt64 = 42
    public var variates = VariateScheme.portable
    public var style = Style.customerProcesses

    /// How the model is decomposed into processes (results are the same).
    public enum Style: String, Sendable, Codable, CaseIterable {
        case customerProcesses
        case serverProcesses
    }

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
        let stats = WaitStatistics()
        let arrival: CustomerArrival
        switch style {
        case .customerProcesses:
            let server = Resource(name: "servers", capacity: servers)
            arrival = { sim, customer in
                sim.start(Customer(server: server, stats: stats, service: customer.service))
            }
            stats.utilisation = { server.utilisation(until: $0) }
        case .serverProcesses:
            let line = Store<QueuedCustomer>(name: "queue")
            let pool = (0..<servers).map { _ in sim.start(Server(line: line, stats: stats)) }
            arrival = { sim, customer in line.insert(customer, at: sim.now) }
            stats.utilisation = { time in pool.reduce(0) { $0 + $1.busy.integral(until: time) } / (Double(pool.count) * time.inSeconds) }
        }
        switch variates {
        case .portable:
            sim.start(Source(model: self, arrival: arrival, arrivals: .portable(seed: seed, stream: 0),
                             services: .portable(seed: seed, stream: 1)))
        case .streams:
            sim.start(Source(model: self, arrival: arrival, arrivals: .streams(sim.streams.stream("arrivals")),
                             services: .streams(sim.streams.stream("services"))))
        }
        try sim.run()
        return Outcome(meanWait: stats.sum / Double(max(stats.served, 1)), sumOfWaits: stats.sum,
                       fractionWaiting: Double(stats.waited) / Double(max(stats.served, 1)),
                       maxWait: stats.max, lastDeparture: sim.now.inHours, served: stats.served,
                       serverUtilisation: stats.utilisation(sim.now),
                       events: sim.eventsProcessed, fingerprint: sim.fingerprint.hex)
    }
}

final class WaitStatistics {
    // A run is single-threaded: the stored properties of this file's classes skip the dynamic
    // exclusivity checks, which cost more than the models' work (docs/kernel.md).
    @exclusivity(unchecked) var sum = 0.0
    @exclusivity(unchecked) var waited = 0
    @exclusivity(unchecked) var max = 0.0
    @exclusivity(unchecked) var served = 0
    @exclusivity(unchecked) var utilisation: (SimTime) -> Double = { _ in .nan }

    func record(wait: Double) {
        sum += wait
        if wait > 0 {
            waited += 1
            if wait > max { max = wait }
        }
    }
}

/// A customer as the queue sees it: when it arrived and how long its service takes.
struct QueuedCustomer {
    var arrival: SimTime
    var service: SimTime
}

typealias CustomerArrival = (Simulation, QueuedCustomer) -> Void

/// Creates customers: draws the gap to the next arrival, then its service time.
final class Source: SimProcess {
    let model: MMcQueue
    let arrival: CustomerArrival
    @exclusivity(unchecked) var arrivals: ReferenceVariates
    @exclusivity(unchecked) var services: ReferenceVariates
    @exclusivity(unchecked) var created = 0

    init(model: MMcQueue, arrival: @escaping CustomerArrival, arrivals: ReferenceVariates,
         services: ReferenceVariates) {
        self.model = model
        self.arrival = arrival
        self.arrivals = arrivals
        self.services = services
        super.init(name: "source")
    }

    override func resume(_ wake: Wake) throws {
        if wake == .timeout {
            let service = services.draw(.exponential(mean: 1 / model.serviceRate))
            arrival(simulation, QueuedCustomer(arrival: now, service: .hours(service)))
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
    @exclusivity(unchecked) var phase = Phase.arriving
    @exclusivity(unchecked) var arrival = SimTime.zero

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
        stats.record(wait: (now - arrival).inHours)
        phase = .inService
        hold(service)
    }
}

/// One server of the `.serverProcesses` style: take the next customer, serve, repeat.
final class Server: SimProcess {
    let line: Store<QueuedCustomer>
    let stats: WaitStatistics
    @exclusivity(unchecked) var busy = TimeWeightedStatistic()

    init(line: Store<QueuedCustomer>, stats: WaitStatistics) {
        self.line = line
        self.stats = stats
        super.init(name: "server")
    }

    override func resume(_ wake: Wake) throws {
        switch wake {
        case .received:
            if let customer = received(from: line) { serve(customer) }
            return
        case .timeout:
            stats.served += 1
            busy.update(level: 0, at: now)
        default:
            break
        }
        if let next = tryGet(from: line) { serve(next) } else { get(from: line) }
    }

    private func serve(_ customer: QueuedCustomer) {
        stats.record(wait: (now - customer.arrival).inHours)
        busy.update(level: 1, at: now)
        hold(customer.service)
    }
}
