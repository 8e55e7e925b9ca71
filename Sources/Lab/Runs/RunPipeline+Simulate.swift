import Scenario

extension RunPipeline {
    /// The result of a run that records nothing.
    public struct SimulationResult: Sendable {
        public var fingerprint: String
        public var events: UInt64
        public var kpis: [RunKPI]
    }

    /// Runs a scenario in memory, writing no file and no catalog row: for benchmarks, sweeps
    /// that only need KPIs, and tests. Same seed and scenario give the same KPIs as a
    /// recorded run (the recorder only observes); the fingerprint then covers events and KPIs
    /// only, so it differs from the recorded run's.
    public static func simulate(_ scenario: Scenario, seed: UInt64? = nil, horizonHours: Double? = nil) throws
        -> SimulationResult {
        let seed = seed ?? scenario.seed
        let horizon = min(horizonHours ?? .infinity, scenario.horizonHours)
        switch scenario.model {
        case .facility:
            let outcome = try FacilityRun.record(scenario: scenario, seed: seed, horizonHours: horizon, into: nil,
                                                 progress: nil)
            return SimulationResult(fingerprint: outcome.fingerprint, events: outcome.events, kpis: outcome.kpis)
        case .processing:
            let outcome = try ProcessingRun.record(scenario: scenario, seed: seed, horizonHours: horizon, into: nil,
                                                   progress: nil)
            return SimulationResult(fingerprint: outcome.fingerprint, events: outcome.events, kpis: outcome.kpis)
        case .fleet:
            let outcome = try FleetRun.record(scenario: scenario, seed: seed, horizonHours: horizon, into: nil,
                                              progress: nil)
            return SimulationResult(fingerprint: outcome.fingerprint, events: outcome.events, kpis: outcome.kpis)
        case .machineShop:
            throw RunError(code: .simulation, message: "in-memory runs support facility scenarios; "
                           + "'\(scenario.id)' is a machine_shop scenario — use `twinlab run`")
        }
    }
}
