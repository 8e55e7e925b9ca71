import TwinModels
import Control
import Scenario

/// The climate devices installed in one room, built from its `hvac` section.
///
/// A capacity of zero means the device is not installed; its output is then zero. The
/// recirculation fans always run at full speed.
struct RoomEquipment {
    /// Devices in ledger and record order.
    enum Device: Int, CaseIterable {
        case lighting, cooling, heating, dehumidifier, humidifier, fans, co2, outdoorAir

        /// The name used in scenario faults, ledgers and recorded columns.
        var name: String {
            switch self {
            case .lighting: "lighting"
            case .cooling: "cooling"
            case .heating: "heating"
            case .dehumidifier: "dehumidifier"
            case .humidifier: "humidifier"
            case .fans: "fans"
            case .co2: "co2"
            case .outdoorAir: "outdoor_air"
            }
        }

        init?(name: String) {
            guard let device = Device.allCases.first(where: { $0.name == name }) else { return nil }
            self = device
        }
    }

    var cooling: CoolingCoil?
    var heater: Heater?
    var dehumidifier: Dehumidifier?
    var humidifier: Humidifier?
    var fan: Fan?
    var injector: CO2Injector?
    var damper: OutdoorAirDamper?

    /// Built by ``HVACDevices``, the same construction the scenario loader checks.
    init(spec: HVACSpec) throws(ModelInputError) {
        let devices: HVACDevices
        do { devices = try HVACDevices(spec: spec) } catch { throw error.underlying }
        cooling = devices.cooling
        heater = devices.heater
        dehumidifier = devices.dehumidifier
        humidifier = devices.humidifier
        fan = devices.fan
        injector = devices.injector
        damper = devices.damper
    }

    /// Sets a device's remaining capacity (a fault, or its repair); lighting is handled by the room.
    mutating func setAvailability(_ value: Double, of device: Device) {
        switch device {
        case .cooling: cooling?.availability = value
        case .heating: heater?.availability = value
        case .dehumidifier: dehumidifier?.availability = value
        case .humidifier: humidifier?.availability = value
        case .fans: fan?.availability = value
        case .co2: injector?.availability = value
        case .outdoorAir: damper?.availability = value
        case .lighting: break
        }
    }

    /// What every device does over the next step under `command`.
    ///
    /// - Parameter co2Supply: the most CO₂ the tank can deliver per second over the step, kg s⁻¹.
    func outputs(for command: ClimateCommand, air: AirState, outdoor: Double, co2Supply: Double) -> Outputs {
        var result = Outputs()
        result[.cooling] = cooling?.output(command: command.cooling, air: air, outdoor: outdoor) ?? DeviceOutput()
        result[.heating] = heater?.output(command: command.heating) ?? DeviceOutput()
        result[.dehumidifier] = dehumidifier?.output(command: command.dehumidification, air: air) ?? DeviceOutput()
        result[.humidifier] = humidifier?.output(command: command.humidification) ?? DeviceOutput()
        result[.fans] = fan?.output(command: 1) ?? DeviceOutput()
        result[.co2] = injector?.output(command: command.co2Injection, supplyLimit: co2Supply) ?? DeviceOutput()
        result[.outdoorAir] = damper?.output(command: command.outdoorAir) ?? DeviceOutput()
        return result
    }

    /// One output per device, indexed by ``Device``; a fixed-size value so a step allocates nothing.
    struct Outputs {
        private var storage = (DeviceOutput(), DeviceOutput(), DeviceOutput(), DeviceOutput(), DeviceOutput(),
                               DeviceOutput(), DeviceOutput(), DeviceOutput())

        subscript(device: Device) -> DeviceOutput {
            get {
                switch device {
                case .lighting: storage.0
                case .cooling: storage.1
                case .heating: storage.2
                case .dehumidifier: storage.3
                case .humidifier: storage.4
                case .fans: storage.5
                case .co2: storage.6
                case .outdoorAir: storage.7
                }
            }
            set {
                switch device {
                case .lighting: storage.0 = newValue
                case .cooling: storage.1 = newValue
                case .heating: storage.2 = newValue
                case .dehumidifier: storage.3 = newValue
                case .humidifier: storage.4 = newValue
                case .fans: storage.5 = newValue
                case .co2: storage.6 = newValue
                case .outdoorAir: storage.7 = newValue
                }
            }
        }

        /// The sum over all devices.
        var total: DeviceOutput {
            let d = storage
            var sum = d.0
            for next in [d.1, d.2, d.3, d.4, d.5, d.6, d.7] {
                sum.sensibleHeat += next.sensibleHeat
                sum.water += next.water
                sum.co2 += next.co2
                sum.outdoorAirFlow += next.outdoorAirFlow
                sum.electricPower += next.electricPower
            }
            return sum
        }
    }
}
