import Foundation
import Yams
import SimKernel
import TwinModels

/// Reading of `facility.machines` (the machines behind the rooms' devices) and
/// `facility.machine_technicians`; fields, units and defaults in docs/scenario-format.md.
extension ScenarioLoader {
    static func readRoomMachines(_ reader: FieldReader, rooms: [RoomSpec]) -> (machines: [RoomMachineSpec], technicians: Int?) {
        var machines: [RoomMachineSpec] = []
        // Dictionaries and sets, not searches of the lists: a facility may have 10⁵ rooms.
        var roomsByID: [String: RoomSpec] = [:]
        for room in rooms where roomsByID[room.id] == nil { roomsByID[room.id] = room }
        var machineIDs: Set<String> = []
        var roomDevices: Set<[String]> = []
        for item in reader.list("machines", required: false, itemName: "room machine") {
            let machine = readRoomMachine(item, rooms: rooms, byID: roomsByID)
            if reader.schema == nil, !machine.id.isEmpty, !machineIDs.insert(machine.id).inserted {
                item.report("id", expected: "a machine id not used by another machine ('\(machine.id)' is taken)")
            }
            if reader.schema == nil, !machine.room.isEmpty, !roomDevices.insert([machine.room, machine.serves.rawValue]).inserted {
                item.report("serves", expected: "one machine per room and device ('\(machine.room)' already has a "
                            + "\(machine.serves.rawValue) machine)")
            }
            machines.append(machine)
        }
        let technicians: Int?
        if reader.schema != nil || reader.peek("machine_technicians") != nil {
            reader.schema?.add("machine_technicians", required: false, [
                "type": "integer", "minimum": 1, "maximum": 1000, "description": "optional; default: unlimited"])
            technicians = reader.int("machine_technicians", in: 1...1000)
        } else {
            technicians = nil
        }
        return (machines, technicians)
    }

    private static func readRoomMachine(_ item: FieldReader, rooms: [RoomSpec], byID: [String: RoomSpec]) -> RoomMachineSpec {
        let id = item.string("id")
        item.checkID("id", id, names: "the dataset timeseries/machines/<id>")
        let roomID = item.string("room")
        let served = item.string("serves", allowed: RoomMachineSpec.Serves.allCases.map(\.rawValue))
        let serves = RoomMachineSpec.Serves(rawValue: served) ?? .cooling
        let kind = item.string("kind", default: serves.defaultKind.rawValue, allowed: MachineKind.allCases.map(\.rawValue))
        let preset = item.string("preset", default: "normal", allowed: MachineScenarioPreset.allCases.map(\.rawValue))
        let ambient = item.optionalDouble("ambient_temperature_c", in: -40...60, unit: "°C (default: the room's air)")
        let cooling = item.optionalDouble("cooling_factor", in: 0...1, unit: "fraction of nominal cooling")
        let wear = item.optionalDouble("bearing_wear_multiplier", in: 0.1...100, unit: "×")
        let initial = item.optionalDouble("initial_bearing_wear", in: 0...0.99, unit: "fraction of bearing life")
        let repair = item.distribution("repair_time_hours", unit: "hours", default: .lognormal(mean: 8, sd: 4))
        var irrigation: IrrigationSpec?
        if let section = item.section("irrigation", required: false) {
            irrigation = IrrigationSpec(
                totalAvailableWater: section.double("total_available_water_mm", default: 15, in: 0.1...500,
                                                    unit: "mm (L per m2 of canopy)"),
                depletionFraction: section.double("depletion_fraction", default: 0.5, in: 0.05...0.95, unit: "fraction of TAW"),
                intervalHours: section.double("interval_hours", default: 2, in: 0.1...48, unit: "hours"),
                eventMinutes: section.double("event_minutes", default: 10, in: 1...240, unit: "minutes"))
            section.finish()
            if item.schema == nil, serves != .irrigation {
                item.report("irrigation", expected: "no irrigation section on a machine that serves \(served) "
                            + "(only irrigation pumps water a root zone)")
            }
        }
        if item.schema == nil, !roomID.isEmpty {
            if let room = byID[roomID] {
                if let missing = missingDevice(serves, in: room.hvac) {
                    item.report("serves", expected: "a device installed in room '\(roomID)' (its hvac.\(missing) is 0)")
                }
                if serves == .irrigation, room.crop.kind == .none {
                    item.report("serves", expected: "a room with a crop for an irrigation pump (room '\(roomID)' has none)")
                }
            } else {
                item.report("room", expected: unknownRoom(roomID, rooms: rooms, sink: item.sink))
            }
        }
        item.finish()
        return RoomMachineSpec(
            id: id, room: roomID, serves: serves, kind: MachineKind(rawValue: kind),
            preset: MachineScenarioPreset(rawValue: preset) ?? .normal, ambientTemperature: ambient,
            coolingFactor: cooling, bearingWearMultiplier: wear, initialBearingWear: initial, repairTime: repair,
            irrigation: irrigation)
    }

    /// The hvac key that is zero when the served device is not installed, or nil if it is.
    private static func missingDevice(_ serves: RoomMachineSpec.Serves, in hvac: HVACSpec) -> String? {
        switch serves {
        case .cooling: hvac.coolingKW > 0 ? nil : "cooling_kw"
        case .dehumidifier: hvac.dehumidifierLitresPerDay > 0 ? nil : "dehumidifier_l_per_day"
        case .fans: hvac.fanWatts > 0 ? nil : "fan_w"
        case .irrigation: nil
        }
    }
}
