import Foundation
import SimKernel
import TwinModels
import Scenario

/// A Gymnasium-style environment over the facility twin: `reset(seed:)` → observation,
/// `step(action)` → observation, reward, terminated, truncated, diagnostics.
///
/// Each step runs the twin for one decision interval under the action's ``RoomPolicy`` per
/// room (lights-on hour, setpoint offset, CO₂ target, curtailment); the baseline controller
/// keeps closing the loops underneath. The reward is the interval's crop value minus its
/// energy cost (energy and demand charges) minus a penalty per K·h of temperature outside
/// the stage band, so a policy cannot buy savings with a cooked crop. Episodes end by
/// truncation at the scenario horizon (or `episodeHours`); nothing terminates early.
///
/// Deterministic: the same scenario, seed and action sequence give bit-identical
/// observations and rewards (``checkDeterminism(actions:seed:)``).
public final class FacilityEnvironment {
    /// What the reward counts, in the tariff's currency.
    public struct RewardWeights: Sendable, Equatable {
        /// Value of a gram of harvestable dry mass (standing or harvested), currency g⁻¹.
        public var cropValuePerGram: Double
        /// Penalty per K·h of air temperature outside the setpoint ± 2 °C band, per room.
        public var discomfortPenalty: Double

        public init(cropValuePerGram: Double = 2.0, discomfortPenalty: Double = 50) {
            self.cropValuePerGram = cropValuePerGram
            self.discomfortPenalty = discomfortPenalty
        }
    }

    /// One step's result.
    public struct Step: Sendable {
        public var observation: [Double]
        public var reward: Double
        public var terminated: Bool
        public var truncated: Bool
        /// The reward's parts and running totals: `cost`, `crop_value`, `discomfort`, `hours`.
        public var info: [String: Double]
    }

    public let scenario: Scenario
    public let spec: FacilitySpec
    public let decisionHours: Double
    public let episodeHours: Double
    public let weights: RewardWeights
    private var world: FacilityWorld?
    private var last = (cost: 0.0, cropGrams: 0.0, discomfort: 0.0)

    /// - Parameters:
    ///   - scenario: a facility scenario.
    ///   - decisionHours: hours between actions; a multiple of 0.25 so energy is booked whole.
    ///   - episodeHours: episode length (default: the scenario's horizon).
    public init(scenario: Scenario, decisionHours: Double = 1, episodeHours: Double? = nil,
                weights: RewardWeights = RewardWeights()) throws {
        guard case .facility(let spec) = scenario.model else {
            throw RunError(code: .simulation, message: "'\(scenario.id)' has no facility section; environments run facilities")
        }
        guard decisionHours > 0, (decisionHours * 4).rounded() == decisionHours * 4 else {
            throw RunError(code: .simulation, message: "decision interval \(decisionHours) h must be a positive multiple of 0.25 h")
        }
        self.scenario = scenario
        self.spec = spec
        self.decisionHours = decisionHours
        self.episodeHours = min(episodeHours ?? scenario.horizonHours, scenario.horizonHours)
        self.weights = weights
    }

    /// Observation names, per room then facility-wide.
    public var observationNames: [String] {
        spec.rooms.flatMap { room in
            ["air_temperature", "relative_humidity", "co2", "lights_on", "harvestable_mass"].map { "\(room.id).\($0)" }
        } + ["outdoor_temperature", "electricity_price", "hour_sin", "hour_cos"]
    }

    /// Starts an episode.
    public func reset(seed: UInt64) throws -> [Double] {
        let world = try FacilityWorld(spec: spec, seed: seed, horizonHours: episodeHours)
        world.start()
        self.world = world
        last = (0, cropGrams(world), 0)
        return observe(world)
    }

    /// Applies one policy per room (in scenario order) for the next decision interval.
    public func step(_ policies: [RoomPolicy]) throws -> Step {
        guard let world else { throw RunError(code: .simulation, message: "call reset(seed:) before step(_:)") }
        guard policies.count == world.rooms.count else {
            throw RunError(code: .simulation, message: "\(policies.count) policies for \(world.rooms.count) rooms")
        }
        for (room, policy) in zip(world.rooms, policies) { room.policy = policy.clamped }
        let target = min(world.simulation.now.inHours + decisionHours, episodeHours)
        try world.advance(to: .hours(target))
        let truncated = target >= episodeHours - 1e-9
        if truncated { try world.finish() }
        let cost = world.ledger.totalCost
        let crop = cropGrams(world)
        let discomfort = world.rooms.reduce(0.0) { $0 + $1.kpis.thermalDiscomfort.total }
        let reward = weights.cropValuePerGram * (crop - last.cropGrams) - (cost - last.cost)
            - weights.discomfortPenalty * (discomfort - last.discomfort)
        last = (cost, crop, discomfort)
        return Step(observation: observe(world), reward: reward, terminated: false, truncated: truncated,
                    info: ["cost": cost, "crop_grams": crop, "discomfort": discomfort, "hours": target])
    }

    /// The run's KPIs so far (call after the last step for the episode's).
    public func kpis() throws -> [RunKPI] {
        guard let world else { throw RunError(code: .simulation, message: "no episode is running") }
        return world.kpis()
    }

    /// Runs `actions` twice from `seed` and reports whether observations and rewards were
    /// bit-identical: the determinism check an RL user runs before trusting a benchmark.
    public func checkDeterminism(actions: [[RoomPolicy]], seed: UInt64) throws -> Bool {
        func trace() throws -> [UInt64] {
            var bits = try reset(seed: seed).map(\.bitPattern)
            for action in actions {
                let step = try self.step(action)
                bits += step.observation.map(\.bitPattern) + [step.reward.bitPattern]
                if step.truncated { break }
            }
            return bits
        }
        return try trace() == trace()
    }

    private func cropGrams(_ world: FacilityWorld) -> Double {
        world.rooms.reduce(0.0) { $0 + $1.harvestedGrams + $1.cropView.harvestableDryMass * $1.canopyArea }
    }

    private func observe(_ world: FacilityWorld) -> [Double] {
        let hours = world.simulation.now.inHours
        var values: [Double] = []
        for room in world.rooms {
            values += [room.airTemperature, room.relativeHumidity, room.co2, room.lightsOn ? 1 : 0,
                       room.cropView.harvestableDryMass]
        }
        let phase = 2 * Double.pi * world.calendar.hourOfDay(atHours: hours) / 24
        return values + [world.outdoor.temperature, world.ledger.tariff.price(atHours: hours, calendar: world.calendar),
                         sin(phase), cos(phase)]
    }
}
