import Testing
@testable import Experiments

/// Latin hypercube samples: one point per stratum of every factor, reproducible from the seed.
@Suite("Latin hypercube")
struct LatinHypercubeTests {
    @Test("every factor's n strata each hold exactly one of the n points", arguments: [1, 2, 7, 50, 333])
    func stratified(n: Int) {
        let rows = LatinHypercube.sample(points: n, factors: 4, seed: 21)
        #expect(rows.count == n && rows.allSatisfy { $0.count == 4 })
        for column in 0..<4 {
            let strata = rows.map { Int(($0[column] * Double(n)).rounded(.down)) }
            #expect(strata.sorted() == Array(0..<n), "column \(column)")
            #expect(rows.allSatisfy { (0..<1).contains($0[column]) })
        }
    }

    @Test("the same seed gives the same design; another seed another one")
    func seeded() {
        let a = LatinHypercube.sample(points: 20, factors: 3, seed: 5)
        #expect(a == LatinHypercube.sample(points: 20, factors: 3, seed: 5))
        #expect(a != LatinHypercube.sample(points: 20, factors: 3, seed: 6))
        // The columns are permuted independently: no column repeats another's strata.
        let strata = (0..<3).map { c in a.map { Int($0[c] * 20) } }
        #expect(strata[0] != strata[1] && strata[1] != strata[2])
    }

    @Test("a latin hypercube design scales its points to the factors' ranges and rounds integer factors")
    func scaled() throws {
        let spec = try Fixture.parse("""
            schema: twinlab/experiment@1
            id: lhs
            scenario: shop.yaml
            replications: {seeds: [1]}
            design: {kind: latin_hypercube, samples: 8, design_seed: 3}
            factors:
              - {path: machine_shop.technicians, low: 1, high: 4, integer: true}
              - {path: machine_shop.time_to_failure_hours.scale, low: 80, high: 120}
            responses: [availability]
            """)
        let points = spec.design.points()
        let unit = LatinHypercube.sample(points: 8, factors: 2, seed: 3)
        #expect(points.map { $0.factors["machine_shop.technicians"] } == unit.map { (1 + $0[0] * 3).rounded() })
        #expect(points.map { $0.factors["machine_shop.time_to_failure_hours.scale"] } == unit.map { 80 + $0[1] * 40 })
        #expect(points[0].overrides[0].edit.value == String(Int(points[0].factors["machine_shop.technicians"] ?? 0)))
        let plan = try ExperimentPlan.make(spec)
        for cell in plan.cells {
            guard case .machineShop(let shop) = cell.scenario.model else { Issue.record("not a shop"); return }
            #expect(Double(shop.technicians) == cell.factors["machine_shop.technicians"])
            #expect(shop.timeToFailure == .weibull(shape: 2, scale: cell.factors["machine_shop.time_to_failure_hours.scale"] ?? 0))
        }
    }
}
