/// A real-time energy price series with a fixed step, repeating after its end.
///
/// Entry k applies to simulation hours [k·step, (k+1)·step); past the last entry the series
/// starts again, so a one-year series (e.g. BOPTEST's "highly dynamic" SPP day-ahead LMP)
/// drives multi-year runs. Prices are currency per kWh and may be negative (wholesale markets).
public struct HourlyPriceSeries: Sendable, Hashable {
    /// Prices, currency/kWh.
    public let prices: [Double]
    /// Duration of one entry, h (1 for hourly, 0.25 for 15-minute prices).
    public let stepHours: Double

    /// Creates a series.
    ///
    /// - Parameters:
    ///   - prices: currency/kWh, each −10…100, at least one.
    ///   - stepHours: h, 1/60–24.
    public init(prices: [Double], stepHours: Double = 1) throws(ModelInputError) {
        guard !prices.isEmpty else {
            throw ModelInputError(code: .inconsistent, quantity: "price series length", value: 0, unit: "entries",
                                  message: "a real-time price series needs at least one price")
        }
        for p in prices { _ = try ModelInputError.check(p, "energy price", unit: "currency/kWh", in: -10...100) }
        self.prices = prices
        self.stepHours = try ModelInputError.check(stepHours, "price step", unit: "h", in: (1.0 / 60)...24)
    }

    /// Price at simulation time t, currency/kWh.
    @inlinable
    public func price(atHours t: Double) -> Double {
        var k = Int((t / stepHours).rounded(.down)) % prices.count
        if k < 0 { k += prices.count }
        return prices[k]
    }
}
