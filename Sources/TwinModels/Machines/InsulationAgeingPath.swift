import Foundation

/// Insulation ageing along the closed-form first-order temperature path
/// T(t) = T_ss + (T₀ − T_ss)·e^(−t/τ) under constant conditions.
///
/// With k = ln 2/10 K⁻¹ the rate is r(t) = r_ss·exp(a·e^(−t/τ)), a = k·(T₀ − T_ss). Its
/// integral has the exact form r_ss·τ·[Ei(a) − Ei(a·e^(−t/τ))]; once the gap has closed
/// (below 1 mK, a residual of r_ss·τ·k·1 mK) this is r_ss·t + X with the transient's excess
/// ageing X = r_ss·τ·Ein(a), Ein(a) = Σ aⁿ/(n·n!) (Abramowitz & Stegun 5.1.10), evaluated
/// without transcendental functions. Inside the transient the integral is taken with
/// composite Simpson panels of τ/16 (relative error below 1e-4 for a 170 K step).
struct InsulationAgeingPath {
    let start: Double
    let steady: Double
    let timeConstant: Double
    let classLimit: Double
    /// 1/(L_ref in seconds).
    let rateScale: Double
    let steadyRate: Double

    /// Gap below which the temperature counts as settled, K.
    // Computed constants, not stored `static let`s: those go through a lazy accessor on
    // every step.
    static var settledGap: Double { 1e-6 }
    /// Gap below which the closed form r_ss·t + X replaces the Simpson panels, K.
    static var closedFormGap: Double { 1e-3 }
    static var maxPanels: Int { 512 }
    /// d ln(rate)/dT = ln 2/10, K⁻¹.
    static var k: Double { 0.069_314_718_055_994_53 }

    @inline(__always)
    func rate(at temperature: Double) -> Double {
        exp2((temperature - classLimit) * 0.1) * rateScale
    }

    /// Time after which r_ss·t + X is exact to the closed-form gap, s (0 if settled).
    var transientLength: Double {
        let gap = abs(start - steady)
        return gap <= Self.closedFormGap ? 0 : timeConstant * log(gap / Self.closedFormGap)
    }

    /// Ageing of the whole transient in excess of the steady rate, reference lives.
    var transientExcess: Double {
        let gap = start - steady
        return abs(gap) <= Self.settledGap ? 0 : steadyRate * timeConstant * Self.ein(Self.k * gap)
    }

    /// Ein(a) = Σ_{n≥1} aⁿ/(n·n!) = Ei(a) − ln|a| − γ.
    static func ein(_ a: Double) -> Double {
        if a < -30 {
            // Ei(a) < e^a/|a| < 1e-14 here; only the logarithm is left.
            return -log(-a) - 0.577_215_664_901_532_9
        }
        var term = 1.0
        var sum = 0.0
        var n = 1.0
        while n < 400 {
            term *= a / n
            let add = term / n
            sum += add
            if n > abs(a), abs(add) <= 1e-17 * abs(sum) { break }
            n += 1
        }
        return sum
    }

    /// Ageing accumulated over `t` seconds, reference lives.
    func ageing(after t: Double) -> Double {
        let window = transientLength
        if t >= window { return steadyRate * t + transientExcess }
        return walk(upTo: t, target: .infinity).ageing
    }

    /// Time until the ageing reaches `target` (> 0) reference lives, s (`.infinity` if never).
    func time(toAge target: Double) -> Double {
        if target <= 0 { return 0 }
        guard steadyRate > 0 else { return .infinity }
        let window = transientLength
        let closed = (target - transientExcess) / steadyRate
        if closed >= window { return closed }
        return walk(upTo: window, target: target).time
    }

    /// Simpson panels over [0, t]; stops early at the time the ageing reaches `target`.
    private func walk(upTo t: Double, target: Double) -> (ageing: Double, time: Double) {
        guard t > 0 else { return (0, 0) }
        let n = (t / (timeConstant / 16)).rounded(.up)
        let panels = Int(min(max(n, 1), Double(Self.maxPanels)))
        let h = t / Double(panels)
        let q = exp(-0.5 * h / timeConstant)
        let gap = start - steady
        var x = 1.0
        var left = rate(at: start)
        var done = 0.0
        for k in 0..<panels {
            let xm = x * q
            let xr = xm * q
            let mid = rate(at: steady + gap * xm)
            let right = rate(at: steady + gap * xr)
            let panel = h / 6 * (left + 4 * mid + right)
            if done + panel >= target {
                // Linear inside a panel of τ/16: the rate changes little across it.
                return (target, (Double(k) + (target - done) / panel) * h)
            }
            done += panel
            left = right
            x = xr
        }
        return (done, t)
    }
}
