/// How electricity is priced per kWh over time: flat, time-of-use or real-time.
///
/// The bill model is cost = Σ_t p(t)·E_t + Σ_months p_demand·max₁₅(P̄) (docs/model-reference.md
/// §Tariffs); this type is the p(t) part and `DemandCharge` the second. Prices are currency
/// per kWh.
public enum Tariff: Sendable, Hashable {
    /// One price at all times, currency/kWh (e.g. Xcel Schedule R, $0.05461).
    case flat(pricePerKWh: Double)
    /// Prices by season, weekday/weekend and hour.
    case timeOfUse(TimeOfUseSchedule)
    /// A price series with a fixed step.
    case realTime(HourlyPriceSeries)

    /// A flat tariff, checking the price (currency/kWh, −10…100).
    public static func flat(_ price: Double) throws(ModelInputError) -> Tariff {
        .flat(pricePerKWh: try ModelInputError.check(price, "energy price", unit: "currency/kWh", in: -10...100))
    }

    /// Price at simulation time t, currency/kWh.
    ///
    /// A time-of-use or real-time price changes only on whole quarter hours when its windows and
    /// steps are whole quarter hours, which is what `EnergyLedger` relies on when it prices
    /// each quarter-hour piece of a step at the piece's start.
    @inlinable
    public func price(atHours t: Double, calendar: SimulationCalendar) -> Double {
        switch self {
        case .flat(let p): p
        case .timeOfUse(let schedule): schedule.price(atHours: t, calendar: calendar)
        case .realTime(let series): series.price(atHours: t)
        }
    }
}
