/// What a room decision agent knows when an alert is raised in a grow room.
///
/// Numbers are in the room twin's units: °C, % RH, ppm, kW, g, currency per kWh.
public struct RoomAnomalyContext: Sendable, Hashable {
    /// The quantity the alert's rule reads.
    public enum Signal: String, Sendable, Hashable, CaseIterable {
        case airTemperature = "air_temperature", humidity, co2, other

        /// The family of a room channel name (measured or true value).
        public init(channel: String) {
            switch channel {
            case "air_temperature", "measured_air_temperature", "canopy_temperature": self = .airTemperature
            case "relative_humidity", "measured_relative_humidity", "vpd_air", "vpd_leaf", "dew_point": self = .humidity
            case "co2", "measured_co2": self = .co2
            default: self = .other
            }
        }
    }

    /// The room's id, e.g. `"flower-2"`.
    public var roomID: String
    /// Simulation time of the raise, h.
    public var timeHours: Double
    /// The rule's id, e.g. `"air-temperature-band"`.
    public var ruleID: String
    public var severity: RuleSeverity
    public var signal: Signal
    /// The reading that raised the alert, signal unit.
    public var value: Double
    /// The room's air temperature setpoint in force, °C (day or night).
    public var temperatureSetpoint: Double
    /// Whether the lamps are on now.
    public var lightsOn: Bool
    /// Lamp electric power now, kW.
    public var lampPowerKW: Double
    /// Electricity price now, currency per kWh.
    public var pricePerKWh: Double
    /// The room's crop: `"cannabis"`, `"lettuce"` or `"none"`.
    public var cropKind: String
    /// Harvestable dry mass standing in the room, g (whole canopy).
    public var standingCropGrams: Double
    /// Devices with a fault now (names as in the `devices` attribute, e.g. `"cooling"`).
    public var faultedDevices: [String]
    /// Whether the room has an outdoor-air damper to ventilate with.
    public var canVentilate: Bool
    /// Whether an earlier decision's action is still in force in this room.
    public var actionInForce: Bool

    public init(roomID: String, timeHours: Double, ruleID: String, severity: RuleSeverity, signal: Signal,
                value: Double, temperatureSetpoint: Double, lightsOn: Bool, lampPowerKW: Double, pricePerKWh: Double,
                cropKind: String, standingCropGrams: Double, faultedDevices: [String], canVentilate: Bool,
                actionInForce: Bool) {
        self.roomID = roomID
        self.timeHours = timeHours
        self.ruleID = ruleID
        self.severity = severity
        self.signal = signal
        self.value = value
        self.temperatureSetpoint = temperatureSetpoint
        self.lightsOn = lightsOn
        self.lampPowerKW = lampPowerKW
        self.pricePerKWh = pricePerKWh
        self.cropKind = cropKind
        self.standingCropGrams = standingCropGrams
        self.faultedDevices = faultedDevices
        self.canVentilate = canVentilate
        self.actionInForce = actionInForce
    }

    /// Every number of the context in a fixed order, for the audit log's inputs digest.
    public var numbers: [Double] {
        [timeHours, Double(severity.level), value, temperatureSetpoint, lightsOn ? 1 : 0, lampPowerKW, pricePerKWh,
         standingCropGrams, Double(faultedDevices.count), canVentilate ? 1 : 0, actionInForce ? 1 : 0]
    }
}
