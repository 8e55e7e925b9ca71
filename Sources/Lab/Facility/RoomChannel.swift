import TwinModels

/// A recordable time-series channel of a room, with its unit and how to read it.
///
/// The raw values are the names scenarios use in `recording.channels` and the column names
/// in the run file; `FacilitySpec.roomChannels` lists the same names (a test keeps them equal).
enum RoomChannel: String, CaseIterable {
    case airTemperature = "air_temperature"
    case relativeHumidity = "relative_humidity"
    case vpdAir = "vpd_air"
    case vpdLeaf = "vpd_leaf"
    case co2
    case canopyTemperature = "canopy_temperature"
    case massTemperature = "mass_temperature"
    case dewPoint = "dew_point"
    case ppfd
    case lightsOn = "lights_on"
    case measuredAirTemperature = "measured_air_temperature"
    case measuredRelativeHumidity = "measured_relative_humidity"
    case measuredCO2 = "measured_co2"
    case coolingCommand = "cooling_command"
    case heatingCommand = "heating_command"
    case dehumidifierCommand = "dehumidifier_command"
    case humidifierCommand = "humidifier_command"
    case co2Command = "co2_command"
    case outdoorAirCommand = "outdoor_air_command"
    case lightingPower = "lighting_power"
    case coolingPower = "cooling_power"
    case heatingPower = "heating_power"
    case dehumidifierPower = "dehumidifier_power"
    case humidifierPower = "humidifier_power"
    case fanPower = "fan_power"
    case outdoorAirPower = "outdoor_air_power"
    case totalPower = "total_power"
    case transpiration
    case condensateRemoved = "condensate_removed"
    case co2Injected = "co2_injected"
    case cropDryMass = "crop_dry_mass"
    case leafAreaIndex = "leaf_area_index"
    case outdoorTemperature = "outdoor_temperature"
    case outdoorRelativeHumidity = "outdoor_relative_humidity"

    /// The unit stored in the dataset's `units` attribute.
    var unit: String {
        switch self {
        case .airTemperature, .canopyTemperature, .massTemperature, .dewPoint, .measuredAirTemperature,
             .outdoorTemperature: "degC"
        case .relativeHumidity, .measuredRelativeHumidity, .outdoorRelativeHumidity: "%"
        case .vpdAir, .vpdLeaf: "kPa"
        case .co2, .measuredCO2: "ppm"
        case .ppfd: "umol/m2/s"
        case .lightsOn: "0/1"
        case .coolingCommand, .heatingCommand, .dehumidifierCommand, .humidifierCommand, .co2Command,
             .outdoorAirCommand: "fraction"
        case .lightingPower, .coolingPower, .heatingPower, .dehumidifierPower, .humidifierPower, .fanPower,
             .outdoorAirPower, .totalPower: "kW"
        case .transpiration, .condensateRemoved: "kg/h"
        case .co2Injected: "kg/h"
        case .cropDryMass: "g/m2"
        case .leafAreaIndex: "m2/m2"
        }
    }

    /// The channel's value for `room` now; a sensor dropout records NaN.
    func value(in room: GrowRoom) -> Double {
        switch self {
        case .airTemperature: room.airTemperature
        case .relativeHumidity: room.relativeHumidity
        case .vpdAir: room.airVPD
        case .vpdLeaf: room.leafVPD
        case .co2: room.co2
        case .canopyTemperature: room.canopyTemperature
        case .massTemperature: room.component.y[RoomClimate.Index.massTemperature]
        case .dewPoint: room.dewPoint
        case .ppfd: room.ppfd
        case .lightsOn: room.lightsOn ? 1 : 0
        case .measuredAirTemperature: room.observation.airTemperature ?? .nan
        case .measuredRelativeHumidity: room.observation.relativeHumidity ?? .nan
        case .measuredCO2: room.observation.co2 ?? .nan
        case .coolingCommand: room.command.cooling
        case .heatingCommand: room.command.heating
        case .dehumidifierCommand: room.command.dehumidification
        case .humidifierCommand: room.command.humidification
        case .co2Command: room.command.co2Injection
        case .outdoorAirCommand: room.command.outdoorAir
        case .lightingPower: room.lampPower / 1000
        case .coolingPower: room.outputs[.cooling].electricPower / 1000
        case .heatingPower: room.outputs[.heating].electricPower / 1000
        case .dehumidifierPower: room.outputs[.dehumidifier].electricPower / 1000
        case .humidifierPower: room.outputs[.humidifier].electricPower / 1000
        case .fanPower: room.outputs[.fans].electricPower / 1000
        case .outdoorAirPower: room.outputs[.outdoorAir].electricPower / 1000
        case .totalPower: (room.lampPower + room.outputs.total.electricPower) / 1000
        case .transpiration: room.transpirationRate * 3600
        case .condensateRemoved: max(0, -(room.outputs[.cooling].water + room.outputs[.dehumidifier].water)) * 3600
        case .co2Injected: room.outputs[.co2].co2 * 3600
        case .cropDryMass: room.cropView.totalDryMass
        case .leafAreaIndex: room.cropView.leafAreaIndex
        case .outdoorTemperature: room.outdoor.temperature
        case .outdoorRelativeHumidity: room.outdoor.relativeHumidity
        }
    }
}
