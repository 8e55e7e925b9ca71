/// A monthly charge on the highest 15-minute average power drawn in each billing month.
///
/// Utilities bill demand on the maximum of power averaged over fixed 15-minute intervals,
/// not on the instantaneous peak; BOPTEST's `pele` uses the same 15-minute averaging
/// (docs/model-reference.md §Tariffs, §BOPTEST core KPIs). Billing months are calendar months of
/// `SimulationCalendar`.
public struct DemandCharge: Sendable, Hashable {
    /// The peak of one billing month.
    public struct MonthlyPeak: Sendable, Hashable {
        /// Gregorian year.
        public let year: Int
        /// Month, 1–12.
        public let month: Int
        /// Highest 15-minute average power in the month, kW.
        public let peakKW: Double
        /// Simulation hour at which the peak 15-minute interval starts, h.
        public let startHours: Double
    }

    /// Length of the averaging interval, h.
    public static let intervalHours = 0.25

    /// Price per kW of monthly peak, currency kW⁻¹ month⁻¹, 0–1000.
    public let pricePerKW: Double

    /// Creates a demand charge.
    public init(pricePerKW: Double) throws(ModelInputError) {
        self.pricePerKW = try ModelInputError.check(pricePerKW, "demand charge", unit: "currency/kW", in: 0...1000)
    }

    /// Monthly peaks from consecutive 15-minute interval energies starting at simulation hour 0.
    ///
    /// - Parameters:
    ///   - intervalKWh: energy of interval k, kWh, covering [k/4, (k+1)/4) h.
    ///   - calendar: maps each interval's start to its billing month.
    /// - Returns: one peak per month touched, in time order.
    public static func monthlyPeaks(intervalKWh: [Double], calendar: SimulationCalendar) -> [MonthlyPeak] {
        var out: [MonthlyPeak] = []
        var key = Int.min
        var best = -Double.infinity, bestStart = 0.0
        var year = 0, month = 0
        for (k, e) in intervalKWh.enumerated() {
            let t = Double(k) * intervalHours
            let m = calendar.monthKey(atHours: t)
            if m != key {
                if key != Int.min { out.append(MonthlyPeak(year: year, month: month, peakKW: best, startHours: bestStart)) }
                key = m
                year = m / 12
                month = m % 12 + 1
                best = -Double.infinity
            }
            let kw = e / intervalHours
            if kw > best { best = kw; bestStart = t }
        }
        if key != Int.min { out.append(MonthlyPeak(year: year, month: month, peakKW: best, startHours: bestStart)) }
        return out
    }

    /// The charge for a set of monthly peaks: Σ price·peak, currency.
    public func charge(for peaks: [MonthlyPeak]) -> Double {
        peaks.reduce(0) { $0 + pricePerKW * $1.peakKW }
    }
}
