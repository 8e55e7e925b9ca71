import Foundation
@testable import SimKernel

// Small systems with known solutions or invariants, shared by the Continuous*Tests files.
// Names carry an `ODETest` prefix so they cannot collide with other test files in the target.

/// y' = -k·y; exact y(t) = y0·e^(-k t). `k` in 1/s, mutable like an input an event changes.
final class ODETestDecay: ODESystem {
    var k: Double
    init(k: Double) { self.k = k }
    var dimension: Int { 1 }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -k * y[0]
    }
}

/// x'' = -ω²x as (x, v); from (1, 0) the exact state is (cos ωt, -ω sin ωt). ω in rad/s.
final class ODETestOscillator: ODESystem {
    let omega: Double
    init(omega: Double) { self.omega = omega }
    var dimension: Int { 2 }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = y[1]
        dydt[1] = -omega * omega * y[0]
    }
}

/// Thermal masses (heat capacities `capacity`, J/K) exchanging heat through symmetric
/// conductances (W/K): dT_i/dt = Σ_j G_ij (T_j − T_i) / C_i. Closed, so Σ C_i T_i is conserved.
final class ODETestThermalNetwork: ODESystem {
    let capacity: [Double]
    /// Row-major n×n, symmetric, zero diagonal; events change entries through `setConductance`.
    private(set) var conductance: [Double]
    init(capacity: [Double], conductance: [Double]) {
        self.capacity = capacity
        self.conductance = conductance
    }
    var dimension: Int { capacity.count }
    func setConductance(_ i: Int, _ j: Int, to g: Double) {
        conductance[i * dimension + j] = g
        conductance[j * dimension + i] = g
    }
    func heat(_ temperatures: [Double]) -> Double {
        zip(capacity, temperatures).reduce(0) { $0 + $1.0 * $1.1 }
    }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let n = dimension
        for i in 0..<n { dydt[i] = 0 }
        // One flux per pair, added to one side and taken from the other, keeps the balance exact up to rounding.
        for i in 0..<n {
            for j in (i + 1)..<n {
                let flux = conductance[i * n + j] * (y[j] - y[i])
                dydt[i] += flux / capacity[i]
                dydt[j] -= flux / capacity[j]
            }
        }
    }
}

/// Robertson's stiff chemical kinetics; y1 + y2 + y3 = 1 is conserved. Optionally supplies
/// its analytic Jacobian, otherwise the integrator differences it.
final class ODETestRobertson: ODESystem {
    let analyticJacobian: Bool
    init(analyticJacobian: Bool) { self.analyticJacobian = analyticJacobian }
    var dimension: Int { 3 }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let slow = 0.04 * y[0], coupled = 1e4 * y[1] * y[2], fast = 3e7 * y[1] * y[1]
        dydt[0] = -slow + coupled
        dydt[1] = slow - coupled - fast
        dydt[2] = fast
    }
    func jacobian(t: Double, y: UnsafeBufferPointer<Double>,
                  dfdy: UnsafeMutableBufferPointer<Double>, dfdt: UnsafeMutableBufferPointer<Double>) -> Bool {
        guard analyticJacobian else { return false }
        let values: [Double] = [
            -0.04, 1e4 * y[2], 1e4 * y[1],
            0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1],
            0, 6e7 * y[1], 0,
        ]
        for i in 0..<9 { dfdy[i] = values[i] }
        for i in 0..<3 { dfdt[i] = 0 }
        return true
    }
}

/// A fast mode relaxing onto a slow forcing: y' = -λ(y − cos t) − sin t, exact
/// y(t) = cos t + (y0 − 1)·e^(−λt). λ in 1/s; large λ makes it stiff.
final class ODETestStiffRelaxation: ODESystem {
    let lambda: Double
    init(lambda: Double) { self.lambda = lambda }
    var dimension: Int { 1 }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -lambda * (y[0] - cos(t)) - sin(t)
    }
}

/// Returns NaN derivatives from `breakAt` seconds on, like a model taking log of a negative number.
final class ODETestBreaking: ODESystem {
    let breakAt: Double
    init(breakAt: Double) { self.breakAt = breakAt }
    var dimension: Int { 1 }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = t < breakAt ? -y[0] : log(-1 - y[0] * y[0])
    }
}

/// SplitMix64, so that irregular "event" schedules are seeded and the same on every run.
struct ODETestSplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in `range` (modulo bias is irrelevant for test schedules).
    mutating func next(in range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
}

/// Bit patterns, so that "identical" means identical.
func odeTestBits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
