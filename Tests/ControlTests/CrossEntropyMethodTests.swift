import Testing
import Control
import TwinModels

@Suite("Cross-entropy method")
struct CrossEntropyMethodTests {
    @Test("finds the minimum of a shifted quadratic inside the bounds, the same way for the same seed")
    func quadratic() throws {
        let search = try CrossEntropyMethod(lower: [-10, -10, 0], upper: [10, 10, 5], iterations: 30)
        let objective: ([Double]) -> Double = { x in
            (x[0] - 3) * (x[0] - 3) + 2 * (x[1] + 4) * (x[1] + 4) + (x[2] - 5) * (x[2] - 5)
        }
        let a = search.minimize(seed: 9, objective: objective)
        let b = search.minimize(seed: 9, objective: objective)
        #expect(a.best == b.best && a.history == b.history)
        #expect(abs(a.best[0] - 3) < 0.2 && abs(a.best[1] + 4) < 0.2)
        #expect(a.best[2] <= 5 && a.best[2] > 4.6, "\(a.best[2])")   // the optimum sits on the upper bound
        #expect(a.history == a.history.sorted(by: >=))  // the best so far never gets worse
        #expect(a.evaluations == 30 * 16)
    }

    @Test("inconsistent bounds are rejected")
    func validation() {
        #expect(throws: ModelInputError.self) { try CrossEntropyMethod(lower: [0, 1], upper: [1, 1]) }
        #expect(throws: ModelInputError.self) { try CrossEntropyMethod(lower: [0], upper: [1], populationSize: 4, eliteCount: 5) }
    }
}
