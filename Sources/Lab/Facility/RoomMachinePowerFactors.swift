/// Multipliers on the electric power of the machine-driven devices of one room: a worn
/// compressor or fan draws more for the same duty (`RoomMachines.powerFactor`). 1 = as rated.
struct RoomMachinePowerFactors {
    var cooling = 1.0
    var dehumidifier = 1.0
    var fans = 1.0

    subscript(device: RoomEquipment.Device) -> Double {
        get {
            switch device {
            case .cooling: cooling
            case .dehumidifier: dehumidifier
            case .fans: fans
            default: 1
            }
        }
        set {
            switch device {
            case .cooling: cooling = newValue
            case .dehumidifier: dehumidifier = newValue
            case .fans: fans = newValue
            default: break
            }
        }
    }

    /// Applies the multipliers to one step's device outputs.
    func apply(to outputs: inout RoomEquipment.Outputs) {
        outputs[.cooling].electricPower *= cooling
        outputs[.dehumidifier].electricPower *= dehumidifier
        outputs[.fans].electricPower *= fans
    }
}
