import Control
import Testing

/// Monte Carlo zero-state ARLs against the published tables (Montgomery 2009, Tables
/// 9.3 and 9.11; Lucas & Saccucci 1990). Tolerances are ≈ 3 standard errors.
@Suite("Average run lengths")
struct AverageRunLengthTests {
    static let known = DetectorBaseline.known(mean: 0, standardDeviation: 1)

    @Test("CUSUM k = 0.5, h = 5: ARL₀ ≈ 465, ARL(1σ) ≈ 10.4")
    func cusum() throws {
        let make = { try! CUSUMDetector(k: 0.5, h: 5, baseline: Self.known) }
        let arl0 = DetectorRuns.averageRunLength(make, shift: 0, replications: 1000, seed: 11)
        let arl1 = DetectorRuns.averageRunLength(make, shift: 1, replications: 2000, seed: 12)
        print("CUSUM(k=0.5,h=5): ARL0 = \(arl0) (table 465), ARL1 = \(arl1) (table 10.4)")
        #expect(abs(arl0 / 465 - 1) < 0.10)
        #expect(abs(arl1 / 10.4 - 1) < 0.05)
    }

    @Test("EWMA λ = 0.1, L = 2.814 (asymptotic limits): ARL₀ ≈ 500, ARL(1σ) ≈ 10.3")
    func ewma() throws {
        let make = { try! EWMADetector(lambda: 0.1, limitWidth: 2.814, baseline: Self.known, varianceFactor: .asymptotic) }
        let arl0 = DetectorRuns.averageRunLength(make, shift: 0, replications: 1000, seed: 21)
        let arl1 = DetectorRuns.averageRunLength(make, shift: 1, replications: 2000, seed: 22)
        print("EWMA(0.1,2.814,asymptotic): ARL0 = \(arl0) (table 500), ARL1 = \(arl1) (table 10.3)")
        #expect(abs(arl0 / 500 - 1) < 0.10)
        #expect(abs(arl1 / 10.3 - 1) < 0.05)

        // Exact (narrower early) limits detect a shift present from the start sooner.
        let exact = { try! EWMADetector(lambda: 0.1, limitWidth: 2.814, baseline: Self.known) }
        let arl1Exact = DetectorRuns.averageRunLength(exact, shift: 1, replications: 2000, seed: 22)
        print("EWMA(0.1,2.814,exact): ARL1 = \(arl1Exact)")
        #expect(arl1Exact < arl1)
    }
}
