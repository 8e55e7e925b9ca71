import Testing
import Control

/// A corridor of `length` cells: action 1 moves right, 0 moves left; reaching the right end
/// pays 1 and ends the episode, each step costs 0.01, and episodes stop after 50 steps.
private struct Corridor: DiscreteEnvironment {
    let length = 6
    var position = 0
    var steps = 0
    var stateCount: Int { length }
    var actionCount: Int { 2 }
    mutating func reset(seed: UInt64) throws -> Int {
        position = 0
        steps = 0
        return position
    }
    mutating func step(_ action: Int) throws -> (state: Int, reward: Double, done: Bool) {
        position = max(0, min(length - 1, position + (action == 1 ? 1 : -1)))
        steps += 1
        let arrived = position == length - 1
        return (position, arrived ? 1 : -0.01, arrived || steps >= 50)
    }
}

@Suite("Tabular Q-learning")
struct TabularQLearningTests {
    @Test("learns to walk the corridor to the reward, deterministically")
    func corridor() throws {
        var agent = try TabularQLearning(stateCount: 6, actionCount: 2)
        var environment = Corridor()
        let returns = try agent.train(&environment, episodes: 300, seed: 4)
        #expect((0..<5).allSatisfy { agent.greedyAction(state: $0) == 1 })
        #expect(returns.suffix(20).reduce(0, +) / 20 > 0.9)
        var again = try TabularQLearning(stateCount: 6, actionCount: 2)
        var second = Corridor()
        #expect(try again.train(&second, episodes: 300, seed: 4) == returns)
        #expect(again.table == agent.table)
    }
}
