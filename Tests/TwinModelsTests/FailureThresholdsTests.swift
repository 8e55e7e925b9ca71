import Foundation
import SimKernel
import Testing
import TwinModels

@Suite("FailureThresholds")
struct FailureThresholdsTests {
    @Test("drawing is reproducible and consumes three uniforms in a fixed order")
    func reproducible() {
        var a = RandomStream(seed: 5)
        var b = RandomStream(seed: 5)
        let t = FailureThresholds.draw(from: &a)
        #expect(t == FailureThresholds.draw(from: &b))
        var c = RandomStream(seed: 5)
        #expect(t.bearing == -log(c.uniformOpen()))
        #expect(t.insulation == -log(c.uniformOpen()))
        #expect(t.electrical == -log(c.uniformOpen()))
        #expect(a == c)
    }

    @Test("thresholds are unit exponential: mean 1 and P(E > 1) = e⁻¹ within 4 SE")
    func exponential() {
        var stream = RandomStream(seed: 99)
        let n = 30_000
        var sum = 0.0
        var above = 0
        for _ in 0..<n {
            let t = FailureThresholds.draw(from: &stream)
            sum += t.bearing
            if t.insulation > 1 { above += 1 }
        }
        #expect(abs(sum / Double(n) - 1) < 4 / Double(n).squareRoot())
        let p = exp(-1.0)
        #expect(abs(Double(above) / Double(n) - p) < 4 * (p * (1 - p) / Double(n)).squareRoot())
    }

    @Test("non-positive thresholds are rejected")
    func invalid() {
        #expect(throws: ModelInputError.self) { try FailureThresholds(bearing: 0, insulation: 1, electrical: 1) }
        #expect(throws: ModelInputError.self) { try FailureThresholds(bearing: 1, insulation: .infinity, electrical: 1) }
    }
}
