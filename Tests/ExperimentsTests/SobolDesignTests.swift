import Testing
@testable import Experiments

/// GSL's Sobol sequence through the wrapper, and the Saltelli layout built on it.
@Suite("Sobol design")
struct SobolDesignTests {
    /// The van der Corput sequence in base 2 in Gray-code order: the Sobol sequence's first
    /// coordinate (Antonov & Saleev 1979), from index 1 (GSL leaves out the origin).
    static func grayVanDerCorput(_ count: Int) -> [Double] {
        (1...count).map { i in
            var gray = i ^ (i >> 1), value = 0.0, weight = 0.5
            while gray > 0 {
                if gray & 1 == 1 { value += weight }
                gray >>= 1
                weight /= 2
            }
            return value
        }
    }

    @Test("the first coordinate is the Gray-code van der Corput sequence; each dimension fills its strata")
    func sequence() throws {
        let sequence = try #require(SobolSequence(dimensions: 6))
        let points = (0..<63).map { _ in sequence.next() }
        #expect(points.map { $0[0] } == Self.grayVanDerCorput(63))
        for d in 0..<6 {
            // With the origin, the first 64 points hit each of 64 equal intervals once.
            let strata = ([0.0] + points.map { $0[d] }).map { Int($0 * 64) }
            #expect(strata.sorted() == Array(0..<64), "dimension \(d)")
        }
        #expect(SobolSequence(dimensions: 0) == nil && SobolSequence(dimensions: 41) == nil)
        #expect(SobolSequence(dimensions: 40) != nil)
    }

    @Test("Saltelli points: p = j(k+2)+m is A_j, B_j, then A_j with column i from B_j")
    func layout() throws {
        let k = 3, n = 8
        let points = try #require(SaltelliDesign.points(factors: k, baseSamples: n))
        #expect(points.count == n * (k + 2))
        let sequence = try #require(SobolSequence(dimensions: 2 * k))
        _ = sequence.next()
        for j in 0..<n {
            let row = sequence.next()
            let a = Array(row[0..<k]), b = Array(row[k...])
            #expect(points[j * (k + 2)] == a && points[j * (k + 2) + 1] == b)
            for i in 0..<k {
                var mixed = a
                mixed[i] = b[i]
                #expect(points[j * (k + 2) + 2 + i] == mixed)
            }
        }
        #expect(SaltelliDesign.points(factors: 21, baseSamples: 4) == nil)
    }

    @Test("a sobol experiment has N(k+2) points per seed, scaled to the factors' ranges")
    func experiment() throws {
        let spec = try ExperimentLoader.load(path: Fixture.path("sobol.yaml"))
        let plan = try ExperimentPlan.make(spec)
        #expect(plan.variants.count == 16 && plan.cells.count == 32)
        let unit = try #require(SaltelliDesign.points(factors: 2, baseSamples: 4))
        #expect(plan.points.map { $0.factors["facility.rooms[flower-1].setpoints.co2_ppm"] } == unit.map { 600 + $0[0] * 800 })
        #expect(plan.points.map { $0.factors["facility.rooms[flower-1].lighting.ppfd_umol_m2_s"] } == unit.map { 500 + $0[1] * 500 })
        guard case .facility(let facility) = plan.cells[6].scenario.model else { Issue.record("not a facility"); return }
        #expect(facility.rooms[0].setpoints.co2 == plan.cells[6].factors["facility.rooms[flower-1].setpoints.co2_ppm"])
    }
}
