import Control

/// The `facility` section: rooms with their climate equipment, lighting and crops, the
/// weather outside, the electricity tariff, and faults to inject.
public struct FacilitySpec: Sendable, Equatable {
    /// The per-room time-series channels a run can record, in default order (units in
    /// docs/run-file-format.md).
    public static let roomChannels = [
        "air_temperature", "relative_humidity", "vpd_air", "vpd_leaf", "co2", "canopy_temperature",
        "mass_temperature", "dew_point", "ppfd", "lights_on",
        "measured_air_temperature", "measured_relative_humidity", "measured_co2",
        "cooling_command", "heating_command", "dehumidifier_command", "humidifier_command",
        "co2_command", "outdoor_air_command",
        "lighting_power", "cooling_power", "heating_power", "dehumidifier_power", "humidifier_power",
        "fan_power", "outdoor_air_power", "total_power",
        "transpiration", "condensate_removed", "co2_injected", "crop_dry_mass", "leaf_area_index",
        "outdoor_temperature", "outdoor_relative_humidity",
    ]

    /// Step of the climate integrator, s (5…120; the canopy node's time constant is ≈ 60 s,
    /// and RK4 stays stable up to ≈ 150 s).
    public var physicsStepSeconds: Double
    /// Period of the climate controllers and sensors, s (a multiple of the physics step).
    public var controlPeriodSeconds: Double
    /// Day of the year at time zero, 1…366.
    public var startDayOfYear: Int
    /// Calendar year of time zero (sets weekdays and leap years for tariffs).
    public var startYear: Int
    public var weather: WeatherSpec
    public var tariff: TariffSpec
    /// CO₂ in the tank at the start, kg; nil = an unlimited supply (a burner or bulk tank).
    public var co2TankKilograms: Double?
    public var rooms: [RoomSpec]
    public var faults: [FaultSpec]
    /// Alert and interlock rules evaluated in every room on its channels each control step:
    /// the grow-room preset unless `default_rules: false`, plus the scenario's own `rules`.
    public var rules: [RuleSpec] = []
    /// The machines behind the rooms' devices (compressors, fans, irrigation pumps); empty
    /// when the scenario has no `machines` section, and then nothing about the run changes.
    public var machines: [RoomMachineSpec] = []
    /// Technicians shared by all room machines' repairs; nil = every failed machine is
    /// repaired at once (no queue).
    public var machineTechnicians: Int? = nil
    /// The post-harvest plant that every cannabis harvest feeds as one batch (a `processing`
    /// section beside `facility`); nil: harvests leave the model.
    public var processing: ProcessingSpec? = nil
    /// Which decision agent answers the rooms' raised alerts (`agent`, default none).
    public var agent: AgentChoice = .none

    /// The `agent` key.
    public enum AgentChoice: String, Sendable, Equatable, CaseIterable {
        /// `RoomExpertPolicy`: dims, dehumidifies, ventilates or opens a work order.
        case expert
        /// No agent: alerts are recorded, nobody acts on them.
        case none
    }
}

/// Where the outdoor weather comes from.
public enum WeatherSpec: Sendable, Equatable {
    /// A CSV (`hour,temperature_c,...`) or EPW file, repeated if the run is longer.
    case file(path: String)
    /// A seeded generator with seasonal and daily cycles.
    case synthetic(latitude: Double, annualMeanTemperature: Double, seasonalAmplitude: Double, dailyAmplitude: Double)
}

/// How electricity is priced.
public struct TariffSpec: Sendable, Equatable {
    public enum Pricing: Sendable, Equatable {
        case flat(pricePerKWh: Double)
        /// Seasons by month range, each with weekday and weekend prices by hour of day.
        case timeOfUse(seasons: [TimeOfUseSeasonSpec])
        /// An hourly price series from a CSV file (`hour,price_per_kwh`).
        case realTime(path: String)
    }
    public var pricing: Pricing
    /// Charge per kW of the month's highest 15-minute average demand.
    public var demandChargePerKW: Double
    /// Currency label for reports, e.g. "USD".
    public var currency: String
    /// Grid CO₂ emitted per kWh drawn, kg/kWh, 0…2 (`emission_factor_kg_per_kwh`). Default 0.39:
    /// the U.S. average of utility-scale generation in 2022, 1,650 Mt CO₂ over 4,231 TWh (U.S. EIA,
    /// "How much carbon dioxide is produced per kilowatthour of U.S. electricity generation?",
    /// FAQ 74, from State Electricity Profiles 2022, Tables 5 and 7).
    public var emissionFactorKgPerKWh = 0.39
}

/// One season of a time-of-use tariff (months `firstMonth` through `lastMonth`, wrapping past December).
public struct TimeOfUseSeasonSpec: Sendable, Equatable {
    public var name: String
    public var firstMonth: Int
    public var lastMonth: Int
    public var weekday: DayPricesSpec
    public var weekend: DayPricesSpec
}

/// Prices through one day: priced windows and the price outside them.
public struct DayPricesSpec: Sendable, Equatable {
    public struct Window: Sendable, Equatable {
        public var fromHour: Double
        public var toHour: Double
        public var pricePerKWh: Double
    }
    public var windows: [Window]
    public var otherwise: Double
}

/// A device failure or degradation injected at a time, recorded as ground truth.
public struct FaultSpec: Sendable, Equatable {
    public static let devices = ["cooling", "heating", "dehumidifier", "humidifier", "fans", "co2", "outdoor_air", "lighting"]
    public var room: String
    public var device: String
    public var startHours: Double
    public var durationHours: Double
    /// Remaining capacity during the fault, 0 (dead) … 1.
    public var availability: Double
}
