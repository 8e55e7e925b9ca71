import Control
import Foundation
import Testing
import TwinModels

@Suite("PI controller")
struct PIControllerTests {
    /// Runs `steps` updates with a constant error, returning the outputs.
    static func drive(_ pi: inout PIController, error: Double, steps: Int, dt: Double = 1) -> [Double] {
        (0..<steps).map { _ in pi.update(error: error, dt: dt) }
    }

    @Test("anti-windup: the output saturates, the integral stays bounded, and the loop recovers at once",
          arguments: [PIController.AntiWindup.conditionalIntegration, .backCalculation(trackingTimeSeconds: 10)])
    func antiWindup(scheme: PIController.AntiWindup) throws {
        var pi = try PIController(kp: 0.5, ki: 0.05, outputMin: 0, outputMax: 1, antiWindup: scheme)
        let saturated = Self.drive(&pi, error: 10, steps: 1000)
        #expect(saturated.allSatisfy { $0 == 1 })
        // Without anti-windup the integral would have reached ki·e·t = 0.05·10·1000 = 500.
        #expect(abs(pi.integral) <= 1.0 + 1e-9)
        // The error reverses: the output must leave the limit within a few seconds, not the
        // ≈ 500/0.05 = 10 000 s a wound-up integral would take to unwind.
        let recovery = Self.drive(&pi, error: -1, steps: 30)
        let firstBelow = try #require(recovery.firstIndex { $0 < 1 })
        #expect(firstBelow <= 2)
        #expect(recovery.last! < 0.1)
    }

    @Test("without a saturating limit the PI integrates exactly: u = kp·e + ki·Σe·dt")
    func unsaturatedIsPlainPI() throws {
        var pi = try PIController(kp: 0.2, ki: 0.01, outputMin: -100, outputMax: 100)
        var sum = 0.0
        for k in 0..<50 {
            let e = sin(Double(k) / 5)
            sum += e * 2
            let u = pi.update(error: e, dt: 2)
            #expect(abs(u - (0.2 * e + 0.01 * sum)) < 1e-12)
        }
    }

    @Test("step response of a first-order plant settles on the setpoint with the designed time constant")
    func firstOrderStepResponse() throws {
        // Plant τ·dy/dt = −y + K·u with K = 2, τ = 100 s; PI with Ti = τ cancels the plant pole,
        // so the closed loop is first order with time constant τ/(K·kp) = 50 s for kp = 1.
        let (gain, tau, kp) = (2.0, 100.0, 1.0)
        var pi = try PIController(kp: kp, ki: kp / tau, outputMin: -5, outputMax: 5)
        var y = 0.0
        let dt = 0.1
        let decay = exp(-dt / tau)
        var at50 = 0.0
        var peak = 0.0
        for k in 1...6000 {
            let u = pi.update(error: 1 - y, dt: dt)
            y = y * decay + gain * u * (1 - decay)
            peak = max(peak, y)
            if k == 500 { at50 = y }
        }
        let closedLoopTau = tau / (gain * kp)
        #expect(abs(at50 - (1 - exp(-50 / closedLoopTau))) < 0.02)
        #expect(abs(y - 1) < 1e-3)
        #expect(peak < 1.02)
    }

    @Test("bad data holds the output; reset clears the integral; invalid gains throw")
    func robustness() throws {
        var pi = try PIController(kp: 1, ki: 0.1, outputMin: -1, outputMax: 1)
        let u = pi.update(error: 0.3, dt: 1)
        #expect(pi.update(error: .nan, dt: 1) == u)
        #expect(pi.update(error: 0.3, dt: 0) == u)
        #expect(pi.update(error: 0.3, dt: .infinity) == u)
        #expect(!pi.output.isNaN)
        pi.reset()
        #expect(pi.integral == 0 && pi.output == 0)
        #expect(throws: ModelInputError.self) { try PIController(kp: -1, ki: 0) }
        #expect(throws: ModelInputError.self) { try PIController(kp: 1, ki: 0, outputMin: 1, outputMax: 1) }
        #expect(throws: ModelInputError.self) {
            try PIController(kp: 1, ki: 0.1, antiWindup: .backCalculation(trackingTimeSeconds: 0))
        }
    }
}
