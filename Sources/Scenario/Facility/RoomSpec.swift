/// One grow room of a facility scenario.
public struct RoomSpec: Sendable, Equatable {
    public var id: String
    public var floorArea: Double
    public var height: Double
    public var canopyArea: Double
    /// Envelope U-value, W m⁻² K⁻¹, over floor + walls (nil = model default 0.3).
    public var envelopeUValue: Double?
    public var infiltrationACH: Double
    public var crop: CropSpec
    public var lighting: LightingSpec
    public var hvac: HVACSpec
    public var setpoints: SetpointOverrides
    /// Sensor quality: "typical" (datasheet noise, drift, dropouts) or "ideal".
    public var sensors: String
    /// Initial air state.
    public var initialTemperature: Double
    public var initialRelativeHumidity: Double
    public var initialCO2: Double
}

/// The crop in a room.
public struct CropSpec: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable { case cannabis, lettuce, none }
    public var kind: Kind
    /// Growth stage at time zero (cannabis: propagation, vegetative, flowering; lettuce: growing).
    public var startStage: String
    /// Days already spent in the start stage.
    public var startDay: Double
    /// Photon conversion efficiency, g dry flower per mol of photons (cannabis).
    public var photonConversionEfficiency: Double?
    /// Stage lengths, days (cannabis: propagation, vegetative, flowering; lettuce: growing).
    public var stageDays: [String: Double]
    /// Whether a harvested room is replanted at once (continuous production) or left empty.
    public var replant: Bool
    /// The calibration set the values came from (`calibration/cultivars.yaml`), if any.
    public var cultivar: String? = nil
    /// Cardinal temperatures of the cultivar, °C (nil = model defaults).
    public var optimumTemperature: Double? = nil
    public var maximumTemperature: Double? = nil
}

/// Fixtures and photoperiod of a room.
public struct LightingSpec: Sendable, Equatable {
    public enum Lamp: String, Sendable, Equatable, CaseIterable { case led, hps }
    public var lamp: Lamp
    /// Photosynthetic photon efficacy, µmol J⁻¹.
    public var efficacy: Double
    /// PPFD at the canopy at full power, µmol m⁻² s⁻¹ (what the installed fixtures can give).
    public var maximumPPFD: Double
    /// PPFD the schedule asks for, µmol m⁻² s⁻¹ (≤ maximumPPFD); nil = by stage.
    public var ppfd: Double?
    /// Lights-on hours per day; nil = by stage (18 vegetative, 12 flowering, 16 lettuce).
    public var hoursOn: Double?
    /// Hour of day the lights switch on.
    public var lightsOnHour: Double
}

/// Climate equipment of a room; zero means "not installed".
public struct HVACSpec: Sendable, Equatable {
    public var coolingKW: Double
    public var coolingCOP: Double
    public var heatingKW: Double
    public var heatingCOP: Double
    public var dehumidifierLitresPerDay: Double
    public var dehumidifierLitresPerKWh: Double
    public var humidifierKilogramsPerHour: Double
    public var fanWatts: Double
    public var co2KilogramsPerHour: Double
    public var outdoorAirCubicMetresPerSecond: Double
    /// Level at which the independent high-CO₂ monitor closes the dosing valve, ppm
    /// (1,000…20,000; default 2,000; see `CO2SafetyCutout`).
    public var co2CutoutPPM = 2000.0
}

/// Optional replacements for the stage's default climate setpoints, and offsets on top of them.
public struct SetpointOverrides: Sendable, Equatable {
    /// Lights-on air temperature for every stage, °C (5…40); nil keeps the stage's.
    public var dayTemperature: Double?
    /// Lights-off air temperature for every stage, °C (5…40); nil keeps the stage's.
    public var nightTemperature: Double?
    /// VPD target, day and night, kPa (0.2…3); nil keeps the stage's.
    public var vpd: Double?
    /// CO₂ target while lit, ppm (300…2000); nil keeps the stage's.
    public var co2: Double?
    /// Added to the lights-on temperature after any override, °C (−5…5).
    public var dayTemperatureOffset = 0.0
    /// Added to the lights-off temperature after any override, °C (−5…5).
    public var nightTemperatureOffset = 0.0

    public init(dayTemperature: Double? = nil, nightTemperature: Double? = nil, vpd: Double? = nil, co2: Double? = nil,
                dayTemperatureOffset: Double = 0, nightTemperatureOffset: Double = 0) {
        self.dayTemperature = dayTemperature
        self.nightTemperature = nightTemperature
        self.vpd = vpd
        self.co2 = co2
        self.dayTemperatureOffset = dayTemperatureOffset
        self.nightTemperatureOffset = nightTemperatureOffset
    }
}
