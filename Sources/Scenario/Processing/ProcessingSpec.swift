import SimKernel

/// The `processing` section: the post-harvest plant where harvested batches are dried, cured,
/// trimmed and packaged, graded by a lab, and scored by a quality predictor.
///
/// Every field's unit, default and range is in docs/scenario-format.md.
public struct ProcessingSpec: Sendable, Equatable {
    /// The plant-level time-series channels a run can record, in default order.
    public static let channels = [
        "batches_in_plant", "waiting_drying", "drying", "waiting_curing", "curing", "waiting_trimming",
        "trimming", "waiting_packaging", "packaging", "trimmers_down", "drying_utilisation",
        "trimming_utilisation", "drying_temperature", "drying_relative_humidity", "finished_batches",
        "rolling_accuracy",
    ]

    public var arrivals: BatchArrivalSpec
    public var drying: DryingStationSpec
    public var curing: CuringStationSpec
    public var trimming: TrimmingStationSpec
    public var packaging: PackagingStationSpec
    public var shifts: ShiftSpec
    public var grading: GradingSpec
    public var prediction: PredictionSpec
}

/// How harvested batches arrive at intake.
public struct BatchArrivalSpec: Sendable, Equatable {
    /// Hours between arrivals (used when `timesHours` is nil).
    public var intervalHours: Double
    /// Explicit arrival times, hours, ascending; replaces the interval.
    public var timesHours: [Double]?
    /// Wet (fresh) mass of a batch, kg.
    public var wetWeightKg: Distribution
    /// Moisture at harvest, % wet basis.
    public var harvestMoisturePercent: Double
    /// The cultivars; each arrival picks one with probability share/Σ shares.
    public var cultivars: [CultivarSpec]
}

/// A cultivar in the arrival mix.
public struct CultivarSpec: Sendable, Equatable {
    public var name: String
    /// Relative share of arrivals (> 0).
    public var share: Double
    /// THC at harvest, % — mean and standard deviation across batches.
    public var thcPercentMean: Double
    public var thcPercentSD: Double
}

/// Slow changes of a room's conditions after a start day (a failing dehumidifier, a season).
public struct ConditionDriftSpec: Sendable, Equatable {
    /// Day the drift starts, days from time zero.
    public var startDay: Double
    /// Temperature change per day, °C/day.
    public var temperaturePerDay: Double
    /// Relative-humidity change per day, % RH/day.
    public var humidityPerDay: Double
    /// Limit of the drifted relative humidity, %.
    public var maximumHumidity: Double

    public static let none = ConditionDriftSpec(startDay: 0, temperaturePerDay: 0, humidityPerDay: 0, maximumHumidity: 95)
}

/// Drying rooms: hang-dry until the target moisture or the longest allowed time.
public struct DryingStationSpec: Sendable, Equatable {
    public var rooms: Int
    public var batchesPerRoom: Int
    /// Room set points, °C and % RH.
    public var temperature: Double
    public var relativeHumidity: Double
    /// Day-to-day variation of each room around its set points (standard deviations).
    public var temperatureSD: Double
    public var humiditySD: Double
    public var drift: ConditionDriftSpec
    /// Batches leave when they reach this moisture, % wet basis…
    public var targetMoisturePercent: Double
    /// …but not before `minimumDays` nor after `maximumDays`.
    public var minimumDays: Double
    public var maximumDays: Double
}

/// Curing room with jars or bins.
public struct CuringStationSpec: Sendable, Equatable {
    public var capacityBatches: Int
    public var temperature: Double
    public var relativeHumidity: Double
    public var days: Double
    public var burpsPerDay: Double
}

/// Trimming machines, staffed in shifts, that break down.
public struct TrimmingStationSpec: Sendable, Equatable {
    public var machines: Int
    /// Dry flower trimmed per machine-hour per pass, kg/h.
    public var throughputKgPerHour: Double
    public var passes: Int
    public var foreignMaterialPerPass: Double
    /// Operating time between failures, h.
    public var timeToFailure: Distribution
    /// Repair time, h.
    public var repairTime: Distribution
}

/// Packaging lines, staffed in shifts.
public struct PackagingStationSpec: Sendable, Equatable {
    public var lines: Int
    public var throughputKgPerHour: Double
}

/// The shift window of trimming and packaging.
public struct ShiftSpec: Sendable, Equatable {
    public var startHour: Double
    public var endHour: Double
    /// Working days, 0 = Monday … 6 = Sunday.
    public var days: [Int]
    /// Weekday of day 0.
    public var startWeekday: Int

    public static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
}

/// The lab's grading thresholds.
public struct GradingSpec: Sendable, Equatable {
    public var idealMoisture: ClosedRange<Double>
    public var acceptableMoisture: ClosedRange<Double>
    public var potencyForA: Double
    public var potencyForC: Double
    /// Lab measurement noise (standard deviation) of moisture, % points, and potency, % THC.
    public var moistureNoiseSD: Double
    public var potencyNoiseSD: Double
}

/// The quality predictor: trained once on the first days' graded batches, then scored.
public struct PredictionSpec: Sendable, Equatable {
    /// Batches graded before this day train the predictor, days.
    public var trainingDays: Double
    /// Window of the rolling accuracy, days.
    public var windowDays: Double
    /// Relative fall of the rolling accuracy below its first full-window value that flags
    /// retraining (0.10 = 10 %).
    public var retrainDrop: Double
}
