import Control
import Scenario

/// Finds a lighting-schedule and setpoint policy that earns more than the baseline controller
/// under the scenario's tariff, by cross-entropy search over episodes of the twin itself.
///
/// The policy is one ``RoomPolicy`` for every room — lights-on hour (0–24), day and night
/// air-temperature offsets (−2…+2 °C) and CO₂ target while lit (600–1400 ppm) — held for the
/// episode. Its
/// objective is the negative episode return of ``FacilityEnvironment`` (crop value − energy and
/// demand cost − discomfort penalty), plus a steep penalty on any temperature discomfort beyond
/// the baseline's, so a schedule cannot win by starving or cooking the crop: the result is at
/// equal or better climate compliance, or it is the baseline itself. Both the baseline and every candidate run from the same seed (common random
/// numbers), so differences are the policy's, not the noise's.
public enum ScheduleOptimization {
    /// The search's result with both KPI sets for the report.
    public struct Outcome: Sendable {
        public var policy: RoomPolicy
        public var baselineReturn: Double
        public var optimizedReturn: Double
        public var baselineKPIs: [RunKPI]
        public var optimizedKPIs: [RunKPI]
        /// Best return after each CEM iteration.
        public var history: [Double]
        public var evaluations: Int
    }

    public static func run(_ scenario: Scenario, days: Double, seed: UInt64, iterations: Int = 8, population: Int = 16,
                           weights: FacilityEnvironment.RewardWeights = .init()) throws -> Outcome {
        let environment = try FacilityEnvironment(scenario: scenario, decisionHours: 24, episodeHours: days * 24,
                                                  weights: weights)
        let rooms = environment.spec.rooms.count
        func episode(_ policy: RoomPolicy) throws -> (return: Double, discomfort: Double) {
            _ = try environment.reset(seed: seed)
            var total = 0.0
            while true {
                let step = try environment.step(Array(repeating: policy, count: rooms))
                total += step.reward
                if step.truncated { return (total, step.info["discomfort"] ?? 0) }
            }
        }
        func policy(_ x: [Double]) -> RoomPolicy {
            RoomPolicy(lightsOnHour: x[0], temperatureOffset: x[1], nightTemperatureOffset: x[2], co2Target: x[3]).clamped
        }
        let baseline = try episode(RoomPolicy())
        let baselineReturn = baseline.return
        let baselineKPIs = try environment.kpis()
        /// Currency per K·h of discomfort above the baseline's: far above any energy saving.
        let compliancePenalty = 1e4
        let start = environment.spec.rooms.first?.lighting.lightsOnHour ?? 6
        let search = try CrossEntropyMethod(lower: [0, -2, -2, 600], upper: [23.99, 2, 2, 1400],
                                            initialMean: [start, 0, 0, 1000], initialStandardDeviation: [6, 1, 1, 200],
                                            populationSize: population, eliteCount: max(2, population / 4),
                                            iterations: iterations)
        let result = try search.minimize(seed: seed) { x in
            let outcome = try episode(policy(x))
            return -outcome.return + compliancePenalty * max(0, outcome.discomfort - baseline.discomfort)
        }
        var best = policy(result.best)
        let candidate = try episode(best)
        var bestReturn = candidate.return
        if bestReturn < baselineReturn || candidate.discomfort > baseline.discomfort {
            // Never recommend something worse than doing nothing.
            best = RoomPolicy()
            bestReturn = baselineReturn
        }
        _ = try episode(best)
        return Outcome(policy: best, baselineReturn: baselineReturn, optimizedReturn: bestReturn,
                       baselineKPIs: baselineKPIs, optimizedKPIs: try environment.kpis(),
                       history: result.history.map { -$0 }, evaluations: result.evaluations + 2)
    }
}
