import TwinModels

extension TariffSpec {
    /// The tariff model this section describes, its price file read.
    ///
    /// The loader builds it once, so `twinlab validate` refuses what the run would (a price
    /// file out of sequence, seasons the schedule model rejects); every facility run builds it
    /// again from the same spec.
    /// - Throws: ``InputFileError`` for a price file it cannot use; the tariff model's error
    ///   (`ModelInputError`) for prices or windows it rejects.
    public func model() throws -> Tariff {
        switch pricing {
        case .flat(let price):
            return try .flat(price)
        case .timeOfUse(let seasons):
            func day(_ prices: DayPricesSpec) throws -> TimeOfUseSchedule.DayPrices {
                try TimeOfUseSchedule.DayPrices(
                    prices.windows.map { try TimeOfUseSchedule.Window(from: $0.fromHour, to: $0.toHour, price: $0.pricePerKWh) },
                    otherwise: prices.otherwise)
            }
            return .timeOfUse(try TimeOfUseSchedule(seasons: seasons.map {
                try TimeOfUseSchedule.Season($0.name, months: $0.firstMonth, through: $0.lastMonth,
                                             weekday: try day($0.weekday), weekend: try day($0.weekend))
            }))
        case .realTime(let path):
            return .realTime(try HourlyPriceSeries(prices: try PriceFile.read(path)))
        }
    }
}
