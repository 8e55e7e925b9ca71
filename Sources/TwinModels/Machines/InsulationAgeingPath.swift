import Foundation

/// Insulation ageing along the closed-form first-order temperature path
/// T(t) = T_ss + (T₀ − T_ss)·e^(−t/τ) under constant conditions.
///
/// The ageing rate 2^((T − T_class)/10)/L_ref has no elementary integral along an exponential
/// path, so the transient is integrated with composite Simpson panels of τ/16 (relative error
/// below 1e-4 for a 170 K transient) until the gap to T_ss has closed to 1 µK; after that the
/// rate is constant and the integral is exact.
struct InsulationAgeingPath {
    let start: Double
    let steady: Double
    let timeConstant: Double
    let classLimit: Double
    /// 1/(L_ref in seconds).
    let rateScale: Double
    let steadyRate: Double

    static let settledGap = 1e-6
    static let maxPanels = 256

    init(start: Double, steady: Double, timeConstant: Double, classLimit: Double, rateScale: Double, steadyRate: Double) {
        self.start = start
        self.steady = steady
        self.timeConstant = timeConstant
        self.classLimit = classLimit
        self.rateScale = rateScale
        self.steadyRate = steadyRate
    }

    @inline(__always)
    func rate(at temperature: Double) -> Double {
        exp2((temperature - classLimit) * 0.1) * rateScale
    }

    /// Duration of the transient, s: 0 if the temperature has settled.
    var transientLength: Double {
        let gap = abs(start - steady)
        return gap <= Self.settledGap ? 0 : timeConstant * log(gap / Self.settledGap)
    }

    /// Ageing accumulated over `t` seconds, reference lives.
    func ageing(after t: Double) -> Double {
        let window = min(t, transientLength)
        var total = 0.0
        if window > 0 {
            let panels = panelCount(window)
            let h = window / Double(panels)
            let q = exp(-0.5 * h / timeConstant)
            let gap = start - steady
            var x = 1.0
            var left = rate(at: start)
            for _ in 0..<panels {
                let xm = x * q
                let xr = xm * q
                let mid = rate(at: steady + gap * xm)
                let right = rate(at: steady + gap * xr)
                total += h / 6 * (left + 4 * mid + right)
                left = right
                x = xr
            }
        }
        return total + max(0, t - window) * steadyRate
    }

    /// Time until the ageing reaches `target` (> 0) reference lives, s (`.infinity` if never).
    func time(toAge target: Double) -> Double {
        if target <= 0 { return 0 }
        let window = transientLength
        var done = 0.0
        if window > 0 {
            let panels = panelCount(window)
            let h = window / Double(panels)
            let q = exp(-0.5 * h / timeConstant)
            let gap = start - steady
            var x = 1.0
            var left = rate(at: start)
            for k in 0..<panels {
                let xm = x * q
                let xr = xm * q
                let mid = rate(at: steady + gap * xm)
                let right = rate(at: steady + gap * xr)
                let panel = h / 6 * (left + 4 * mid + right)
                if done + panel >= target {
                    // Linear inside a panel of τ/16: the rate changes little across it.
                    return (Double(k) + (target - done) / panel) * h
                }
                done += panel
                left = right
                x = xr
            }
        }
        guard steadyRate > 0 else { return .infinity }
        return window + (target - done) / steadyRate
    }

    private func panelCount(_ window: Double) -> Int {
        let n = (window / (timeConstant / 16)).rounded(.up)
        return Int(min(max(n, 1), Double(Self.maxPanels)))
    }
}
