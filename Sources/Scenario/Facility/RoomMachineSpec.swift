import SimKernel
import TwinModels

/// One `facility.machines[]` entry: a machine behind one device of one room (the cooling
/// unit's compressor, the dehumidifier's compressor, the circulation fans or the irrigation
/// pump), whose failure takes that device out of service until it is repaired.
///
/// The machine twin is the `MachineModel` preset of `kind` (calibration/machines.yaml); the
/// `preset` (`MachineScenarioPreset`) contributes its cooling factor, bearing wear multiplier
/// and initial bearing wear, each of which may be overridden. The load is not the preset's:
/// it is the device's command fraction every control step.
public struct RoomMachineSpec: Sendable, Equatable {
    /// The room device a machine drives.
    public enum Serves: String, Sendable, Equatable, CaseIterable {
        case cooling, dehumidifier, fans, irrigation

        /// The machine kind used when the entry names none.
        public var defaultKind: MachineKind {
            switch self {
            case .cooling: .compressor
            case .dehumidifier: .dehumidifier
            case .fans: .fan
            case .irrigation: .pump
            }
        }
    }

    /// Machine id (names the `timeseries/machines/<id>` dataset); unique in the facility.
    public var id: String
    /// Id of the room the machine serves.
    public var room: String
    public var serves: Serves
    public var kind: MachineKind
    public var preset: MachineScenarioPreset
    /// Air around the machine, °C (−40…60); nil = the room's air temperature each step.
    public var ambientTemperature: Double?
    /// Fraction of nominal cooling (0…1); nil takes the preset's.
    public var coolingFactor: Double?
    /// Bearing damage-rate multiplier (0.1…100); nil takes the preset's.
    public var bearingWearMultiplier: Double?
    /// Fraction of the bearings' individual life used at the start (0…0.99); nil takes the preset's.
    public var initialBearingWear: Double?
    /// Time from failure to the end of the repair when a technician is free, h.
    public var repairTime: Distribution
    /// The root zone the pump waters (irrigation pumps only; nil otherwise).
    public var irrigation: IrrigationSpec?

    public init(id: String, room: String, serves: Serves, kind: MachineKind? = nil,
                preset: MachineScenarioPreset = .normal, ambientTemperature: Double? = nil,
                coolingFactor: Double? = nil, bearingWearMultiplier: Double? = nil, initialBearingWear: Double? = nil,
                repairTime: Distribution = .lognormal(mean: 8, sd: 4), irrigation: IrrigationSpec? = nil) {
        self.id = id
        self.room = room
        self.serves = serves
        self.kind = kind ?? serves.defaultKind
        self.preset = preset
        self.ambientTemperature = ambientTemperature
        self.coolingFactor = coolingFactor
        self.bearingWearMultiplier = bearingWearMultiplier
        self.initialBearingWear = initialBearingWear
        self.repairTime = repairTime
        self.irrigation = serves == .irrigation ? (irrigation ?? IrrigationSpec()) : nil
    }

    /// The machine's cooling factor, bearing wear multiplier and initial bearing wear: the
    /// preset's with the overrides applied.
    public var resolvedCoolingFactor: Double {
        coolingFactor ?? ((try? preset.conditions())?.coolingFactor ?? 1)
    }
    public var resolvedBearingWearMultiplier: Double {
        bearingWearMultiplier ?? ((try? preset.conditions())?.bearingWearMultiplier ?? 1)
    }
    public var resolvedInitialBearingWear: Double { initialBearingWear ?? preset.initialBearingWear }
}

/// The root zone an irrigation pump waters and its irrigation schedule (FAO-56 ch. 8 water
/// balance; see `RootZoneWater` in the Lab module).
public struct IrrigationSpec: Sendable, Equatable {
    /// Total available water of the substrate, mm (= L per m² of canopy), 0.1…500. Default 15
    /// mm: about 30 L of coco coir or stone wool per m² holding ≈ 0.5 L L⁻¹ of plant-available
    /// water. FAO-56 eq. 82: TAW = 1000·(θ_FC − θ_WP)·Z_r.
    public var totalAvailableWater: Double
    /// Depletion fraction p, 0.05…0.95: the share of TAW the crop can take up before it is
    /// stressed (RAW = p·TAW, FAO-56 eq. 83). Default 0.5, FAO-56 Table 22's common value.
    public var depletionFraction: Double
    /// Hours between irrigation events, 0.1…48. Default 2.
    public var intervalHours: Double
    /// Minutes the pump runs per event, 1…240. Default 10.
    public var eventMinutes: Double

    public init(totalAvailableWater: Double = 15, depletionFraction: Double = 0.5, intervalHours: Double = 2,
                eventMinutes: Double = 10) {
        self.totalAvailableWater = totalAvailableWater
        self.depletionFraction = depletionFraction
        self.intervalHours = intervalHours
        self.eventMinutes = eventMinutes
    }
}
