import SimKernel
import TwinModels

/// An episodic environment with finitely many states and actions, for ``TabularQLearning``.
public protocol DiscreteEnvironment {
    var stateCount: Int { get }
    var actionCount: Int { get }
    /// Starts an episode; returns the first state.
    mutating func reset(seed: UInt64) throws -> Int
    /// Applies `action`; returns the next state, the reward and whether the episode ended.
    mutating func step(_ action: Int) throws -> (state: Int, reward: Double, done: Bool)
}

/// Watkins' Q-learning with an ε-greedy behaviour policy over a table of state–action values
/// (Sutton & Barto 2018, *Reinforcement Learning*, 2nd ed., §6.5).
///
/// Q(s,a) ← Q(s,a) + α·[r + γ·max_a' Q(s',a') − Q(s,a)], with γ-discounting cut at episode
/// ends. ε decays linearly from `initialExploration` to `finalExploration` over training.
/// Deterministic: exploration draws and episode seeds come from one seeded stream, and greedy
/// ties go to the lowest action index.
public struct TabularQLearning: Sendable {
    public let stateCount: Int
    public let actionCount: Int
    public var learningRate: Double
    public var discount: Double
    public var initialExploration: Double
    public var finalExploration: Double
    /// Q values, row-major by state.
    public private(set) var table: [Double]

    public init(stateCount: Int, actionCount: Int, learningRate: Double = 0.2, discount: Double = 0.95,
                initialExploration: Double = 1, finalExploration: Double = 0.05) throws(ModelInputError) {
        _ = try ModelInputError.check(Double(stateCount), "state count", unit: "", in: 1...1e8)
        _ = try ModelInputError.check(Double(actionCount), "action count", unit: "", in: 1...1e6)
        _ = try ModelInputError.check(learningRate, "learning rate", unit: "", in: 1e-9...1)
        _ = try ModelInputError.check(discount, "discount", unit: "", in: 0...1)
        self.stateCount = stateCount
        self.actionCount = actionCount
        self.learningRate = learningRate
        self.discount = discount
        self.initialExploration = initialExploration
        self.finalExploration = finalExploration
        table = Array(repeating: 0, count: stateCount * actionCount)
    }

    /// The value of `action` in `state`.
    public func value(state: Int, action: Int) -> Double { table[state * actionCount + action] }

    /// The greedy action (lowest index on ties).
    public func greedyAction(state: Int) -> Int {
        var bestAction = 0
        for a in 1..<actionCount where value(state: state, action: a) > value(state: state, action: bestAction) {
            bestAction = a
        }
        return bestAction
    }

    /// One Q-learning update.
    public mutating func update(state: Int, action: Int, reward: Double, next: Int, done: Bool) {
        let target = reward + (done ? 0 : discount * value(state: next, action: greedyAction(state: next)))
        table[state * actionCount + action] += learningRate * (target - value(state: state, action: action))
    }

    /// Trains for `episodes`; returns each episode's total reward.
    public mutating func train<E: DiscreteEnvironment>(_ environment: inout E, episodes: Int, seed: UInt64) throws -> [Double] {
        var stream = RandomStream(seed: seed)
        var returns: [Double] = []
        for episode in 0..<episodes {
            let progress = episodes > 1 ? Double(episode) / Double(episodes - 1) : 1
            let epsilon = initialExploration + (finalExploration - initialExploration) * progress
            var state = try environment.reset(seed: stream.next())
            var total = 0.0, done = false
            while !done {
                let action = stream.uniform() < epsilon ? Int(stream.uniform() * Double(actionCount)) % actionCount
                    : greedyAction(state: state)
                let result = try environment.step(action)
                update(state: state, action: action, reward: result.reward, next: result.state, done: result.done)
                total += result.reward
                state = result.state
                done = result.done
            }
            returns.append(total)
        }
        return returns
    }
}
