import Control
import Foundation
import Testing

@Suite("Isolation Forest c(n)")
struct AveragePathLengthTests {
    @Test("c(0) = c(1) = 0 and c(2) = 1 by definition")
    func smallCases() {
        #expect(AveragePathLength.c(0) == 0)
        #expect(AveragePathLength.c(1) == 0)
        #expect(AveragePathLength.c(2) == 1)
    }

    @Test("c(256) = 10.24477 (scikit-learn's _average_path_length)")
    func published() {
        // By hand: ln 255 = 5.541264, + γ = 6.118480, × 2 = 12.236960, − 2·255/256 = 1.992188.
        // scikit-learn 1.9.1 prints c(256) = 10.24477092 and c(3) = 1.20739236.
        #expect(abs(AveragePathLength.c(256) - 10.24477092) < 1e-8)
        #expect(abs(AveragePathLength.c(3) - 1.20739236) < 1e-8)
        // c(3) = 2(ln 2 + γ) − 4/3.
        #expect(abs(AveragePathLength.c(3) - (2 * (log(2.0) + 0.5772156649) - 4.0 / 3)) < 1e-9)
    }

    @Test("the ln + γ harmonic is within 1/(2(n−1)) of the exact harmonic number")
    func harmonicApproximation() {
        for n in [3, 10, 256, 10_000] {
            let exactH = (1...(n - 1)).reduce(0.0) { $0 + 1 / Double($1) }
            let exact = 2 * exactH - 2 * Double(n - 1) / Double(n)
            // H(m) − ln m − γ ≈ 1/(2m), so c with ln + γ lies below the exact c by ≈ 1/m.
            let gap = exact - AveragePathLength.c(n)
            #expect(gap > 0 && gap < 1.0 / Double(n - 1) + 1e-12)
        }
    }

    @Test("c grows like 2 ln n: the expected isolation depth rises slowly with n")
    func monotone() {
        let values = (1...2000).map(AveragePathLength.c)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
    }
}
