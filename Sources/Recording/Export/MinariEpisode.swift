/// One episode of a Minari dataset, in memory, as `main_data.hdf5` stores it.
///
/// `observations` and every info hold one row more than there are steps: the reset
/// observation first, then the observation after each step (Minari's episode_data semantics).
public struct MinariEpisode: Sendable, Equatable {
    /// (steps + 1) × observation width, row-major.
    public var observations: [Double]
    /// steps × action width, row-major; for a Discrete space the action index.
    public var actions: [Double]
    /// One reward per step.
    public var rewards: [Double]
    /// True on the step that reached a terminal state (a machine failure).
    public var terminations: [Bool]
    /// True on the step cut off by the horizon.
    public var truncations: [Bool]
    /// Per-observation extras (`infos/<name>`), each with steps + 1 values.
    public var infos: [MinariInfo]

    public init(observations: [Double], actions: [Double], rewards: [Double], terminations: [Bool],
                truncations: [Bool], infos: [MinariInfo]) {
        self.observations = observations
        self.actions = actions
        self.rewards = rewards
        self.terminations = terminations
        self.truncations = truncations
        self.infos = infos
    }

    /// Number of steps (transitions).
    public var steps: Int { rewards.count }
}

/// One `infos/<name>` dataset of an episode: float64, or int64 for codes and flags.
public struct MinariInfo: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    /// Stored as int64 (codes, flags) instead of float64.
    public var isInteger: Bool

    public init(name: String, values: [Double], isInteger: Bool = false) {
        self.name = name
        self.values = values
        self.isInteger = isInteger
    }
}
