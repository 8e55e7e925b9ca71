/// The reward parameters, overwrite policy and empty-set policy of a dataset export
/// (docs/datasets.md).
public struct DatasetExportOptions: Sendable, Equatable {
    /// Replace an existing dataset folder or C-MAPSS files instead of refusing.
    public var force: Bool
    /// Write a C-MAPSS set whose run had no failed machine (an empty training file) instead of
    /// refusing with `.noFailedUnits`.
    public var allowEmpty: Bool
    /// Fleet reward: price of the machines' electricity, currency/kWh (≥ 0). Fleet scenarios
    /// carry no tariff; the default is TwinLab's default flat tariff (`tariff.price_per_kwh`).
    public var energyPricePerKWh: Double
    /// Facility reward: the air-temperature band outside which discomfort counts, °C. The
    /// default spans every stage preset's night/day setpoints (18–26 °C) ± 2 °C, the BOPTEST
    /// band TwinLab's `temperature_discomfort` KPI uses around the setpoint.
    public var comfortBand: ClosedRange<Double>
    /// Facility reward: weight of one kelvin-hour outside the band, currency per K·h (≥ 0).
    public var discomfortCostPerKelvinHour: Double

    public init(force: Bool = false, energyPricePerKWh: Double = 0.15, comfortBand: ClosedRange<Double> = 16...28,
                discomfortCostPerKelvinHour: Double = 1, allowEmpty: Bool = false) {
        self.force = force
        self.allowEmpty = allowEmpty
        self.energyPricePerKWh = energyPricePerKWh
        self.comfortBand = comfortBand
        self.discomfortCostPerKelvinHour = discomfortCostPerKelvinHour
    }
}

/// What an export wrote: for the command line's summary and for tests.
public struct DatasetExportSummary: Sendable, Equatable {
    /// The dataset folder (Minari) or the output directory (C-MAPSS).
    public var location: String
    /// Minari dataset id, or the C-MAPSS subset name.
    public var name: String
    /// Episodes (Minari) or units (C-MAPSS, train + test).
    public var episodes: Int
    /// Steps (Minari) or rows (C-MAPSS, train + test).
    public var steps: Int
    /// Episodes/units that ended in a failure (terminated; C-MAPSS train units).
    public var failures: Int
    /// C-MAPSS: the `firstUnit` of a next set from another run whose files are to be
    /// concatenated with these (no unit number used twice); nil for Minari.
    public var nextFirstUnit: Int? = nil
    /// The files written.
    public var files: [String]
}
